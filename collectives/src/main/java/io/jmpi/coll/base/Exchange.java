package io.jmpi.coll.base;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Status;

/**
 * The point-to-point messages of one communicator's collectives, on its private channel.
 * <p>
 * Every collective call starts with {@link #begin()}, which every member calls once per call, in the same order,
 * before it checks its arguments; so all members agree on a call's sequence number even when one of them
 * throws. Messages of a call carry its sequence number as their tag, so a message left over by a failed call never
 * matches a later one. Within a call, messages between two ranks are told apart by their order.
 * <p>
 * A receive that finds a longer message than it has room for fills what fits and the call goes on, so that no
 * other member is left waiting; {@link #end()} then throws ERR_TRUNCATE. A rank that receives less than it expects
 * can report it the same way with {@link #expect}. Nothing here allocates, except the exception of a failed call.
 */
public final class Exchange
{
    private static final byte[] EMPTY = new byte[0];

    private final Comm channel;
    private final int rank;
    private final int size;
    private final Status status = new Status();
    private int sequence;
    private int tag;
    private MpiException deferred;

    /**
     * @param channel the communicator's private collective channel.
     */
    public Exchange(final Comm channel)
    {
        this.channel = channel;
        this.rank = channel.rank();
        this.size = channel.size();
    }

    /**
     * @return this rank in the communicator.
     */
    public int rank()
    {
        return rank;
    }

    /**
     * @return the number of ranks in the communicator.
     */
    public int size()
    {
        return size;
    }

    /**
     * Start a collective call: take the next sequence number and forget the errors of the previous call.
     *
     * @return the call's sequence number, the same at every member.
     */
    public int begin()
    {
        sequence++;
        tag = sequence & Integer.MAX_VALUE;
        deferred = null;
        return sequence;
    }

    /**
     * @return the sequence number of the current call.
     */
    public int sequence()
    {
        return sequence;
    }

    /**
     * Finish a collective call.
     *
     * @throws MpiException the first error deferred during the call.
     */
    public void end()
    {
        final MpiException error = deferred;
        if (null != error)
        {
            deferred = null;
            throw error;
        }
    }

    /**
     * Remember an error to throw when the call ends, keeping the first one.
     *
     * @param error the error.
     */
    public void defer(final MpiException error)
    {
        if (null == deferred)
        {
            deferred = error;
        }
    }

    /**
     * Defer ERR_COUNT when a message brought fewer elements than the collective needs here.
     *
     * @param received elements received.
     * @param expected elements the arguments of this rank call for.
     * @param source   rank the message came from.
     */
    public void expect(final int received, final int expected, final int source)
    {
        if (received < expected && null == deferred)
        {
            deferred = new MpiException(ErrorClass.ERR_COUNT, "rank " + source + " sent " + received +
                " elements where this rank's arguments expect " + expected + ": the counts do not match");
        }
    }

    /**
     * Blocking send of part of a buffer.
     *
     * @param buffer      a checked buffer.
     * @param offset      first element.
     * @param count       number of elements.
     * @param destination rank in the communicator.
     */
    public void send(final Object buffer, final int offset, final int count, final int destination)
    {
        channel.send(buffer, offset, count, destination, tag);
    }

    /**
     * Blocking receive into part of a buffer; a longer message is truncated and reported by {@link #end()}.
     *
     * @param buffer a checked buffer.
     * @param offset first element.
     * @param count  capacity in elements.
     * @param source rank in the communicator.
     * @return number of elements received.
     */
    public int recv(final Object buffer, final int offset, final int count, final int source)
    {
        try
        {
            channel.recv(buffer, offset, count, source, tag, status);
        }
        catch (final MpiException ex)
        {
            deferTruncation(ex);
        }
        return status.count();
    }

    /**
     * Send and receive at once, so that exchanges in a ring or between pairs cannot deadlock. Either side may be
     * {@link Mpi#PROC_NULL} to skip it.
     *
     * @param sendBuffer  buffer to send from.
     * @param sendOffset  first element to send.
     * @param sendCount   elements to send.
     * @param destination rank to send to, or PROC_NULL.
     * @param recvBuffer  buffer to receive into, distinct from the send region.
     * @param recvOffset  first element to fill.
     * @param recvCount   capacity in elements.
     * @param source      rank to receive from, or PROC_NULL.
     * @return number of elements received.
     */
    public int sendrecv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final int destination,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int source)
    {
        try
        {
            channel.sendrecv(
                sendBuffer, sendOffset, sendCount, destination, tag,
                recvBuffer, recvOffset, recvCount, source, tag, status);
        }
        catch (final MpiException ex)
        {
            deferTruncation(ex);
        }
        return status.count();
    }

    /**
     * A zero-byte dissemination barrier within the current call: ceil(log2(size)) rounds, in round k each rank
     * signals the rank 2^k above it and waits for the one 2^k below.
     */
    public void barrier()
    {
        for (int distance = 1; distance < size; distance <<= 1)
        {
            sendrecv(EMPTY, 0, 0, (rank + distance) % size, EMPTY, 0, 0, (rank - distance + size) % size);
        }
    }

    private void deferTruncation(final MpiException ex)
    {
        if (ErrorClass.ERR_TRUNCATE != ex.errorClass())
        {
            throw ex;
        }
        defer(ex);
    }
}
