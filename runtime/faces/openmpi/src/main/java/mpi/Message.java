package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.nio.Buffer;

/**
 * A message taken by a matched probe (MPI_Message): {@link #mProbe} or {@link #imProbe} fills this object, and only
 * {@link #mRecv} or {@link #imRecv} on it can receive that message, even while other threads receive.
 */
public final class Message
{
    private io.jmpi.Message message;
    private Comm comm;

    /**
     * A message object that holds no message yet (MPI_MESSAGE_NULL).
     */
    public Message()
    {
    }

    /**
     * @return true until a probe fills this object, and again once its message is received.
     */
    public boolean isNull()
    {
        return null == message;
    }

    /**
     * MPI_Mprobe: wait for a matching message and take it.
     *
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @param comm   the communicator.
     * @return the status of the message.
     * @throws MPIException under the communicator's ERRORS_RETURN.
     */
    public Status mProbe(final int source, final int tag, final Comm comm) throws MPIException
    {
        try
        {
            message = comm.jmpi().mprobe(source, tag);
            this.comm = comm;
            return Status.of(message.status());
        }
        catch (final MpiException ex)
        {
            throw comm.raise("mProbe", ex);
        }
    }

    /**
     * MPI_Improbe: take a matching message if one has arrived.
     *
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @param comm   the communicator.
     * @return the status of the message, or null if none has arrived.
     * @throws MPIException under the communicator's ERRORS_RETURN.
     */
    public Status imProbe(final int source, final int tag, final Comm comm) throws MPIException
    {
        try
        {
            final io.jmpi.Message found = comm.jmpi().improbe(source, tag);
            if (null == found)
            {
                return null;
            }
            message = found;
            this.comm = comm;
            return Status.of(found.status());
        }
        catch (final MpiException ex)
        {
            throw comm.raise("imProbe", ex);
        }
    }

    /**
     * MPI_Mrecv: receive the message.
     *
     * @param buf   receive buffer.
     * @param count capacity in items.
     * @param type  datatype of the items.
     * @return the status of the receive.
     * @throws MPIException under ERRORS_RETURN: ERR_REQUEST if no message was probed or it was received already.
     */
    public Status mRecv(final Object buf, final int count, final Datatype type) throws MPIException
    {
        final Comm owner = comm;
        try
        {
            final io.jmpi.Message taken = take();
            final Region data = Region.of(buf, count, type);
            final io.jmpi.Status status = taken.recv(data.target, data.offset, data.count);
            data.unpack();
            return Status.of(status);
        }
        catch (final MpiException ex)
        {
            throw null == owner ? MPIException.of(ex) : owner.raise("mRecv", ex);
        }
    }

    /**
     * MPI_Imrecv: receive the message into a direct buffer. The message has arrived already, so the receive is
     * done by the time this returns, and the request is complete.
     *
     * @param buf   a direct buffer.
     * @param count capacity in items.
     * @param type  datatype of the items.
     * @return the completed request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public Request imRecv(final Buffer buf, final int count, final Datatype type) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        final Comm owner = comm;
        mRecv(buf, count, type);
        return new Request(owner, Request.none(), null);
    }

    private io.jmpi.Message take()
    {
        final io.jmpi.Message taken = message;
        if (null == taken)
        {
            throw new MpiException(ErrorClass.ERR_REQUEST, "no message: call mProbe or imProbe first");
        }
        message = null;
        comm = null;
        return taken;
    }
}
