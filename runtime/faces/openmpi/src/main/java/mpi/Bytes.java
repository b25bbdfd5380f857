package mpi;

import org.agrona.UnsafeApi;

import java.nio.ByteBuffer;

/**
 * Copies between primitive arrays and byte buffers, byte for byte in native order, for user functions that see
 * data as bytes.
 */
final class Bytes
{
    private static final long BYTES = UnsafeApi.arrayBaseOffset(byte[].class);

    private Bytes()
    {
    }

    /**
     * @param bytes    bytes from absolute index 0; a heap buffer with an array.
     * @param array    primitive array to fill.
     * @param elements elements to copy.
     */
    static void toArray(final ByteBuffer bytes, final Object array, final int elements)
    {
        final BaseType base = baseOf(array);
        final byte[] copy = new byte[elements * base.size];
        bytes.get(0, copy);
        UnsafeApi.copyMemory(copy, BYTES, array, base.jmpi.arrayBaseOffset(), copy.length);
    }

    /**
     * @param array    primitive array to read.
     * @param bytes    buffer to write from absolute index 0.
     * @param elements elements to copy.
     */
    static void fromArray(final Object array, final ByteBuffer bytes, final int elements)
    {
        final BaseType base = baseOf(array);
        final byte[] copy = new byte[elements * base.size];
        UnsafeApi.copyMemory(array, base.jmpi.arrayBaseOffset(), copy, BYTES, copy.length);
        bytes.put(0, copy);
    }

    /**
     * @param array    primitive array.
     * @param offset   first element.
     * @param elements elements to copy.
     * @return a new heap buffer in native order holding their bytes.
     */
    static ByteBuffer wrap(final Object array, final int offset, final int elements)
    {
        final BaseType base = baseOf(array);
        final byte[] bytes = new byte[elements * base.size];
        UnsafeApi.copyMemory(array, base.jmpi.arrayBaseOffset() + (long)offset * base.size, bytes,
            BYTES, bytes.length);
        return ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.nativeOrder());
    }

    /**
     * @param bytes    a buffer from {@link #wrap}.
     * @param array    primitive array to write.
     * @param offset   first element.
     * @param elements elements to copy.
     */
    static void unwrap(final ByteBuffer bytes, final Object array, final int offset, final int elements)
    {
        final BaseType base = baseOf(array);
        UnsafeApi.copyMemory(bytes.array(), BYTES, array,
            base.jmpi.arrayBaseOffset() + (long)offset * base.size, (long)elements * base.size);
    }

    private static BaseType baseOf(final Object array)
    {
        for (final BaseType base : BaseType.values())
        {
            if (base.isArray(array))
            {
                return base;
            }
        }
        throw new IllegalArgumentException("not a primitive array: " + array.getClass());
    }
}
