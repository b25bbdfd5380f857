package io.jmpi;

import io.jmpi.engine.SendOp;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * {@link Mpi#IN_PLACE} and the copies that serve it: an in-place collective copies this rank's data out of the
 * receive buffer into a new array and runs as the ordinary form, so the ordinary path stays as it is. The copy is
 * made at the call, which for a nonblocking collective is as good as later: MPI forbids touching the buffer
 * before completion.
 */
final class InPlace
{
    /** The marker object. */
    static final InPlace BUFFER = new InPlace();

    private InPlace()
    {
    }

    /**
     * Refuse IN_PLACE where MPI does not allow it.
     *
     * @param buffer a buffer argument.
     * @param where  the call and the argument, for the message.
     */
    static void refuse(final Object buffer, final String where)
    {
        if (BUFFER == buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "IN_PLACE is not allowed as " + where);
        }
    }

    /**
     * @param buffer primitive array, ByteBuffer or DirectBuffer.
     * @param offset first element.
     * @param count  elements to copy.
     * @return a new array of the buffer's datatype (bytes for a ByteBuffer or DirectBuffer) holding those elements.
     */
    static Object copy(final Object buffer, final int offset, final int count)
    {
        refuse(buffer, "the receive buffer of an in-place call");
        final SendOp region = new SendOp();
        final Datatype type = Buffers.region(region, buffer, offset, count, false);
        final Object copy = Array.newInstance(type.arrayClass().getComponentType(), count);
        UnsafeApi.copyMemory(region.base(), region.address(), copy, type.arrayBaseOffset(), region.length());
        return copy;
    }

    /**
     * @param buffer primitive array, ByteBuffer or DirectBuffer.
     * @return a copy of the whole buffer as an array of its datatype, so that offsets and displacements into it
     * mean what they mean in the buffer.
     */
    static Object copyAll(final Object buffer)
    {
        refuse(buffer, "the receive buffer of an in-place call");
        if (null != buffer && null != Datatype.ofArray(buffer))
        {
            return copy(buffer, 0, Array.getLength(buffer));
        }
        if (buffer instanceof ByteBuffer)
        {
            return copy(buffer, 0, ((ByteBuffer)buffer).capacity());
        }
        if (buffer instanceof DirectBuffer)
        {
            return copy(buffer, 0, ((DirectBuffer)buffer).capacity());
        }
        return copy(buffer, 0, 0);
    }

    /**
     * @param buffer primitive array, ByteBuffer or DirectBuffer whose datatype the result takes.
     * @param count  elements.
     * @return a new array of that datatype: where the root's own block of an in-place scatter goes, and is dropped.
     */
    static Object discard(final Object buffer, final int count)
    {
        refuse(buffer, "the send buffer of an in-place scatter");
        final Datatype type = null == buffer ? null : Datatype.ofArray(buffer);
        return Array.newInstance((null == type ? Datatype.BYTE : type).arrayClass().getComponentType(),
            Math.max(0, count));
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "IN_PLACE";
    }
}
