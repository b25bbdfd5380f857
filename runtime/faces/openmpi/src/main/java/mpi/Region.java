package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * The items of a user's buffer as jmpi sees them: the user's own array or memory when the datatype's items are
 * consecutive elements, else a staging array of the base type that is packed from the user's buffer before a send
 * and unpacked into it after a receive.
 * <p>
 * A buffer is, as in Open MPI's Java bindings, a Java array, a heap buffer (its backing array from
 * {@code arrayOffset()}) or a direct buffer (memory from its address; position and limit are ignored). An array or
 * heap buffer must have the datatype's base type; a direct buffer is memory and takes any type. Offsets and counts
 * of {@link #target} are in elements of an array, in bytes of memory, as jmpi counts them.
 */
final class Region
{
    /** Where a direct buffer of any element type keeps its memory's address. */
    private static final long ADDRESS = addressField();

    /** What jmpi reads or writes. */
    final Object target;
    /** First element (array) or byte (memory) of the items in {@link #target}. */
    final int offset;
    /** Elements (array) or bytes (memory) of the items. */
    final int count;
    /** The base type of the data in {@link #target}. */
    final BaseType base;
    /** Elements or bytes of {@link #target} per item: block counts and displacements of collectives scale by it. */
    final int perItem;

    private final Datatype type;
    private final Object userBase;
    private final long userAddress;
    private final int items;
    private final boolean span;

    private Region(
        final Object target, final int offset, final int count, final BaseType base, final Datatype type,
        final Object userBase, final long userAddress, final int items, final boolean span)
    {
        this.target = target;
        this.offset = offset;
        this.count = count;
        this.base = base;
        this.perItem = target instanceof ByteBuffer || target instanceof UnsafeBuffer ?
            type.size * base.size : span ? type.extent : type.size;
        this.type = type;
        this.userBase = userBase;
        this.userAddress = userAddress;
        this.items = items;
        this.span = span;
    }

    /**
     * The items to send or to receive into, for point-to-point and data-moving collectives.
     *
     * @param buf   the user's buffer.
     * @param items number of items.
     * @param type  their datatype.
     * @return the region; call {@link #unpack()} after a receive. A staging array is packed from the buffer in
     * either case, so that unpacking it leaves the elements no message reached as they were.
     */
    static Region of(final Object buf, final int items, final Datatype type)
    {
        return resolve(buf, 0, items, type, false);
    }

    /**
     * The common case that needs no region: a whole array of the datatype's base type, or a direct byte buffer,
     * whose items are consecutive elements, handed to jmpi as it is from index 0 ({@link #plainCount}).
     *
     * @param buf  the user's buffer.
     * @param type its datatype.
     * @return true if jmpi can take the buffer itself.
     */
    static boolean plain(final Object buf, final Datatype type)
    {
        return null != buf && null != type && type.contiguous && !type.isNull() &&
            (type.base.isArray(buf) || (buf instanceof ByteBuffer && ((ByteBuffer)buf).isDirect()));
    }

    /**
     * The common case of a reduction that needs no region: a whole array of the datatype's base type, whose
     * elements jmpi's operations see as they are.
     *
     * @param buf  the user's buffer.
     * @param type its datatype.
     * @return true if jmpi can reduce the array itself.
     */
    static boolean plainArray(final Object buf, final Datatype type)
    {
        return plain(buf, type) && null == type.pair && !(buf instanceof ByteBuffer);
    }

    /**
     * @param buf   a buffer that is {@link #plain}.
     * @param items number of items.
     * @param type  their datatype.
     * @return the count jmpi takes for them: elements of an array, bytes of a byte buffer.
     */
    static int plainCount(final Object buf, final int items, final Datatype type)
    {
        return items * type.size * (buf instanceof ByteBuffer ? type.base.size : 1);
    }

    /**
     * As {@link #of}, for items that start some bytes into a direct buffer (the byte displacements of alltoallw).
     *
     * @param buf        a direct buffer.
     * @param byteOffset where the items start.
     * @param items      number of items.
     * @param type       their datatype.
     * @return the region.
     */
    static Region at(final Buffer buf, final int byteOffset, final int items, final Datatype type)
    {
        if (byteOffset < 0)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "displacement " + byteOffset + " is negative");
        }
        return resolve(buf, byteOffset, items, type, false);
    }

    /**
     * The items of a reduction: always a primitive array of the base type, so that jmpi's operations see typed
     * elements, and for a type with gaps the whole extent of every item, as Open MPI hands it to a user function.
     *
     * @param buf   the user's buffer.
     * @param items number of items.
     * @param type  their datatype.
     * @return the region; call {@link #unpack()} after the reduction wrote it.
     */
    static Region typed(final Object buf, final int items, final Datatype type)
    {
        return resolve(buf, 0, items, type, true);
    }

    /**
     * Copy a staging array back into the user's buffer; nothing to do when jmpi wrote the user's buffer itself.
     */
    void unpack()
    {
        if (null != userBase || 0 != userAddress)
        {
            copy(false);
        }
    }

    /**
     * @return the region's memory for Unsafe copies: its array, or null for native memory.
     */
    Object memoryBase()
    {
        return target instanceof ByteBuffer || target instanceof UnsafeBuffer ? null : target;
    }

    /**
     * @return the address of the region's first item, an array offset when {@link #memoryBase()} is an array.
     */
    long memoryAddress()
    {
        if (target instanceof ByteBuffer)
        {
            return BufferUtil.address((ByteBuffer)target) + offset;
        }
        if (target instanceof UnsafeBuffer)
        {
            return ((UnsafeBuffer)target).addressOffset() + offset;
        }
        return base.jmpi.arrayBaseOffset() + (long)offset * base.size;
    }

    /**
     * @return the bytes of the region's items.
     */
    long bytes()
    {
        return memoryBase() == null ? count : (long)count * base.size;
    }

    private static Region resolve(
        final Object buf, final int byteOffset, final int items, final Datatype type, final boolean typed)
    {
        if (null == type)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "datatype is null");
        }
        type.checkUsable();
        if (items < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "count " + items + " is negative");
        }
        if (null == buf)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "buffer is null");
        }
        final BaseType base = type.base;
        final boolean spanned = typed && !type.contiguous;
        final int elements = spanned ? items * type.extent : items * type.size;
        if (buf instanceof Buffer && ((Buffer)buf).isDirect())
        {
            final Buffer memory = (Buffer)buf;
            final long capacity = (long)memory.capacity() * elementBytes(memory) - byteOffset;
            checkBounds(type, items, capacity / base.size, spanned, "direct buffer of " + capacity + " bytes");
            final long address = UnsafeApi.getLong(memory, ADDRESS) + byteOffset;
            if (type.contiguous && !typed)
            {
                final Object view = buf instanceof ByteBuffer && 0 == byteOffset ?
                    buf : new UnsafeBuffer(address, (int)Math.max(0, capacity));
                return new Region(view, 0, elements * base.size, base, type, null, 0, items, false);
            }
            return staged(base, type, null, address, items, elements, spanned);
        }
        final Object array;
        final int origin;
        if (buf instanceof Buffer)
        {
            final Buffer heap = (Buffer)buf;
            if (!heap.hasArray())
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "a read-only heap buffer exposes no array");
            }
            array = heap.array();
            origin = heap.arrayOffset();
        }
        else
        {
            array = buf;
            origin = 0;
        }
        if (!base.isArray(array))
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "a buffer of datatype " + type + " must hold " +
                base.name().toLowerCase() + " elements, not " + array.getClass().getSimpleName());
        }
        checkBounds(type, items, Array.getLength(array) - origin, spanned, "array of length " + Array.getLength(array) +
            " from element " + origin);
        if (type.contiguous)
        {
            return new Region(array, origin, elements, base, type, null, 0, items, false);
        }
        final long address = base.jmpi.arrayBaseOffset() + (long)origin * base.size;
        return staged(base, type, array, address, items, elements, spanned);
    }

    private static Region staged(
        final BaseType base, final Datatype type, final Object userBase, final long userAddress, final int items,
        final int elements, final boolean spanned)
    {
        final Region region = new Region(base.newArray(elements), 0, elements, base, type, userBase, userAddress,
            items, spanned);
        region.copy(true);
        return region;
    }

    /**
     * Copy between the user's buffer and the staging array: the typemap of each item, or for a span the whole
     * extent from the lower bound on (gaps only for a contiguous span).
     */
    private void copy(final boolean pack)
    {
        final int size = base.size;
        final long stagingBase = base.jmpi.arrayBaseOffset();
        if (span && type.contiguous)
        {
            move(pack, userAddress + (long)type.lb * size, stagingBase, (long)count * size);
            return;
        }
        int next = 0;
        for (int item = 0; item < items; item++)
        {
            final long origin = (long)item * type.extent;
            for (int b = 0; b < type.lengths.length; b++)
            {
                final long user = userAddress + (origin + type.displacements[b]) * size;
                final long at = span ? origin + type.displacements[b] - type.lb : next;
                move(pack, user, stagingBase + at * size, (long)type.lengths[b] * size);
                next += type.lengths[b];
            }
        }
    }

    private void move(final boolean pack, final long user, final long staging, final long bytes)
    {
        if (pack)
        {
            UnsafeApi.copyMemory(userBase, user, target, staging, bytes);
        }
        else
        {
            UnsafeApi.copyMemory(target, staging, userBase, user, bytes);
        }
    }

    private static void checkBounds(
        final Datatype type, final int items, final long length, final boolean spanned, final String what)
    {
        if (0 == items || 0 == type.size)
        {
            return;
        }
        final long step = (long)(items - 1) * type.extent;
        final long low = spanned ? type.lb : type.trueLb;
        final long high = spanned ? type.lb + type.extent : type.trueLb + type.trueExtent;
        final long first = low + Math.min(0, step);
        final long end = high + Math.max(0, step);
        if (first < 0 || end > length)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, items + " items of " + type + " need elements " + first +
                ".." + (end - 1) + " of the buffer, which has " + length + " (" + what + ")");
        }
    }

    private static long addressField()
    {
        try
        {
            return UnsafeApi.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        }
        catch (final NoSuchFieldException ex)
        {
            throw new IllegalStateException("java.nio.Buffer has no address field", ex);
        }
    }

    private static int elementBytes(final Buffer buffer)
    {
        if (buffer instanceof ByteBuffer)
        {
            return 1;
        }
        if (buffer instanceof java.nio.IntBuffer || buffer instanceof java.nio.FloatBuffer)
        {
            return 4;
        }
        if (buffer instanceof java.nio.LongBuffer || buffer instanceof java.nio.DoubleBuffer)
        {
            return 8;
        }
        return 2;
    }
}
