package io.jmpi;

import io.jmpi.engine.Errors;
import io.jmpi.engine.Operation;
import io.jmpi.engine.ProgressEngine;
import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;

/**
 * A communicator: a group of ranks and an isolated matching context (MPI_Comm). A message sent on one
 * communicator is only ever received on the same communicator.
 * <p>
 * Buffers are primitive arrays (counts and offsets in elements), or {@link java.nio.ByteBuffer} and Agrona
 * {@link org.agrona.DirectBuffer} (counts and offsets in bytes from index 0). Messages are received in the order
 * a sender sent them when both match a receive (MPI's non-overtaking rule). Every call checks its arguments
 * and throws {@link MpiException} naming the bad one.
 */
public final class Comm
{
    private final Mpi mpi;
    private final ProgressEngine engine;
    private final int context;
    private final int rank;
    private final int[] worldRanks;
    private final int[] commRanks;

    private Comm(final Mpi mpi, final int context, final int rank, final int[] worldRanks, final int[] commRanks)
    {
        this.mpi = mpi;
        this.engine = mpi.engine();
        this.context = context;
        this.rank = rank;
        this.worldRanks = worldRanks;
        this.commRanks = commRanks;
    }

    static Comm world(final Mpi mpi, final int context, final int rank, final int size)
    {
        final int[] identity = new int[size];
        for (int i = 0; i < size; i++)
        {
            identity[i] = i;
        }
        return new Comm(mpi, context, rank, identity, identity);
    }

    /**
     * @return this process's rank in the communicator, {@code 0..size()-1} (MPI_Comm_rank).
     */
    public int rank()
    {
        return rank;
    }

    /**
     * @return the number of ranks in the communicator (MPI_Comm_size).
     */
    public int size()
    {
        return worldRanks.length;
    }

    /**
     * Standard-mode blocking send (MPI_Send). Returns once the buffer may be reused: at once for a message up to
     * the eager limit (it is then in the destination's inbox), after the receiver has matched it and the data has
     * been handed over for a larger one.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     */
    public void send(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        blockingSend(buffer, offset, count, destination, tag, false);
    }

    /**
     * Synchronous-mode blocking send (MPI_Ssend): returns only once the matching receive has started at the
     * destination, whatever the size.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     */
    public void ssend(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        blockingSend(buffer, offset, count, destination, tag, true);
    }

    /**
     * Blocking receive (MPI_Recv) that returns a new status.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer to receive into.
     * @param offset index of the first element to fill.
     * @param count  capacity in elements; a longer message raises ERR_TRUNCATE after filling what fits.
     * @param source rank in this communicator, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @return the status of the received message.
     */
    public Status recv(final Object buffer, final int offset, final int count, final int source, final int tag)
    {
        final Status status = new Status();
        recv(buffer, offset, count, source, tag, status);
        return status;
    }

    /**
     * Blocking receive (MPI_Recv) that fills a caller's status, so that a receive loop allocates nothing.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer to receive into.
     * @param offset index of the first element to fill.
     * @param count  capacity in elements; a longer message raises ERR_TRUNCATE after filling what fits.
     * @param source rank in this communicator, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @param status filled with source, tag and count of the message, and the error if truncated.
     */
    public void recv(
        final Object buffer, final int offset, final int count, final int source, final int tag, final Status status)
    {
        final ThreadState state = mpi.threadState();
        final RecvOp op = state.recv;
        final Datatype type = prepareRecv(op, buffer, offset, count, source, tag);
        if (Mpi.PROC_NULL == source)
        {
            status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, type);
            return;
        }
        engine.start(op);
        engine.await(op, state.idle);
        completeRecv(op, type, status);
    }

    /**
     * Non-blocking standard-mode send (MPI_Isend). The buffer must not change until the request completes.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     * @return the request to wait for or test.
     */
    public Request isend(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        return startSend(buffer, offset, count, destination, tag, false);
    }

    /**
     * Non-blocking synchronous-mode send (MPI_Issend): the request completes once the matching receive has started.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     * @return the request to wait for or test.
     */
    public Request issend(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        return startSend(buffer, offset, count, destination, tag, true);
    }

    /**
     * Non-blocking receive (MPI_Irecv). The buffer must not be read until the request completes.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer to receive into.
     * @param offset index of the first element to fill.
     * @param count  capacity in elements.
     * @param source rank in this communicator, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @return the request; its status tells what arrived.
     */
    public Request irecv(final Object buffer, final int offset, final int count, final int source, final int tag)
    {
        final RecvOp op = new RecvOp();
        final Datatype type = prepareRecv(op, buffer, offset, count, source, tag);
        if (Mpi.PROC_NULL == source)
        {
            return Request.completedNull(this, type);
        }
        engine.start(op);
        return new Request(this, op, type);
    }

    private void blockingSend(
        final Object buffer,
        final int offset,
        final int count,
        final int destination,
        final int tag,
        final boolean synchronous)
    {
        final ThreadState state = mpi.threadState();
        final SendOp op = state.send;
        prepareSend(op, buffer, offset, count, destination, tag, synchronous);
        if (Mpi.PROC_NULL == destination)
        {
            return;
        }
        engine.start(op);
        engine.await(op, state.idle);
        throwIfFailed(op, "send to rank " + destination + " tag " + tag);
    }

    private Request startSend(
        final Object buffer,
        final int offset,
        final int count,
        final int destination,
        final int tag,
        final boolean synchronous)
    {
        final SendOp op = new SendOp();
        final Datatype type = prepareSend(op, buffer, offset, count, destination, tag, synchronous);
        if (Mpi.PROC_NULL == destination)
        {
            return Request.completedNull(this, type);
        }
        engine.start(op);
        return new Request(this, op, type);
    }

    private Datatype prepareSend(
        final SendOp op,
        final Object buffer,
        final int offset,
        final int count,
        final int destination,
        final int tag,
        final boolean synchronous)
    {
        mpi.checkOpen();
        if (Mpi.PROC_NULL != destination && (destination < 0 || destination >= worldRanks.length))
        {
            throw new MpiException(ErrorClass.ERR_RANK,
                "destination rank " + destination + " is not in 0.." + (worldRanks.length - 1));
        }
        if (tag < 0)
        {
            throw new MpiException(ErrorClass.ERR_TAG, "send tag " + tag + " is negative");
        }
        op.reset();
        final Datatype type = Buffers.region(op, buffer, offset, count, false);
        if (Mpi.PROC_NULL != destination)
        {
            op.envelope(worldRanks[destination], context, tag, synchronous);
        }
        return type;
    }

    private Datatype prepareRecv(
        final RecvOp op, final Object buffer, final int offset, final int count, final int source, final int tag)
    {
        mpi.checkOpen();
        if (Mpi.PROC_NULL != source && Mpi.ANY_SOURCE != source && (source < 0 || source >= worldRanks.length))
        {
            throw new MpiException(ErrorClass.ERR_RANK,
                "source rank " + source + " is not in 0.." + (worldRanks.length - 1) + ", ANY_SOURCE or PROC_NULL");
        }
        if (tag < 0 && Mpi.ANY_TAG != tag)
        {
            throw new MpiException(ErrorClass.ERR_TAG, "receive tag " + tag + " is negative and not ANY_TAG");
        }
        op.reset();
        final Datatype type = Buffers.region(op, buffer, offset, count, true);
        op.match(Mpi.ANY_SOURCE == source || Mpi.PROC_NULL == source ? RecvOp.ANY_SOURCE : worldRanks[source],
            context, tag);
        return type;
    }

    void completeRecv(final RecvOp op, final Datatype type, final Status status)
    {
        final ErrorClass error = ErrorClass.of(op.error());
        status.set(commRanks[op.matchedSource()], op.matchedTag(), op.receivedLength(), error, type);
        status.cancelled = op.isCancelled();
        if (ErrorClass.ERR_TRUNCATE == error)
        {
            throw new MpiException(error, "message of " + op.messageLength() + " bytes from rank " + status.source +
                " tag " + status.tag + " truncated to the receive buffer's " + op.receivedLength() + " bytes");
        }
        throwIfFailed(op, "receive");
    }

    static void throwIfFailed(final Operation op, final String what)
    {
        if (Errors.SUCCESS != op.error())
        {
            throw new MpiException(ErrorClass.of(op.error()), what + " failed");
        }
    }

    Mpi mpi()
    {
        return mpi;
    }

    ProgressEngine engine()
    {
        return engine;
    }
}
