package io.jmpi.coll.base;

import io.jmpi.Datatype;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteBuffer;

/**
 * Where the elements of a user buffer live, as an {@code (base, address)} pair in the sense of Unsafe (the array
 * and the offset of a byte in it, or null and an absolute address off-heap), and copies between buffers.
 * Offsets count elements of the buffer's datatype; ByteBuffers and DirectBuffers count bytes from index 0.
 * Buffers are assumed checked, so nothing here allocates or throws.
 */
public final class Memory
{
    private Memory()
    {
    }

    /**
     * @param buffer a primitive array, ByteBuffer or DirectBuffer.
     * @return the object holding its memory, or null for off-heap memory.
     */
    public static Object base(final Object buffer)
    {
        if (buffer instanceof ByteBuffer)
        {
            final ByteBuffer byteBuffer = (ByteBuffer)buffer;
            return byteBuffer.isDirect() ? null : byteBuffer.array();
        }
        if (buffer instanceof DirectBuffer)
        {
            return ((DirectBuffer)buffer).byteArray();
        }
        return buffer;
    }

    /**
     * @param buffer a primitive array, ByteBuffer or DirectBuffer.
     * @param offset element offset.
     * @param type   the buffer's datatype.
     * @return the address of that element relative to {@link #base(Object)}.
     */
    public static long address(final Object buffer, final int offset, final Datatype type)
    {
        if (buffer instanceof ByteBuffer)
        {
            final ByteBuffer byteBuffer = (ByteBuffer)buffer;
            return byteBuffer.isDirect() ?
                BufferUtil.address(byteBuffer) + offset :
                BufferUtil.ARRAY_BASE_OFFSET + byteBuffer.arrayOffset() + offset;
        }
        if (buffer instanceof DirectBuffer)
        {
            return ((DirectBuffer)buffer).addressOffset() + offset;
        }
        return type.arrayBaseOffset() + (long)offset * type.size();
    }

    /**
     * Copy elements between two buffers of one datatype; the regions may overlap.
     *
     * @param source       buffer to read.
     * @param sourceOffset first element to read.
     * @param target       buffer to write.
     * @param targetOffset first element to write.
     * @param count        number of elements.
     * @param type         datatype of both buffers.
     */
    public static void copy(
        final Object source, final int sourceOffset, final Object target, final int targetOffset, final int count,
        final Datatype type)
    {
        if (count > 0)
        {
            UnsafeApi.copyMemory(
                base(source), address(source, sourceOffset, type),
                base(target), address(target, targetOffset, type),
                (long)count * type.size());
        }
    }
}
