package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import org.agrona.collections.IntArrayList;

import java.lang.reflect.Array;

/**
 * A datatype (MPI_Datatype): the basic types of {@link MPI} ({@code MPI.INT}, ...) and the derived types built
 * from them with {@link #Contiguous}, {@link #Vector}, {@link #Hvector}, {@link #Indexed}, {@link #Hindexed} and
 * {@link #Struct}.
 * <p>
 * As in mpiJava and MPJ Express, a buffer is a one-dimensional Java array of the datatype's <em>base type</em>,
 * and every displacement, stride, extent and size is counted in elements of that array, never in bytes: the
 * {@code H} constructors differ from the others only in that their strides or displacements are array indices
 * rather than multiples of the old type's extent. All components of a derived type have the same base type.
 * <p>
 * A derived type is flattened into its typemap when it is built: a list of blocks of consecutive elements.
 * Sending {@code count} items packs the selected elements into one contiguous array and sends that; receiving
 * unpacks. A type whose items are consecutive elements, such as a basic type or {@code Contiguous} of one, goes
 * to jmpi as the user's array with no copy. {@link #Commit()} is accepted and not required, as in MPJ Express.
 */
public final class Datatype
{
    private static final int[] NONE = new int[0];

    /** The element type of buffers, or null for the MPI.LB and MPI.UB markers. */
    final BaseType base;
    /** Elements of the base type in one item (MPI_Type_size, in elements). */
    final int size;
    /** True if the items of a buffer are its consecutive elements from the offset on, so jmpi can use it as is. */
    final boolean contiguous;
    /** True for a contiguous type of a primitive base: send and receive the user's array directly. */
    final boolean direct;

    private final String name;
    private final int[] displacements;
    private final int[] lengths;
    private final int lb;
    private final int ub;
    private final boolean lbMarked;
    private final boolean ubMarked;
    private final boolean predefined;
    private final int firstElement;
    private final int endElement;
    private boolean freed;
    private Datatype packed;

    private Datatype(
        final String name, final BaseType base, final int[] displacements, final int[] lengths,
        final int lb, final int ub, final boolean lbMarked, final boolean ubMarked, final boolean predefined)
    {
        this.name = name;
        this.base = base;
        this.displacements = displacements;
        this.lengths = lengths;
        this.lb = lb;
        this.ub = ub;
        this.lbMarked = lbMarked;
        this.ubMarked = ubMarked;
        this.predefined = predefined;
        int elements = 0;
        int first = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (int b = 0; b < lengths.length; b++)
        {
            elements += lengths[b];
            first = Math.min(first, displacements[b]);
            end = Math.max(end, displacements[b] + lengths[b]);
        }
        this.size = elements;
        this.firstElement = first;
        this.endElement = end;
        this.contiguous = null != base && 0 == lb && ub == elements &&
            (0 == lengths.length || (1 == lengths.length && 0 == displacements[0]));
        this.direct = contiguous && BaseType.OBJECT != base;
    }

    /**
     * @param name name of the constant.
     * @param base its element type.
     * @return a basic datatype, one element of the base type.
     */
    static Datatype basic(final String name, final BaseType base)
    {
        return new Datatype(name, base, new int[]{ 0 }, new int[]{ 1 }, 0, 1, false, false, true);
    }

    /**
     * @param name  MPI.LB or MPI.UB.
     * @param lower true for MPI.LB.
     * @return a marker that only sets the lower or upper bound of a {@link #Struct}.
     */
    static Datatype marker(final String name, final boolean lower)
    {
        return new Datatype(name, null, NONE, NONE, 0, 0, lower, !lower, true);
    }

    /**
     * @param name name of the constant, such as INT2.
     * @param type a basic type.
     * @return the predefined type of (value, index) pairs for MINLOC and MAXLOC: two consecutive elements.
     */
    static Datatype pair(final String name, final Datatype type)
    {
        return new Datatype(name, type.base, new int[]{ 0 }, new int[]{ 2 }, 0, 2, false, false, true);
    }

    /**
     * MPI_Type_contiguous: {@code count} copies of the old type, one extent apart.
     *
     * @param count   number of copies.
     * @param oldtype the old type.
     * @return the new type, with the base type of the old one.
     * @throws MPIException ERR_COUNT if count is negative; ERR_TYPE if the old type is freed.
     */
    public static Datatype Contiguous(final int count, final Datatype oldtype) throws MPIException
    {
        return strided("Contiguous", count, 1, 1, true, oldtype);
    }

    /**
     * MPI_Type_vector: {@code count} blocks of {@code blocklength} copies of the old type, the starts of
     * consecutive blocks {@code stride} old-type extents apart.
     *
     * @param count       number of blocks.
     * @param blocklength copies of the old type in each block.
     * @param stride      distance between block starts, in extents of the old type.
     * @param oldtype     the old type.
     * @return the new type.
     * @throws MPIException ERR_COUNT if a count is negative; ERR_TYPE if the old type is freed.
     */
    public static Datatype Vector(final int count, final int blocklength, final int stride, final Datatype oldtype)
        throws MPIException
    {
        return strided("Vector", count, blocklength, stride, true, oldtype);
    }

    /**
     * MPI_Type_hvector: as {@link #Vector}, with the stride in buffer elements instead of old-type extents
     * (mpiJava: never in bytes).
     *
     * @param count       number of blocks.
     * @param blocklength copies of the old type in each block.
     * @param stride      distance between block starts, in elements of the buffer.
     * @param oldtype     the old type.
     * @return the new type.
     * @throws MPIException ERR_COUNT if a count is negative; ERR_TYPE if the old type is freed.
     */
    public static Datatype Hvector(final int count, final int blocklength, final int stride, final Datatype oldtype)
        throws MPIException
    {
        return strided("Hvector", count, blocklength, stride, false, oldtype);
    }

    /**
     * MPI_Type_indexed: block i holds {@code array_of_blocklengths[i]} copies of the old type and starts
     * {@code array_of_displacements[i]} old-type extents from the origin.
     *
     * @param array_of_blocklengths  copies of the old type per block; its length is the number of blocks.
     * @param array_of_displacements start of each block, in extents of the old type.
     * @param oldtype                the old type.
     * @return the new type.
     * @throws MPIException ERR_ARG if the arrays differ in length; ERR_COUNT if a length is negative.
     */
    public static Datatype Indexed(
        final int[] array_of_blocklengths, final int[] array_of_displacements, final Datatype oldtype)
        throws MPIException
    {
        return indexed("Indexed", array_of_blocklengths, array_of_displacements, true, oldtype);
    }

    /**
     * MPI_Type_hindexed: as {@link #Indexed}, with the displacements in buffer elements (mpiJava: never in bytes).
     *
     * @param array_of_blocklengths  copies of the old type per block.
     * @param array_of_displacements start of each block, in elements of the buffer.
     * @param oldtype                the old type.
     * @return the new type.
     * @throws MPIException ERR_ARG if the arrays differ in length; ERR_COUNT if a length is negative.
     */
    public static Datatype Hindexed(
        final int[] array_of_blocklengths, final int[] array_of_displacements, final Datatype oldtype)
        throws MPIException
    {
        return indexed("Hindexed", array_of_blocklengths, array_of_displacements, false, oldtype);
    }

    /**
     * MPI_Type_struct: block i holds {@code array_of_blocklengths[i]} copies of {@code array_of_types[i]} and starts
     * at element {@code array_of_displacements[i]}. All types with data must have the same base type (an mpiJava
     * rule: a buffer is one Java array); {@link MPI#LB} and {@link MPI#UB} set the bounds explicitly. A struct with
     * no block, or none with data, is the empty type MPI allows: of size 0, it moves nothing, with any buffer.
     *
     * @param array_of_blocklengths  copies per block.
     * @param array_of_displacements start of each block, in elements of the buffer.
     * @param array_of_types         type of each block.
     * @return the new type.
     * @throws MPIException ERR_ARG if the arrays differ in length; ERR_TYPE if the base types differ.
     */
    public static Datatype Struct(
        final int[] array_of_blocklengths, final int[] array_of_displacements, final Datatype[] array_of_types)
        throws MPIException
    {
        try
        {
            checkLengths(array_of_blocklengths, array_of_displacements);
            if (array_of_types.length != array_of_blocklengths.length)
            {
                throw new MpiException(ErrorClass.ERR_ARG, array_of_blocklengths.length + " block lengths and " +
                    array_of_types.length + " types");
            }
            final Builder builder = new Builder(null);
            for (int i = 0; i < array_of_types.length; i++)
            {
                final Datatype type = usable(array_of_types[i]);
                for (int j = 0; j < checkCount(array_of_blocklengths[i]); j++)
                {
                    builder.place(array_of_displacements[i] + j * type.extent(), type);
                }
            }
            return builder.build("Struct", true);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Type_extent: the distance from the lower to the upper bound, in buffer elements; consecutive items of a
     * buffer start this far apart.
     *
     * @return the extent.
     */
    public int Extent() throws MPIException
    {
        return extent();
    }

    /**
     * MPI_Type_size: the number of buffer elements one item holds (mpiJava: elements, not bytes).
     *
     * @return the size.
     */
    public int Size() throws MPIException
    {
        return size;
    }

    /**
     * MPI_Type_lb: the lower bound, in elements from the item's origin.
     *
     * @return the lower bound.
     */
    public int Lb() throws MPIException
    {
        return lb;
    }

    /**
     * MPI_Type_ub: the upper bound, in elements from the item's origin.
     *
     * @return the upper bound.
     */
    public int Ub() throws MPIException
    {
        return ub;
    }

    /**
     * MPI_Type_commit. The typemap is already flattened when the type is built, so this only checks that the type
     * has not been freed; using an uncommitted type is allowed, as in MPJ Express.
     *
     * @throws MPIException ERR_TYPE if the type has been freed.
     */
    public void Commit() throws MPIException
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
     * MPI_Type_free: the type can no longer be used; types built from it are not affected.
     *
     * @throws MPIException ERR_TYPE for a predefined type.
     */
    public void Free() throws MPIException
    {
        if (predefined)
        {
            throw new MPIException(new MpiException(ErrorClass.ERR_TYPE, "predefined type " + name +
                " cannot be freed"));
        }
        freed = true;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }

    int extent()
    {
        return ub - lb;
    }

    /**
     * Check that a buffer can hold items of this type.
     *
     * @param buffer a user buffer.
     * @throws MpiException ERR_TYPE if this type is a marker or freed, or the buffer has another base type.
     */
    void check(final Object buffer)
    {
        if (null == base || freed)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, (freed ? "freed datatype " : "datatype ") + name +
                " cannot describe a buffer");
        }
        if (size > 0)
        {
            base.check(buffer);
        }
    }

    /**
     * @return the type of one packed item of this type: this type if it is contiguous, else a contiguous type of
     * {@link #size} base elements. User operations on packed data see this type.
     */
    synchronized Datatype packedType()
    {
        if (null == packed)
        {
            packed = contiguous ? this : new Datatype("packed " + name, base, new int[]{ 0 }, new int[]{ size }, 0,
                size, false, false, false);
        }
        return packed;
    }

    /**
     * Copy the elements of {@code count} items into a new contiguous array of the base type.
     *
     * @param buffer the user's array.
     * @param offset index of the first item's origin.
     * @param count  number of items.
     * @return an array of {@code count * size} elements.
     */
    Object pack(final Object buffer, final int offset, final int count)
    {
        final Object packedItems = base.newArray(count * size);
        pack(buffer, offset, count, packedItems, 0);
        return packedItems;
    }

    /**
     * Copy the elements of {@code count} items into a contiguous array of the base type.
     *
     * @param buffer the user's array.
     * @param offset index of the first item's origin.
     * @param count  number of items.
     * @param target where the {@code count * size} elements go.
     * @param at     first element of {@code target} to fill.
     */
    void pack(final Object buffer, final int offset, final int count, final Object target, final int at)
    {
        checkItems(buffer, offset, count);
        int next = at;
        for (int item = 0; item < count; item++)
        {
            final int origin = offset + item * extent();
            for (int b = 0; b < lengths.length; b++)
            {
                System.arraycopy(buffer, origin + displacements[b], target, next, lengths[b]);
                next += lengths[b];
            }
        }
    }

    /**
     * Copy packed elements into the places of the typemap, item after item.
     *
     * @param packedItems  contiguous elements, as {@link #pack} makes them.
     * @param packedOffset first element to copy.
     * @param elements     number of elements to copy; a partial last item fills its first blocks.
     * @param buffer       the user's array.
     * @param offset       index of the first item's origin.
     */
    void unpack(
        final Object packedItems, final int packedOffset, final int elements, final Object buffer, final int offset)
    {
        if (0 == elements)
        {
            return;
        }
        checkItems(buffer, offset, (elements + size - 1) / size);
        int at = packedOffset;
        int left = elements;
        for (int item = 0; left > 0; item++)
        {
            final int origin = offset + item * extent();
            for (int b = 0; b < lengths.length && left > 0; b++)
            {
                final int length = Math.min(lengths[b], left);
                System.arraycopy(packedItems, at, buffer, origin + displacements[b], length);
                at += length;
                left -= length;
            }
        }
    }

    /**
     * Check that a buffer has the base type and holds {@code count} items from {@code offset}.
     *
     * @param buffer a user buffer.
     * @param offset index of the first item's origin.
     * @param count  number of items.
     * @throws MpiException ERR_TYPE, ERR_COUNT or ERR_BUFFER naming the problem.
     */
    void checkItems(final Object buffer, final int offset, final int count)
    {
        check(buffer);
        if (count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "count=" + count + " is negative");
        }
        if (0 == count || 0 == size)
        {
            return;
        }
        final long span = (long)(count - 1) * extent();
        final long first = offset + firstElement + Math.min(0, span);
        final long end = offset + endElement + Math.max(0, span);
        final int length = Array.getLength(buffer);
        if (first < 0 || end > length)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, count + " items of " + name + " at offset " + offset +
                " need elements " + first + ".." + (end - 1) + " of an array of length " + length);
        }
    }

    private static Datatype strided(
        final String name, final int count, final int blocklength, final int stride, final boolean inExtents,
        final Datatype oldtype) throws MPIException
    {
        try
        {
            final Datatype type = usable(oldtype);
            checkCount(count);
            checkCount(blocklength);
            final Builder builder = new Builder(type.base);
            final int step = inExtents ? stride * type.extent() : stride;
            for (int i = 0; i < count; i++)
            {
                for (int j = 0; j < blocklength; j++)
                {
                    builder.place(i * step + j * type.extent(), type);
                }
            }
            return builder.build(name);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    private static Datatype indexed(
        final String name, final int[] blocklengths, final int[] displacements, final boolean inExtents,
        final Datatype oldtype) throws MPIException
    {
        try
        {
            final Datatype type = usable(oldtype);
            checkLengths(blocklengths, displacements);
            final Builder builder = new Builder(type.base);
            for (int i = 0; i < blocklengths.length; i++)
            {
                final int start = inExtents ? displacements[i] * type.extent() : displacements[i];
                for (int j = 0; j < checkCount(blocklengths[i]); j++)
                {
                    builder.place(start + j * type.extent(), type);
                }
            }
            return builder.build(name);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
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

    private static void checkLengths(final int[] blocklengths, final int[] displacements)
    {
        if (blocklengths.length != displacements.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, blocklengths.length + " block lengths and " +
                displacements.length + " displacements");
        }
    }

    /**
     * Collects the typemap of a new type from copies of old types placed at displacements, merging adjacent
     * blocks, and computes its bounds as MPI does: the least and greatest bounds of the copies, unless copies of
     * MPI.LB (MPI.UB) set them explicitly.
     */
    private static final class Builder
    {
        private final IntArrayList displacements = new IntArrayList();
        private final IntArrayList lengths = new IntArrayList();
        private BaseType base;
        private boolean placed;
        private int lb = Integer.MAX_VALUE;
        private int ub = Integer.MIN_VALUE;
        private boolean lbMarked;
        private boolean ubMarked;
        private int markedLb = Integer.MAX_VALUE;
        private int markedUb = Integer.MIN_VALUE;

        Builder(final BaseType base)
        {
            this.base = base;
        }

        void place(final int displacement, final Datatype type)
        {
            if (null != type.base)
            {
                if (null != base && base != type.base)
                {
                    throw new MpiException(ErrorClass.ERR_TYPE, "components of base types " + base + " and " +
                        type.base + ": a derived type has one base type");
                }
                base = type.base;
            }
            for (int b = 0; b < type.lengths.length; b++)
            {
                add(displacement + type.displacements[b], type.lengths[b]);
            }
            placed = true;
            lb = Math.min(lb, displacement + type.lb);
            ub = Math.max(ub, displacement + type.ub);
            if (type.lbMarked)
            {
                lbMarked = true;
                markedLb = Math.min(markedLb, displacement + type.lb);
            }
            if (type.ubMarked)
            {
                ubMarked = true;
                markedUb = Math.max(markedUb, displacement + type.ub);
            }
        }

        Datatype build(final String name)
        {
            return build(name, false);
        }

        /**
         * @param empty whether a type with no data may be built: MPI allows a Struct of no blocks, which moves
         *              nothing, with any buffer; jmpi gives it base type BYTE.
         */
        Datatype build(final String name, final boolean empty)
        {
            if (null == base && empty)
            {
                base = BaseType.BYTE;
            }
            if (null == base)
            {
                throw new MpiException(ErrorClass.ERR_TYPE, name + " has no component with data");
            }
            final int lower = lbMarked ? markedLb : placed ? lb : 0;
            final int upper = ubMarked ? markedUb : placed ? ub : 0;
            return new Datatype(name + "(" + base + ")", base, displacements.toIntArray(), lengths.toIntArray(),
                lower, upper, lbMarked, ubMarked, false);
        }

        private void add(final int displacement, final int length)
        {
            final int last = lengths.size() - 1;
            if (last >= 0 && displacements.getInt(last) + lengths.getInt(last) == displacement)
            {
                lengths.setInt(last, lengths.getInt(last) + length);
            }
            else if (length > 0)
            {
                displacements.addInt(displacement);
                lengths.addInt(length);
            }
        }
    }
}
