package io.jmpi;

import io.jmpi.engine.Operation;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * Turns a user buffer with offset and count into the memory region of an operation, after checking it.
 * A primitive array counts in elements; a ByteBuffer or DirectBuffer counts in bytes from absolute index 0
 * (its position and limit are neither used nor changed).
 */
final class Buffers
{
    private Buffers()
    {
    }

    /**
     * Check the buffer arguments and describe the region on the operation.
     *
     * @return the datatype of the buffer.
     */
    static Datatype region(
        final Operation op, final Object buffer, final int offset, final int count, final boolean writable)
    {
        if (null == buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "buffer is null");
        }
        InPlace.refuse(buffer, "the buffer of this call");
        if (count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "count=" + count + " is negative");
        }
        if (offset < 0)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "offset=" + offset + " is negative");
        }

        final Datatype type = Datatype.ofArray(buffer);
        if (null != type)
        {
            final int elements = Array.getLength(buffer);
            checkBounds(offset, count, elements, "array length");
            final long bytes = (long)count * type.size();
            checkLength(bytes);
            op.region(buffer, type.arrayBaseOffset() + (long)offset * type.size(), (int)bytes);
            return type;
        }

        if (buffer instanceof ByteBuffer)
        {
            byteBuffer(op, (ByteBuffer)buffer, offset, count, writable);
            return Datatype.BYTE;
        }

        if (buffer instanceof DirectBuffer)
        {
            final DirectBuffer directBuffer = (DirectBuffer)buffer;
            checkBounds(offset, count, directBuffer.capacity(), "buffer capacity");
            op.region(directBuffer.byteArray(), directBuffer.addressOffset() + offset, count);
            return Datatype.BYTE;
        }

        throw new MpiException(ErrorClass.ERR_TYPE, "unsupported buffer type " + buffer.getClass().getName() +
            ": use a primitive array, a ByteBuffer or an Agrona DirectBuffer");
    }

    private static void byteBuffer(
        final Operation op, final ByteBuffer buffer, final int offset, final int count, final boolean writable)
    {
        checkBounds(offset, count, buffer.capacity(), "buffer capacity");
        if (writable && buffer.isReadOnly())
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "cannot receive into a read-only ByteBuffer");
        }
        if (buffer.isDirect())
        {
            op.region(null, BufferUtil.address(buffer) + offset, count);
        }
        else if (buffer.hasArray())
        {
            op.region(buffer.array(), BufferUtil.ARRAY_BASE_OFFSET + buffer.arrayOffset() + offset, count);
        }
        else
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "a read-only heap ByteBuffer exposes no memory to send");
        }
    }

    private static void checkBounds(final int offset, final int count, final int capacity, final String what)
    {
        if ((long)offset + count > capacity)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER,
                "offset=" + offset + " + count=" + count + " exceeds " + what + "=" + capacity);
        }
    }

    private static void checkLength(final long bytes)
    {
        if (bytes > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "message of " + bytes + " bytes exceeds 2 GiB - 1");
        }
    }
}
