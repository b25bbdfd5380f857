package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import org.agrona.collections.IntArrayList;

/**
 * A datatype (MPI_Datatype): the basic types of {@link MPI} ({@code MPI.INT}, ...) and the derived types built from
 * them with the {@code create*} methods.
 * <p>
 * As in Open MPI's Java bindings, every datatype has a <em>base type</em>, the element type of the buffers it
 * describes, and {@link #getExtent()}, {@link #getLb()}, {@link #getSize()} and the true bounds count elements of
 * the base type, not bytes. The arguments that MPI gives in bytes are bytes here too: the stride of
 * {@link #createHVector}, the displacements of {@link #createHIndexed} and {@link #createStruct}, and the bounds of
 * {@link #createResized}. A struct's base type is {@link MPI#BYTE}: it describes byte buffers.
 * <p>
 * A type is flattened into its typemap, a list of blocks of consecutive base elements, when it is built; committing
 * it is required by MPI and checked by nothing here.
 */
public final class Datatype implements Freeable
{
    private static final int[] NONE = new int[0];

    /** The element type of buffers of this type. */
    final BaseType base;
    /** Start of each block of the typemap, in base elements from the item's origin. */
    final int[] displacements;
    /** Base elements in each block. */
    final int[] lengths;
    /** Base elements of data in one item. */
    final int size;
    /** Lower bound, in base elements. */
    final int lb;
    /** Extent, in base elements: consecutive items start this far apart. */
    final int extent;
    /** True if an item is its {@link #size} consecutive elements and items follow one another. */
    final boolean contiguous;
    /** For the (value, index) pair types of MINLOC and MAXLOC: where the value and the index lie. */
    final PairLayout pair;
    /** True for FLOAT_COMPLEX and DOUBLE_COMPLEX, on which only SUM is defined. */
    final boolean complex;

    /** Lower bound of the data itself, in base elements. */
    final int trueLb;
    /** Span of the data itself, in base elements. */
    final int trueExtent;
    private final boolean predefined;
    private final Attributes attributes = new Attributes();
    private String name;
    private boolean freed;

    private Datatype(
        final String name, final BaseType base, final int[] displacements, final int[] lengths, final int lb,
        final int extent, final PairLayout pair, final boolean predefined)
    {
        this.name = name;
        this.base = base;
        this.displacements = displacements;
        this.lengths = lengths;
        this.lb = lb;
        this.extent = extent;
        this.pair = pair;
        this.complex = null == pair && 2 == extent && predefined && 1 == lengths.length &&
            (BaseType.FLOAT == base || BaseType.DOUBLE == base);
        this.predefined = predefined;
        int elements = 0;
        int first = 0;
        int end = 0;
        for (int b = 0; b < lengths.length; b++)
        {
            first = 0 == b ? displacements[b] : Math.min(first, displacements[b]);
            end = 0 == b ? displacements[b] + lengths[b] : Math.max(end, displacements[b] + lengths[b]);
            elements += lengths[b];
        }
        this.size = elements;
        this.trueLb = first;
        this.trueExtent = end - first;
        this.contiguous = 0 == lb && extent == elements &&
            (0 == lengths.length || (1 == lengths.length && 0 == displacements[0]));
    }

    static Datatype basic(final String name, final BaseType base, final int elements)
    {
        return new Datatype(name, base, new int[]{ 0 }, new int[]{ elements }, 0, elements, null, true);
    }

    static Datatype pair(final String name, final PairLayout layout)
    {
        final boolean gap = layout.indexOffset != layout.valueSize;
        final int[] displacements = gap ? new int[]{ 0, layout.indexOffset } : new int[]{ 0 };
        final int[] lengths = gap ? new int[]{ layout.valueSize, 4 } : new int[]{ layout.valueSize + 4 };
        return new Datatype(name, BaseType.BYTE, displacements, lengths, 0, layout.extent, layout, true);
    }

    /**
     * The returned type stands for MPI_DATATYPE_NULL: it describes no buffer.
     */
    static Datatype nullType()
    {
        final Datatype type = new Datatype("DATATYPE_NULL", BaseType.BYTE, NONE, NONE, 0, 0, null, true);
        type.freed = true;
        return type;
    }

    /**
     * MPI_Type_contiguous: {@code count} copies of the old type, one extent apart. The base type is the old type's.
     *
     * @param count   replication count.
     * @param oldType old datatype.
     * @return new datatype.
     * @throws MPIException ERR_COUNT if count is negative, ERR_TYPE if the old type is freed.
     */
    public static Datatype createContiguous(final int count, final Datatype oldType) throws MPIException
    {
        return strided("Contiguous", count, 1, 1, oldType);
    }

    /**
     * MPI_Type_vector: {@code count} blocks of {@code blockLength} copies of the old type, block starts
     * {@code stride} old-type extents apart.
     *
     * @param count       number of blocks.
     * @param blockLength copies of the old type in each block.
     * @param stride      distance between block starts, in extents of the old type.
     * @param oldType     old datatype.
     * @return new datatype.
     * @throws MPIException ERR_COUNT if a count is negative, ERR_TYPE if the old type is freed.
     */
    public static Datatype createVector(final int count, final int blockLength, final int stride,
        final Datatype oldType) throws MPIException
    {
        return strided("Vector", count, blockLength, stride, oldType);
    }

    /**
     * MPI_Type_create_hvector: as {@link #createVector}, with the stride in bytes.
     *
     * @param count       number of blocks.
     * @param blockLength copies of the old type in each block.
     * @param stride      bytes between block starts; a multiple of the base type's size.
     * @param oldType     old datatype.
     * @return new datatype.
     * @throws MPIException ERR_ARG if the stride is not a whole number of base elements.
     */
    public static Datatype createHVector(final int count, final int blockLength, final int stride,
        final Datatype oldType) throws MPIException
    {
        try
        {
            final Datatype type = usable(oldType);
            return placed("HVector", type, count, blockLength, elementsOf(stride, type.base, "stride"));
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_indexed: block i holds {@code blockLengths[i]} copies of the old type and starts
     * {@code displacements[i]} old-type extents from the origin.
     *
     * @param blockLengths  copies per block; its length is the number of blocks.
     * @param displacements start of each block, in extents of the old type.
     * @param oldType       old datatype.
     * @return new datatype.
     * @throws MPIException ERR_ARG if the arrays differ in length, ERR_COUNT if a length is negative.
     */
    public static Datatype createIndexed(final int[] blockLengths, final int[] displacements,
        final Datatype oldType) throws MPIException
    {
        return indexed("Indexed", blockLengths, displacements, false, oldType);
    }

    /**
     * MPI_Type_create_hindexed: as {@link #createIndexed}, with the displacements in bytes.
     *
     * @param blockLengths  copies per block.
     * @param displacements start of each block in bytes; multiples of the base type's size.
     * @param oldType       old datatype.
     * @return new datatype.
     * @throws MPIException ERR_ARG if a displacement is not a whole number of base elements.
     */
    public static Datatype createHIndexed(final int[] blockLengths, final int[] displacements,
        final Datatype oldType) throws MPIException
    {
        return indexed("HIndexed", blockLengths, displacements, true, oldType);
    }

    /**
     * MPI_Type_create_indexed_block: as {@link #createIndexed} with every block {@code blockLength} copies long.
     *
     * @param blockLength   copies in each block.
     * @param displacements start of each block, in extents of the old type.
     * @param oldType       old datatype.
     * @return new datatype.
     * @throws MPIException ERR_COUNT if the block length is negative.
     */
    public static Datatype createIndexedBlock(final int blockLength, final int[] displacements,
        final Datatype oldType) throws MPIException
    {
        final int[] lengths = new int[null == displacements ? 0 : displacements.length];
        java.util.Arrays.fill(lengths, blockLength);
        return indexed("IndexedBlock", lengths, displacements, false, oldType);
    }

    /**
     * MPI_Type_create_struct: block i holds {@code blockLengths[i]} copies of {@code types[i]} and starts
     * {@code displacements[i]} bytes from the origin. The base type of the result is {@link MPI#BYTE}: it describes
     * byte arrays and buffers, as in Open MPI.
     *
     * @param blockLengths  copies per block.
     * @param displacements start of each block, in bytes.
     * @param types         type of each block.
     * @return new datatype.
     * @throws MPIException ERR_ARG if the arrays differ in length, ERR_TYPE if a type is freed.
     */
    public static Datatype createStruct(final int[] blockLengths, final int[] displacements,
        final Datatype[] types) throws MPIException
    {
        try
        {
            checkLengths(blockLengths, displacements);
            if (null == types || types.length != blockLengths.length)
            {
                throw new MpiException(ErrorClass.ERR_ARG, blockLengths.length + " block lengths and " +
                    (null == types ? 0 : types.length) + " types");
            }
            final Builder builder = new Builder();
            for (int i = 0; i < types.length; i++)
            {
                final Datatype type = usable(types[i]);
                final int scale = type.base.size;
                for (int j = 0; j < checkCount(blockLengths[i]); j++)
                {
                    builder.placeScaled(displacements[i] + j * type.extent * scale, type, scale);
                }
            }
            return builder.build("Struct", BaseType.BYTE);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_create_resized: the old type's typemap with a new lower bound and extent, in bytes.
     *
     * @param oldType old datatype.
     * @param lb      new lower bound in bytes; a multiple of the base type's size.
     * @param extent  new extent in bytes; a multiple of the base type's size.
     * @return new datatype.
     * @throws MPIException ERR_ARG if a bound is not a whole number of base elements.
     */
    public static Datatype createResized(final Datatype oldType, final int lb, final int extent)
        throws MPIException
    {
        try
        {
            final Datatype type = usable(oldType);
            return new Datatype("Resized(" + type.name + ")", type.base, type.displacements, type.lengths,
                elementsOf(lb, type.base, "lb"), elementsOf(extent, type.base, "extent"), type.pair, false);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_dup: a new type with the same typemap, and copies of the attributes whose keyval copies them.
     *
     * @return new datatype.
     * @throws MPIException ERR_TYPE if this type is freed.
     */
    public Datatype dup() throws MPIException
    {
        try
        {
            usable(this);
            final Datatype copy = new Datatype(name, base, displacements, lengths, lb, extent, pair, false);
            attributes.copyInto(copy.attributes);
            return copy;
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return new datatype.
     */
    @Override
    public Datatype clone()
    {
        try
        {
            return dup();
        }
        catch (final MPIException ex)
        {
            throw new RuntimeException(ex.getMessage());
        }
    }

    /**
     * @return the lower bound, in base elements (MPI_Type_get_extent).
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getLb() throws MPIException
    {
        return lb;
    }

    /**
     * @return the extent, in base elements (MPI_Type_get_extent).
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getExtent() throws MPIException
    {
        return extent;
    }

    /**
     * @return the lower bound of the data itself, in base elements (MPI_Type_get_true_extent).
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getTrueLb() throws MPIException
    {
        return trueLb;
    }

    /**
     * @return the span of the data itself, in base elements (MPI_Type_get_true_extent).
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getTrueExtent() throws MPIException
    {
        return trueExtent;
    }

    /**
     * @return the number of base elements of data in one item (MPI_Type_size).
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getSize() throws MPIException
    {
        return size;
    }

    /**
     * MPI_Type_commit: accepted; the typemap is flattened when the type is built.
     *
     * @throws MPIException ERR_TYPE if the type is freed.
     */
    public void commit() throws MPIException
    {
        try
        {
            usable(this);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_free: the type becomes MPI_DATATYPE_NULL; types built from it are not affected.
     *
     * @throws MPIException ERR_TYPE for a predefined type.
     */
    @Override
    public void free() throws MPIException
    {
        if (predefined)
        {
            throw MPIException.of(new MpiException(ErrorClass.ERR_TYPE, "predefined type " + name +
                " cannot be freed"));
        }
        attributes.clear();
        freed = true;
    }

    /**
     * @return true if the type is freed or MPI_DATATYPE_NULL.
     */
    public boolean isNull()
    {
        return freed;
    }

    /**
     * MPI_Type_set_name.
     *
     * @param name the new name.
     * @throws MPIException never; declared as in Open MPI.
     */
    public void setName(final String name) throws MPIException
    {
        this.name = name;
    }

    /**
     * MPI_Type_get_name.
     *
     * @return the name: the constant's name for a predefined type.
     * @throws MPIException never; declared as in Open MPI.
     */
    public String getName() throws MPIException
    {
        return name;
    }

    /**
     * MPI_Type_create_keyval.
     *
     * @return a new keyval, whose attributes are copied by {@link #dup()}.
     * @throws MPIException never; declared as in Open MPI.
     */
    public static int createKeyval() throws MPIException
    {
        return Attributes.createKeyval();
    }

    /**
     * MPI_Type_free_keyval.
     *
     * @param keyval the keyval.
     * @throws MPIException ERR_KEYVAL if it is not a keyval of {@link #createKeyval()}.
     */
    public static void freeKeyval(final int keyval) throws MPIException
    {
        try
        {
            Attributes.freeKeyval(keyval);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_set_attr: the value is stored serialized, as Open MPI does, so it must be Serializable.
     *
     * @param keyval attribute key.
     * @param value  attribute value.
     * @throws MPIException ERR_KEYVAL for an unknown keyval, ERR_ARG for a value that cannot be serialized.
     */
    public void setAttr(final int keyval, final Object value) throws MPIException
    {
        try
        {
            attributes.set(keyval, value);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_get_attr.
     *
     * @param keyval attribute key.
     * @return a copy of the value, or null if none is set.
     * @throws MPIException ERR_KEYVAL for an unknown keyval.
     */
    public Object getAttr(final int keyval) throws MPIException
    {
        try
        {
            return attributes.get(keyval);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_delete_attr.
     *
     * @param keyval attribute key.
     * @throws MPIException ERR_KEYVAL for an unknown keyval.
     */
    public void deleteAttr(final int keyval) throws MPIException
    {
        try
        {
            attributes.delete(keyval);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }

    /**
     * @throws MpiException ERR_TYPE if this type cannot describe data.
     */
    void checkUsable()
    {
        usable(this);
    }

    private static Datatype strided(
        final String name, final int count, final int blockLength, final int stride, final Datatype oldType)
        throws MPIException
    {
        try
        {
            final Datatype type = usable(oldType);
            return placed(name, type, count, blockLength, stride * type.extent);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    private static Datatype placed(
        final String name, final Datatype type, final int count, final int blockLength, final int step)
    {
        checkCount(count);
        checkCount(blockLength);
        final Builder builder = new Builder();
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < blockLength; j++)
            {
                builder.place(i * step + j * type.extent, type);
            }
        }
        return builder.build(name + "(" + type.name + ")", type.base);
    }

    private static Datatype indexed(
        final String name, final int[] blockLengths, final int[] displacements, final boolean inBytes,
        final Datatype oldType) throws MPIException
    {
        try
        {
            final Datatype type = usable(oldType);
            checkLengths(blockLengths, displacements);
            final Builder builder = new Builder();
            for (int i = 0; i < blockLengths.length; i++)
            {
                final int start = inBytes ?
                    elementsOf(displacements[i], type.base, "displacement") : displacements[i] * type.extent;
                for (int j = 0; j < checkCount(blockLengths[i]); j++)
                {
                    builder.place(start + j * type.extent, type);
                }
            }
            return builder.build(name + "(" + type.name + ")", type.base);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    private static int elementsOf(final int bytes, final BaseType base, final String what)
    {
        if (0 != bytes % base.size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, what + " of " + bytes + " bytes is not a whole number of " +
                base + " elements: jmpi addresses buffers in elements of their base type");
        }
        return bytes / base.size;
    }

    private static Datatype usable(final Datatype type)
    {
        if (null == type || type.freed)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, null == type ? "datatype is null" :
                "datatype " + type.name + " has been freed");
        }
        return type;
    }

    private static int checkCount(final int count)
    {
        if (count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "count " + count + " is negative");
        }
        return count;
    }

    private static void checkLengths(final int[] blockLengths, final int[] displacements)
    {
        if (null == blockLengths || null == displacements || blockLengths.length != displacements.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "block lengths and displacements differ in length");
        }
    }

    /**
     * Collects the typemap of a new type from copies of old types placed at displacements, merging adjacent
     * blocks; the bounds are the least lower bound and the greatest upper bound of the copies, as MPI defines them.
     */
    private static final class Builder
    {
        private final IntArrayList displacements = new IntArrayList();
        private final IntArrayList lengths = new IntArrayList();
        private boolean placed;
        private int lb;
        private int ub;

        void place(final int displacement, final Datatype type)
        {
            placeScaled(displacement, type, 1);
        }

        /**
         * Place a copy whose blocks are counted in elements {@code scale} times smaller than the new type's.
         */
        void placeScaled(final int displacement, final Datatype type, final int scale)
        {
            for (int b = 0; b < type.lengths.length; b++)
            {
                add(displacement + type.displacements[b] * scale, type.lengths[b] * scale);
            }
            final int lower = displacement + type.lb * scale;
            final int upper = lower + type.extent * scale;
            lb = placed ? Math.min(lb, lower) : lower;
            ub = placed ? Math.max(ub, upper) : upper;
            placed = true;
        }

        Datatype build(final String name, final BaseType base)
        {
            return new Datatype(name, base, displacements.toIntArray(), lengths.toIntArray(), lb, ub - lb, null,
                false);
        }

        private void add(final int displacement, final int length)
        {
            final int last = lengths.size() - 1;
            if (0 == length)
            {
                return;
            }
            if (last >= 0 && displacements.getInt(last) + lengths.getInt(last) == displacement)
            {
                lengths.setInt(last, lengths.getInt(last) + length);
            }
            else
            {
                displacements.addInt(displacement);
                lengths.addInt(length);
            }
        }
    }
}
