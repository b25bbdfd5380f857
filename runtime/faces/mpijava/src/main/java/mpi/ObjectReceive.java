package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.ObjectCodec;

/**
 * A receive of {@link MPI#OBJECT} items: a posted jmpi receive of the first message (see {@link ObjectMessages}),
 * then, if that is a header, a receive of the payload; then the objects are deserialized into the user's array.
 */
final class ObjectReceive extends Pending
{
    private final ObjectMessages messages;
    private final Datatype type;
    private final Object buffer;
    private final int offset;
    private final int count;
    private final byte[] first = new byte[ObjectMessages.FIRST_LIMIT];
    private final io.jmpi.Request firstRequest;
    private io.jmpi.Status firstStatus;
    private byte[] payload;
    private io.jmpi.Request payloadRequest;

    /**
     * Post the receive.
     *
     * @param messages the object protocol of the communicator.
     * @param source   rank or {@link MPI#ANY_SOURCE}.
     * @param tag      tag or {@link MPI#ANY_TAG}.
     * @param type     a datatype of base type OBJECT.
     * @param buffer   the user's array.
     * @param offset   the user's offset.
     * @param count    items to receive at most.
     */
    ObjectReceive(
        final ObjectMessages messages, final int source, final int tag, final Datatype type, final Object buffer,
        final int offset, final int count)
    {
        this.messages = messages;
        this.type = type;
        this.buffer = buffer;
        this.offset = offset;
        this.count = count;
        this.firstRequest = messages.postFirst(source, tag, first);
    }

    Status poll(final boolean block)
    {
        if (!advance(block))
        {
            return null;
        }
        final Status status = Status.of(firstStatus);
        if (firstStatus.isCancelled())
        {
            return status;
        }
        final int capacity = count * type.size;
        final Object[] target = type.contiguous ? (Object[])buffer : new Object[capacity];
        final int objects = null == payload ?
            ObjectCodec.decode(first, 1, firstStatus.bytes() - 1, target, type.contiguous ? offset : 0, capacity) :
            ObjectCodec.decode(payload, 0, payload.length, target, type.contiguous ? offset : 0, capacity);
        final int kept = Math.min(objects, capacity);
        if (!type.contiguous)
        {
            type.unpack(target, 0, kept, buffer, offset);
        }
        if (objects > capacity)
        {
            throw new MpiException(ErrorClass.ERR_TRUNCATE, objects + " objects from rank " + status.source +
                " tag " + status.tag + " truncated to the receive buffer's " + capacity);
        }
        return status.objects(kept);
    }

    boolean ready()
    {
        return advance(false);
    }

    boolean cancel()
    {
        return firstRequest.cancel();
    }

    /**
     * Move the receive on: complete the first message, post the payload's receive if it is a header, complete it.
     *
     * @param block true to wait until everything has arrived.
     * @return true once everything has arrived.
     */
    private boolean advance(final boolean block)
    {
        if (null == firstStatus)
        {
            if (block)
            {
                firstRequest.waitFor();
            }
            else if (!firstRequest.test())
            {
                return false;
            }
            firstStatus = firstRequest.status();
            if (firstStatus.isCancelled())
            {
                return true;
            }
            final int length = ObjectMessages.payloadLength(first, firstStatus.bytes());
            if (length >= 0)
            {
                payload = new byte[length];
                payloadRequest = messages.postPayload(first, firstStatus.source(), payload);
            }
        }
        if (null == payloadRequest)
        {
            return true;
        }
        if (block)
        {
            payloadRequest.waitFor();
            return true;
        }
        return payloadRequest.test();
    }
}
