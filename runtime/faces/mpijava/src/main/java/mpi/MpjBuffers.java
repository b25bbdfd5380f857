package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import mpjbuf.NIOBuffer;

import java.util.Arrays;

/**
 * MPJ Express's message buffers ({@link mpjbuf.Buffer}) as jmpi sends them: the bytes they hold, from their start in
 * their raw buffer's array.
 */
final class MpjBuffers
{
    private MpjBuffers()
    {
    }

    static byte[] array(final mpjbuf.Buffer buffer)
    {
        return ((NIOBuffer)buffer.getStaticBuffer()).getBuffer().array();
    }

    /**
     * @param datatype the datatype a buffer is sent or received as: MPJ Express sends them as {@link MPI#PACKED}.
     */
    static void checkPacked(final Datatype datatype)
    {
        if (MPI.PACKED != datatype)
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "an mpjbuf.Buffer travels as MPI.PACKED, not " + datatype);
        }
    }

    /**
     * Items written at a position of the buffer; its size grows to hold them.
     *
     * @return the position after them.
     */
    static int pack(
        final Object inbuf, final int offset, final int incount, final Datatype datatype, final mpjbuf.Buffer outbuf,
        final int position)
    {
        checkPosition(outbuf, position);
        final byte[] packed = new byte[outbuf.getCapacity() - position];
        final int used = PackedBytes.pack(inbuf, offset, incount, datatype, packed, 0);
        System.arraycopy(packed, 0, array(outbuf), outbuf.getOffset() + position, used);
        outbuf.setSize(Math.max(outbuf.getSize(), position + used));
        return position + used;
    }

    /**
     * @return the position after the items read.
     */
    static int unpack(
        final mpjbuf.Buffer inbuf, final int position, final Object outbuf, final int offset, final int outcount,
        final Datatype datatype)
    {
        checkPosition(inbuf, position);
        final byte[] held = Arrays.copyOfRange(array(inbuf), inbuf.getOffset(), inbuf.getOffset() + inbuf.getSize());
        return PackedBytes.unpack(held, position, outbuf, offset, outcount, datatype);
    }

    private static void checkPosition(final mpjbuf.Buffer buffer, final int position)
    {
        if (position < 0 || position > buffer.getCapacity())
        {
            throw new MpiException(ErrorClass.ERR_ARG, "position " + position + " is not in 0.." +
                buffer.getCapacity() + " of the mpjbuf.Buffer");
        }
    }
}
