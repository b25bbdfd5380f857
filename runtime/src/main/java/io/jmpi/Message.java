package io.jmpi;

import io.jmpi.engine.MatchedMessage;
import io.jmpi.engine.RecvOp;

/**
 * A message taken by a matched probe (MPI_Message from MPI_Mprobe): no other receive can match it, so a thread
 * can probe for a message's size, allocate, and receive exactly that message even while other threads receive.
 * A matched probe of PROC_NULL gives the no-process message (MPI_MESSAGE_NO_PROC), whose receive completes at once
 * with source PROC_NULL, tag ANY_TAG and count 0, as often as it is received.
 */
public final class Message
{
    private final Comm comm;
    /** Null for the no-process message. */
    private final MatchedMessage matched;
    private final Status status;

    Message(final Comm comm, final MatchedMessage matched, final Status status)
    {
        this.comm = comm;
        this.matched = matched;
        this.status = status;
    }

    /**
     * @return source, tag and size in bytes of the message.
     */
    public Status status()
    {
        return status;
    }

    /**
     * Receive this message (MPI_Mrecv). A message can be received once.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer.
     * @param offset first element to fill.
     * @param count  capacity in elements; a longer message raises ERR_TRUNCATE after filling what fits.
     * @return the status of the receive.
     * @throws MpiException ERR_REQUEST if the message was already received.
     */
    public Status recv(final Object buffer, final int offset, final int count)
    {
        final RecvOp op = new RecvOp();
        final Datatype type = Buffers.region(op, buffer, offset, count, true);
        if (null == matched)
        {
            final Status noProcess = new Status();
            noProcess.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, type);
            return noProcess;
        }
        try
        {
            comm.engine().receiveMatched(op, matched);
        }
        catch (final IllegalStateException ex)
        {
            throw new MpiException(ErrorClass.ERR_REQUEST, "the message was already received");
        }
        comm.await(comm.mpi().threadState(), op, "mrecv", status.source(), status.tag());
        final Status result = new Status();
        comm.completeRecv(op, type, result);
        return result;
    }
}
