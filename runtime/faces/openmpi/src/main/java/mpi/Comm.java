package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.Keyval;
import io.jmpi.MpiException;
import org.agrona.UnsafeApi;

import java.nio.Buffer;

/**
 * A communicator (MPI_Comm), with the point-to-point calls, the collectives and the caching of Open MPI's Java
 * bindings.
 * <p>
 * Buffers are Java arrays, heap buffers from {@code MPI.slice} or direct buffers from {@code MPI.new*Buffer} (see
 * {@link Region}); the non-blocking and persistent calls take direct buffers only, as Open MPI's do, and throw
 * IllegalArgumentException for any other. The overloads of the collectives without a send buffer (or without a
 * receive buffer, for scatter) are MPI_IN_PLACE.
 * <p>
 * Every failed call goes to the communicator's error handler: {@link MPI#ERRORS_ARE_FATAL} by default, which prints
 * the call and the error and ends the job, or {@link MPI#ERRORS_RETURN}, which throws {@link MPIException}. A new
 * communicator takes the handler of the one it was made from.
 */
public class Comm implements Freeable
{
    private static final long BYTES = UnsafeApi.arrayBaseOffset(byte[].class);

    /** The runtime's communicator; null for MPI_COMM_NULL, a freed one, or the world before Init. */
    io.jmpi.Comm comm;
    private io.jmpi.Comm side;
    private Request request;
    private volatile Errhandler errhandler;
    private String name;

    Comm(final io.jmpi.Comm comm, final Errhandler errhandler, final String name)
    {
        this.errhandler = errhandler;
        this.name = name;
        if (null != comm)
        {
            bind(comm);
        }
    }

    /**
     * Make the runtime's communicator this one's, with this one's error handler and name.
     */
    final void bind(final io.jmpi.Comm runtimeComm)
    {
        runtimeComm.setErrorHandler(errhandler.handler);
        runtimeComm.setName(name);
        comm = runtimeComm;
    }

    /**
     * MPI_Comm_dup: a new communicator of the same group, with this one's error handler and copies of its
     * attributes. Collective.
     *
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    public Comm dup() throws MPIException
    {
        try
        {
            return new Comm(jmpi().dup(), errhandler, null);
        }
        catch (final MpiException ex)
        {
            throw raise("dup", ex);
        }
    }

    /**
     * MPI_Comm_dup_with_info: as {@link #dup()}; jmpi reads no hints.
     *
     * @param info hints, ignored.
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    public Comm dupWithInfo(final Info info) throws MPIException
    {
        return dup();
    }

    /**
     * MPI_Comm_idup: as {@link #dup()}, which jmpi completes at once; {@link #getRequest()} of the copy is a
     * completed request.
     *
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    public Comm iDup() throws MPIException
    {
        final Comm copy = dup();
        copy.completedDup();
        return copy;
    }

    final void completedDup()
    {
        request = new Request(this, Request.none(), null);
    }

    /**
     * @return the request of the {@link #iDup()} that made this communicator, or null.
     */
    public final Request getRequest()
    {
        return request;
    }

    /**
     * MPI_Comm_disconnect: free the communicator once its pending communication is done; jmpi's communication
     * completes before its calls return or through requests the program waits for, so this is {@link #free()}.
     *
     * @throws MPIException as free.
     */
    public final void disconnect() throws MPIException
    {
        free();
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return the copy.
     */
    @Override
    public Comm clone()
    {
        try
        {
            return dup();
        }
        catch (final MPIException ex)
        {
            throw new RuntimeException(ex.getMessage());
        }
    }

    /**
     * @return the number of processes (MPI_Comm_size).
     * @throws MPIException under ERRORS_RETURN, if the communicator is null.
     */
    public final int getSize() throws MPIException
    {
        try
        {
            return jmpi().size();
        }
        catch (final MpiException ex)
        {
            throw raise("getSize", ex);
        }
    }

    /**
     * @return this process's rank (MPI_Comm_rank).
     * @throws MPIException under ERRORS_RETURN, if the communicator is null.
     */
    public final int getRank() throws MPIException
    {
        try
        {
            return jmpi().rank();
        }
        catch (final MpiException ex)
        {
            throw raise("getRank", ex);
        }
    }

    /**
     * MPI_Comm_compare.
     *
     * @param comm1 a communicator.
     * @param comm2 another.
     * @return {@link MPI#IDENT} for the same communicator, {@link MPI#CONGRUENT} for another with the same group in
     * the same order, {@link MPI#SIMILAR} with the same members in another order, else {@link MPI#UNEQUAL}.
     * @throws MPIException under ERRORS_RETURN, if one is null.
     */
    public static int compare(final Comm comm1, final Comm comm2) throws MPIException
    {
        try
        {
            if (comm1 == comm2 || comm1.jmpi() == comm2.jmpi())
            {
                return MPI.IDENT;
            }
            final int groups = comm1.jmpi().group().compare(comm2.jmpi().group());
            return io.jmpi.Group.IDENT == groups ? MPI.CONGRUENT : groups;
        }
        catch (final MpiException ex)
        {
            throw comm1.raise("compare", ex);
        }
    }

    /**
     * MPI_Comm_free: the communicator becomes MPI_COMM_NULL. Collective.
     *
     * @throws MPIException under ERRORS_RETURN: ERR_COMM for the world, self or a null communicator.
     */
    @Override
    public final void free() throws MPIException
    {
        try
        {
            if (this == MPI.COMM_WORLD || this == MPI.COMM_SELF)
            {
                throw new MpiException(ErrorClass.ERR_COMM, "the predefined communicators cannot be freed");
            }
            jmpi().free();
            synchronized (this)
            {
                if (null != side)
                {
                    side.free();
                    side = null;
                }
            }
            comm = null;
        }
        catch (final MpiException ex)
        {
            throw raise("free", ex);
        }
    }

    /**
     * @return true for MPI_COMM_NULL: a freed communicator, or the result of a split or create on a process left
     * out.
     */
    public final boolean isNull()
    {
        return null == comm;
    }

    /**
     * MPI_Comm_group.
     *
     * @return the group of the communicator's processes.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Group getGroup() throws MPIException
    {
        try
        {
            return new Group(jmpi().group());
        }
        catch (final MpiException ex)
        {
            throw raise("getGroup", ex);
        }
    }

    /**
     * MPI_Comm_test_inter.
     *
     * @return true for an intercommunicator.
     * @throws MPIException under ERRORS_RETURN, if the communicator is null.
     */
    public final boolean isInter() throws MPIException
    {
        try
        {
            return jmpi().isInter();
        }
        catch (final MpiException ex)
        {
            throw raise("isInter", ex);
        }
    }

    /**
     * MPI_Intercomm_create, called on the peer communicator of which both leaders are members: an
     * intercommunicator between {@code localComm}'s group and another, disjoint group. Collective over both groups.
     *
     * @param localComm    this process's group.
     * @param localLeader  rank of its leader in {@code localComm}.
     * @param remoteLeader rank of the other group's leader in this communicator.
     * @param tag          tag of the leaders' exchange on this communicator.
     * @return the intercommunicator, with {@code localComm}'s error handler.
     * @throws MPIException under ERRORS_RETURN: ERR_RANK for a leader out of range, ERR_ARG for overlapping groups.
     */
    public final Intercomm createIntercomm(final Comm localComm, final int localLeader, final int remoteLeader,
        final int tag) throws MPIException
    {
        try
        {
            return new Intercomm(localComm.jmpi().createIntercomm(localLeader, jmpi(),
                remoteLeader, tag), localComm.errhandler());
        }
        catch (final MpiException ex)
        {
            throw localComm.raise("createIntercomm", ex);
        }
    }

    /**
     * MPI_Comm_set_info: accepted and ignored; jmpi reads no hints.
     *
     * @param info the hints.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final void setInfo(final Info info) throws MPIException
    {
    }

    /**
     * MPI_Comm_get_info.
     *
     * @return an empty info: jmpi uses no hints.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final Info getInfo() throws MPIException
    {
        return new Info();
    }

    /**
     * Blocking standard-mode send (MPI_Send).
     *
     * @param buf   send buffer.
     * @param count number of items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag   message tag.
     * @throws MPIException under ERRORS_RETURN: ERR_RANK, ERR_TAG, ERR_TYPE, ERR_BUFFER, ERR_COUNT, ...
     */
    public final void send(final Object buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        try
        {
            if (Region.plain(buf, type))
            {
                jmpi().send(buf, 0, Region.plainCount(buf, count, type), dest, tag);
                return;
            }
            final Region data = Region.of(buf, count, type);
            jmpi().send(data.target, data.offset, data.count, dest, tag);
        }
        catch (final MpiException ex)
        {
            throw raise("send", ex);
        }
    }

    /**
     * Blocking synchronous-mode send (MPI_Ssend): returns once the receive has started.
     *
     * @param buf   send buffer.
     * @param count number of items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag   message tag.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void sSend(final Object buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        try
        {
            if (Region.plain(buf, type))
            {
                jmpi().ssend(buf, 0, Region.plainCount(buf, count, type), dest, tag);
                return;
            }
            final Region data = Region.of(buf, count, type);
            jmpi().ssend(data.target, data.offset, data.count, dest, tag);
        }
        catch (final MpiException ex)
        {
            throw raise("sSend", ex);
        }
    }

    /**
     * Blocking buffered-mode send (MPI_Bsend): the message is copied into the buffer of {@link MPI#attachBuffer}.
     *
     * @param buf   send buffer.
     * @param count number of items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag   message tag.
     * @throws MPIException under ERRORS_RETURN: ERR_BUFFER if no buffer is attached or the message does not fit.
     */
    public final void bSend(final Object buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        try
        {
            final Region data = Region.of(buf, count, type);
            jmpi().bsend(data.target, data.offset, data.count, dest, tag);
        }
        catch (final MpiException ex)
        {
            throw raise("bSend", ex);
        }
    }

    /**
     * Blocking ready-mode send (MPI_Rsend): as a standard send, which meets the ready mode's contract.
     *
     * @param buf   send buffer.
     * @param count number of items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag   message tag.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void rSend(final Object buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        try
        {
            final Region data = Region.of(buf, count, type);
            jmpi().send(data.target, data.offset, data.count, dest, tag);
        }
        catch (final MpiException ex)
        {
            throw raise("rSend", ex);
        }
    }

    /**
     * Blocking receive (MPI_Recv).
     *
     * @param buf    receive buffer.
     * @param count  capacity in items.
     * @param type   datatype of the items.
     * @param source rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag    message tag or {@link MPI#ANY_TAG}.
     * @return the status of the message.
     * @throws MPIException under ERRORS_RETURN: ERR_TRUNCATE for a longer message (after filling the buffer), ...
     */
    public final Status recv(final Object buf, final int count, final Datatype type, final int source, final int tag)
        throws MPIException
    {
        Region data = null;
        try
        {
            if (Region.plain(buf, type))
            {
                return Status.of(jmpi().recv(buf, 0, Region.plainCount(buf, count, type), source, tag));
            }
            data = Region.of(buf, count, type);
            final io.jmpi.Status status = jmpi().recv(data.target, data.offset, data.count, source, tag);
            data.unpack();
            return Status.of(status);
        }
        catch (final MpiException ex)
        {
            if (null != data)
            {
                data.unpack();
            }
            throw raise("recv", ex);
        }
    }

    /**
     * Send and receive in one call (MPI_Sendrecv), which cannot deadlock in a ring of such calls.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items to send.
     * @param sendtype  datatype of the items sent.
     * @param dest      rank of the destination.
     * @param sendtag   tag of the message sent.
     * @param recvbuf   receive buffer.
     * @param recvcount capacity in items.
     * @param recvtype  datatype of the items received.
     * @param source    rank of the source.
     * @param recvtag   tag of the message received.
     * @return the status of the receive.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Status sendRecv(
        final Object sendbuf, final int sendcount, final Datatype sendtype, final int dest, final int sendtag,
        final Object recvbuf, final int recvcount, final Datatype recvtype, final int source, final int recvtag)
        throws MPIException
    {
        try
        {
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            final io.jmpi.Status status = new io.jmpi.Status();
            jmpi().sendrecv(send.target, send.offset, send.count, dest, sendtag,
                recv.target, recv.offset, recv.count, source, recvtag, status);
            recv.unpack();
            return Status.of(status);
        }
        catch (final MpiException ex)
        {
            throw raise("sendRecv", ex);
        }
    }

    /**
     * Send a buffer and receive into it in one call (MPI_Sendrecv_replace).
     *
     * @param buf     data sent, then the data received.
     * @param count   items sent, and capacity of the receive.
     * @param type    datatype of the items.
     * @param dest    rank of the destination.
     * @param sendtag tag of the message sent.
     * @param source  rank of the source.
     * @param recvtag tag of the message received.
     * @return the status of the receive.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Status sendRecvReplace(final Object buf, final int count, final Datatype type, final int dest,
        final int sendtag, final int source, final int recvtag) throws MPIException
    {
        try
        {
            final Region data = Region.of(buf, count, type);
            final io.jmpi.Status status = new io.jmpi.Status();
            jmpi().sendrecvReplace(data.target, data.offset, data.count, dest, sendtag, source, recvtag, status);
            data.unpack();
            return Status.of(status);
        }
        catch (final MpiException ex)
        {
            throw raise("sendRecvReplace", ex);
        }
    }

    /**
     * Non-blocking standard-mode send (MPI_Isend).
     *
     * @param buf   a direct buffer, unchanged until the request completes.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iSend(final Buffer buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            if (Region.plain(buf, type))
            {
                return Request.of(this, jmpi().isend(buf, 0, Region.plainCount(buf, count, type), dest, tag), null);
            }
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().isend(data.target, data.offset, data.count, dest, tag), null);
        }
        catch (final MpiException ex)
        {
            throw raise("iSend", ex);
        }
    }

    /**
     * Non-blocking buffered-mode send (MPI_Ibsend): the message is copied at once; the request is complete.
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN: ERR_BUFFER without room in the attached buffer.
     */
    public final Request ibSend(final Buffer buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().ibsend(data.target, data.offset, data.count, dest, tag), null);
        }
        catch (final MpiException ex)
        {
            throw raise("ibSend", ex);
        }
    }

    /**
     * Non-blocking synchronous-mode send (MPI_Issend): completes once the receive has started.
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request isSend(final Buffer buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().issend(data.target, data.offset, data.count, dest, tag), null);
        }
        catch (final MpiException ex)
        {
            throw raise("isSend", ex);
        }
    }

    /**
     * Non-blocking ready-mode send (MPI_Irsend), as a standard one.
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request irSend(final Buffer buf, final int count, final Datatype type, final int dest, final int tag)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().isend(data.target, data.offset, data.count, dest, tag), null);
        }
        catch (final MpiException ex)
        {
            throw raise("irSend", ex);
        }
    }

    /**
     * Non-blocking receive (MPI_Irecv).
     *
     * @param buf    a direct buffer, not to be read until the request completes.
     * @param count  capacity in items.
     * @param type   datatype of the items.
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iRecv(final Buffer buf, final int count, final Datatype type, final int source,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            if (Region.plain(buf, type))
            {
                return Request.of(this, jmpi().irecv(buf, 0, Region.plainCount(buf, count, type), source, tag),
                    null);
            }
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().irecv(data.target, data.offset, data.count, source, tag), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iRecv", ex);
        }
    }

    /**
     * A persistent standard-mode send (MPI_Send_init): each start sends the buffer's content at that time.
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the inactive persistent request.
     * @throws MPIException never at creation: errors come at start.
     */
    public final Prequest sendInit(final Buffer buf, final int count, final Datatype type, final int dest,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        return persistentSend(buf, count, type, dest, tag, false);
    }

    /**
     * A persistent buffered-mode send (MPI_Bsend_init).
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the inactive persistent request.
     * @throws MPIException never at creation: errors come at start.
     */
    public final Prequest bSendInit(final Buffer buf, final int count, final Datatype type, final int dest,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        return new Prequest(this, request ->
        {
            final Region data = Region.of(buf, count, type);
            request.restart(jmpi().ibsend(data.target, data.offset, data.count, dest, tag), null);
        });
    }

    /**
     * A persistent synchronous-mode send (MPI_Ssend_init).
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the inactive persistent request.
     * @throws MPIException never at creation: errors come at start.
     */
    public final Prequest sSendInit(final Buffer buf, final int count, final Datatype type, final int dest,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        return persistentSend(buf, count, type, dest, tag, true);
    }

    /**
     * A persistent ready-mode send (MPI_Rsend_init), as a standard one.
     *
     * @param buf   a direct buffer.
     * @param count items to send.
     * @param type  datatype of the items.
     * @param dest  rank of the destination.
     * @param tag   message tag.
     * @return the inactive persistent request.
     * @throws MPIException never at creation: errors come at start.
     */
    public final Prequest rSendInit(final Buffer buf, final int count, final Datatype type, final int dest,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        return persistentSend(buf, count, type, dest, tag, false);
    }

    /**
     * A persistent receive (MPI_Recv_init).
     *
     * @param buf    a direct buffer.
     * @param count  capacity in items.
     * @param type   datatype of the items.
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @return the inactive persistent request.
     * @throws MPIException never at creation: errors come at start.
     */
    public final Prequest recvInit(final Buffer buf, final int count, final Datatype type, final int source,
        final int tag) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        return new Prequest(this, request ->
        {
            final Region data = Region.of(buf, count, type);
            request.restart(jmpi().irecv(data.target, data.offset, data.count, source, tag), data::unpack);
        });
    }

    /**
     * MPI_Pack: append the items' bytes to {@code outbuf} at {@code position}.
     *
     * @param inbuf    the items.
     * @param incount  number of items.
     * @param type     their datatype.
     * @param outbuf   the packed message.
     * @param position where the items' bytes go.
     * @return the position after them.
     * @throws MPIException under ERRORS_RETURN: ERR_BUFFER if they do not fit.
     */
    public final int pack(final Object inbuf, final int incount, final Datatype type, final byte[] outbuf,
        final int position) throws MPIException
    {
        try
        {
            jmpi();
            final Region data = Region.of(inbuf, incount, type);
            final long bytes = data.bytes();
            checkPacked(outbuf, position, bytes);
            UnsafeApi.copyMemory(data.memoryBase(), data.memoryAddress(), outbuf, BYTES + position, bytes);
            return position + (int)bytes;
        }
        catch (final MpiException ex)
        {
            throw raise("pack", ex);
        }
    }

    /**
     * MPI_Unpack: read items from {@code inbuf} at {@code position}.
     *
     * @param inbuf    the packed message.
     * @param position where the items' bytes start.
     * @param outbuf   the buffer to fill.
     * @param outcount number of items.
     * @param type     their datatype.
     * @return the position after them.
     * @throws MPIException under ERRORS_RETURN: ERR_TRUNCATE if the packed message is shorter.
     */
    public final int unpack(final byte[] inbuf, final int position, final Object outbuf, final int outcount,
        final Datatype type) throws MPIException
    {
        try
        {
            jmpi();
            final Region data = Region.of(outbuf, outcount, type);
            final long bytes = data.bytes();
            checkPacked(inbuf, position, bytes);
            UnsafeApi.copyMemory(inbuf, BYTES + position, data.memoryBase(), data.memoryAddress(), bytes);
            data.unpack();
            return position + (int)bytes;
        }
        catch (final MpiException ex)
        {
            throw raise("unpack", ex);
        }
    }

    /**
     * MPI_Pack_size.
     *
     * @param incount number of items.
     * @param type    their datatype.
     * @return the bytes {@link #pack} appends for them.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final int packSize(final int incount, final Datatype type) throws MPIException
    {
        try
        {
            jmpi();
            type.checkUsable();
            return incount * type.size * type.base.size;
        }
        catch (final MpiException ex)
        {
            throw raise("packSize", ex);
        }
    }

    /**
     * MPI_Iprobe.
     *
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @return the status of a matching message that has arrived, or null.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Status iProbe(final int source, final int tag) throws MPIException
    {
        try
        {
            final io.jmpi.Status status = new io.jmpi.Status();
            return jmpi().iprobe(source, tag, status) ? Status.of(status) : null;
        }
        catch (final MpiException ex)
        {
            throw raise("iProbe", ex);
        }
    }

    /**
     * MPI_Probe: wait for a matching message without receiving it.
     *
     * @param source rank of the source, ANY_SOURCE or PROC_NULL.
     * @param tag    message tag or ANY_TAG.
     * @return its status.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Status probe(final int source, final int tag) throws MPIException
    {
        try
        {
            return Status.of(jmpi().probe(source, tag));
        }
        catch (final MpiException ex)
        {
            throw raise("probe", ex);
        }
    }

    /**
     * MPI_Comm_create_keyval.
     *
     * @return a new keyval, whose attributes {@link #dup()} copies.
     * @throws MPIException never; declared as in Open MPI.
     */
    public static int createKeyval() throws MPIException
    {
        return CommKeyvals.create();
    }

    /**
     * MPI_Comm_free_keyval.
     *
     * @param keyval the keyval.
     * @throws MPIException ERR_KEYVAL if it is not a live keyval of {@link #createKeyval()}.
     */
    public static void freeKeyval(final int keyval) throws MPIException
    {
        try
        {
            CommKeyvals.free(keyval);
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * MPI_Comm_set_attr: the value is stored serialized, as Open MPI does.
     *
     * @param keyval a keyval of {@link #createKeyval()}.
     * @param value  a Serializable value.
     * @throws MPIException ERR_KEYVAL for another keyval, ERR_ARG for a value that cannot be serialized.
     */
    public final void setAttr(final int keyval, final Object value) throws MPIException
    {
        try
        {
            jmpi().setAttribute(CommKeyvals.of(keyval), Attributes.serialize(value));
        }
        catch (final MpiException ex)
        {
            throw raise("setAttr", ex);
        }
    }

    /**
     * MPI_Comm_get_attr. The predefined keyvals give: {@link MPI#TAG_UB} the largest tag (Integer),
     * {@link MPI#HOST} PROC_NULL (no host is special), {@link MPI#IO} ANY_SOURCE (every process can do I/O),
     * {@link MPI#WTIME_IS_GLOBAL} false (Boolean), {@link MPI#APPNUM} 0, {@link MPI#UNIVERSE_SIZE} the world's
     * size and {@link MPI#LASTUSEDCODE} {@link MPI#ERR_LASTCODE}.
     *
     * @param keyval a predefined keyval or one of {@link #createKeyval()}.
     * @return a copy of the value, or null if none is set.
     * @throws MPIException ERR_KEYVAL for an unknown keyval.
     */
    public final Object getAttr(final int keyval) throws MPIException
    {
        if (MPI.LASTUSEDCODE == keyval)
        {
            return MPI.ERR_LASTCODE;
        }
        try
        {
            final Keyval<?> predefined = CommKeyvals.predefined(keyval);
            if (null != predefined)
            {
                return jmpi().attribute(predefined);
            }
            final byte[] value = jmpi().attribute(CommKeyvals.of(keyval));
            return null == value ? null : Attributes.deserialize(value);
        }
        catch (final MpiException ex)
        {
            throw raise("getAttr", ex);
        }
    }

    /**
     * MPI_Comm_delete_attr.
     *
     * @param keyval a keyval of {@link #createKeyval()}.
     * @throws MPIException ERR_KEYVAL for another keyval.
     */
    public final void deleteAttr(final int keyval) throws MPIException
    {
        try
        {
            jmpi().deleteAttribute(CommKeyvals.of(keyval));
        }
        catch (final MpiException ex)
        {
            throw raise("deleteAttr", ex);
        }
    }

    /**
     * MPI_Topo_test.
     *
     * @return {@link MPI#CART}, {@link MPI#GRAPH}, {@link MPI#DIST_GRAPH} or {@link MPI#UNDEFINED}.
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getTopology() throws MPIException
    {
        return MPI.UNDEFINED;
    }

    /**
     * MPI_Abort: end the whole job with this exit code.
     *
     * @param errorcode exit code of this process.
     * @throws MPIException never: the process ends.
     */
    public final void abort(final int errorcode) throws MPIException
    {
        MPI.runtime().abort(errorcode);
    }

    /**
     * MPI_Comm_set_errhandler.
     *
     * @param errhandler {@link MPI#ERRORS_ARE_FATAL} or {@link MPI#ERRORS_RETURN}.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final void setErrhandler(final Errhandler errhandler) throws MPIException
    {
        this.errhandler = null == errhandler ? MPI.ERRORS_ARE_FATAL : errhandler;
        final io.jmpi.Comm current = comm;
        if (null != current)
        {
            current.setErrorHandler(this.errhandler.handler);
        }
    }

    /**
     * MPI_Comm_get_errhandler.
     *
     * @return the communicator's error handler.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final Errhandler getErrhandler() throws MPIException
    {
        return errhandler;
    }

    /**
     * MPI_Comm_set_name.
     *
     * @param name the name.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final void setName(final String name) throws MPIException
    {
        this.name = name;
        final io.jmpi.Comm current = comm;
        if (null != current)
        {
            current.setName(name);
        }
    }

    /**
     * MPI_Comm_get_name.
     *
     * @return the name: MPI_COMM_WORLD, MPI_COMM_SELF, or the one set; empty if none was.
     * @throws MPIException never; declared as in Open MPI.
     */
    public final String getName() throws MPIException
    {
        return null == name ? "" : name;
    }

    /**
     * MPI_Barrier: returns once every process has entered it.
     *
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void barrier() throws MPIException
    {
        try
        {
            jmpi().barrier();
        }
        catch (final MpiException ex)
        {
            throw raise("barrier", ex);
        }
    }

    /**
     * MPI_Bcast: the root's items reach every process.
     *
     * @param buf   data at the root, destination elsewhere.
     * @param count number of items.
     * @param type  datatype of the items.
     * @param root  rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void bcast(final Object buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        try
        {
            if (Region.plain(buf, type))
            {
                jmpi().bcast(buf, 0, Region.plainCount(buf, count, type), jmpiRoot(root));
                return;
            }
            final Region data = Region.of(buf, count, type);
            jmpi().bcast(data.target, data.offset, data.count, jmpiRoot(root));
            data.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("bcast", ex);
        }
    }

    /**
     * MPI_Gather: the root receives every process's items in rank order.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   at the root, the items of all processes.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void gather(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype, final int root) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = isRoot(c, root) ? Region.of(recvbuf, recvcount * peers(c), recvtype) : null;
            gather(c, send.target, send.offset, send.count, recv, recvcount, root);
        }
        catch (final MpiException ex)
        {
            throw raise("gather", ex);
        }
    }

    /**
     * MPI_Gather with MPI_IN_PLACE: at the root the buffer receives, its own block already in place; elsewhere it
     * is the send buffer.
     *
     * @param buf   the receive buffer at the root, the send buffer elsewhere.
     * @param count items of each process.
     * @param type  their datatype.
     * @param root  rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void gather(final Object buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            if (isRoot(c, root))
            {
                final Region recv = Region.of(buf, count * peers(c), type);
                gather(c, recv.target, recv.offset + root * count * recv.perItem, count * recv.perItem, recv, count,
                    jmpiRoot(root));
            }
            else
            {
                final Region send = Region.of(buf, count, type);
                gather(c, send.target, send.offset, send.count, null, count, root);
            }
        }
        catch (final MpiException ex)
        {
            throw raise("gather", ex);
        }
    }

    /**
     * MPI_Gatherv: the root receives each process's items at its displacement.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   at the root, the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void gatherv(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            gatherv(c, send.target, send.offset, send.count, recvbuf, recvcount, displs, recvtype, root, false);
        }
        catch (final MpiException ex)
        {
            throw raise("gatherv", ex);
        }
    }

    /**
     * MPI_Gatherv with MPI_IN_PLACE at the root, whose own items are already in place: call it at the root only.
     *
     * @param recvbuf   the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void gatherv(final Object recvbuf, final int[] recvcount, final int[] displs,
        final Datatype recvtype, final int root) throws MPIException
    {
        try
        {
            gatherv(jmpi(), null, 0, 0, recvbuf, recvcount, displs, recvtype, root, true);
        }
        catch (final MpiException ex)
        {
            throw raise("gatherv", ex);
        }
    }

    /**
     * MPI_Gatherv at a process other than the root when the root gathers in place.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void gatherv(final Object sendbuf, final int sendcount, final Datatype sendtype, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            c.gatherv(send.target, send.offset, send.count, null, 0, null, null, jmpiRoot(root));
        }
        catch (final MpiException ex)
        {
            throw raise("gatherv", ex);
        }
    }

    /**
     * MPI_Scatter: process i receives the root's i-th block.
     *
     * @param sendbuf   at the root, one block per process.
     * @param sendcount items sent to each process.
     * @param sendtype  their datatype.
     * @param recvbuf   this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scatter(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype, final int root) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = isRoot(c, root) ? Region.of(sendbuf, sendcount * peers(c), sendtype) : null;
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            c.scatter(null == send ? null : send.target, null == send ? 0 : send.offset,
                null == send ? recv.count : sendcount * send.perItem, recv.target, recv.offset, recv.count,
                jmpiRoot(root));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("scatter", ex);
        }
    }

    /**
     * MPI_Scatter with MPI_IN_PLACE: at the root the buffer sends and its own block stays; elsewhere it receives.
     *
     * @param buf   the send buffer at the root, the receive buffer elsewhere.
     * @param count items of each process.
     * @param type  their datatype.
     * @param root  rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scatter(final Object buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            if (isRoot(c, root))
            {
                final Region send = Region.of(buf, count * peers(c), type);
                final int block = count * send.perItem;
                c.scatter(send.target, send.offset, block, copyOf(send, root * block, block), 0, block,
                    jmpiRoot(root));
            }
            else
            {
                final Region recv = Region.of(buf, count, type);
                c.scatter(null, 0, recv.count, recv.target, recv.offset, recv.count, jmpiRoot(root));
                recv.unpack();
            }
        }
        catch (final MpiException ex)
        {
            throw raise("scatter", ex);
        }
    }

    /**
     * MPI_Scatterv: process i receives the root's block at displacement i.
     *
     * @param sendbuf   at the root, the blocks.
     * @param sendcount items sent to each process.
     * @param displs    where each block starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scatterv(final Object sendbuf, final int[] sendcount, final int[] displs,
        final Datatype sendtype, final Object recvbuf, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            scatterv(c, sendbuf, sendcount, displs, sendtype, recv.target, recv.offset, recv.count, root);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("scatterv", ex);
        }
    }

    /**
     * MPI_Scatterv with MPI_IN_PLACE at the root, whose own block stays: call it at the root only.
     *
     * @param sendbuf   the blocks.
     * @param sendcount items sent to each process.
     * @param displs    where each block starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scatterv(final Object sendbuf, final int[] sendcount, final int[] displs,
        final Datatype sendtype, final int root) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            scatterv(c, sendbuf, sendcount, displs, sendtype, null, 0, 0, root);
        }
        catch (final MpiException ex)
        {
            throw raise("scatterv", ex);
        }
    }

    /**
     * MPI_Scatterv at a process other than the root when the root scatters in place.
     *
     * @param recvbuf   this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scatterv(final Object recvbuf, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            c.scatterv(null, 0, null, null, recv.target, recv.offset, recv.count, jmpiRoot(root));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("scatterv", ex);
        }
    }

    /**
     * MPI_Allgather: every process receives every process's items in rank order.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   the items of all processes.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allGather(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = Region.of(recvbuf, recvcount * peers(c), recvtype);
            c.allgather(send.target, send.offset, send.count, recv.target, recv.offset, recvcount * recv.perItem);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allGather", ex);
        }
    }

    /**
     * MPI_Allgather with MPI_IN_PLACE: each process's own block is already in place.
     *
     * @param buf   the items of all processes.
     * @param count items of each process.
     * @param type  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allGather(final Object buf, final int count, final Datatype type) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(buf, count * peers(c), type);
            final int block = count * recv.perItem;
            final Object own = copyOf(recv, c.rank() * block, block);
            c.allgather(own, 0, block, recv.target, recv.offset, block);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allGather", ex);
        }
    }

    /**
     * MPI_Allgatherv: every process receives each process's items at its displacement.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allGatherv(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = Region.of(recvbuf, span(recvcount, displs, peers(c)), recvtype);
            c.allgatherv(send.target, send.offset, send.count, recv.target, recv.offset,
                scale(recvcount, recv.perItem), scale(displs, recv.perItem));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allGatherv", ex);
        }
    }

    /**
     * MPI_Allgatherv with MPI_IN_PLACE: each process's own items are already in place.
     *
     * @param recvbuf   the items of all processes.
     * @param recvcount items of each process.
     * @param displs    where each process's items go, in extents of the type.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allGatherv(final Object recvbuf, final int[] recvcount, final int[] displs,
        final Datatype recvtype) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(recvbuf, span(recvcount, displs, peers(c)), recvtype);
            final int[] counts = scale(recvcount, recv.perItem);
            final int[] starts = scale(displs, recv.perItem);
            final Object own = copyOf(recv, starts[c.rank()], counts[c.rank()]);
            c.allgatherv(own, 0, counts[c.rank()], recv.target, recv.offset, counts, starts);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allGatherv", ex);
        }
    }

    /**
     * MPI_Alltoall: block j of process i's send buffer becomes block i of process j's receive buffer.
     *
     * @param sendbuf   one block per process.
     * @param sendcount items sent to each process.
     * @param sendtype  their datatype.
     * @param recvbuf   one block per process.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allToAll(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount * peers(c), sendtype);
            final Region recv = Region.of(recvbuf, recvcount * peers(c), recvtype);
            c.alltoall(send.target, send.offset, sendcount * send.perItem, recv.target, recv.offset,
                recvcount * recv.perItem);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allToAll", ex);
        }
    }

    /**
     * MPI_Alltoallv: as allToAll, with counts and displacements per process on both sides.
     *
     * @param sendbuf   the blocks sent.
     * @param sendcount items sent to each process.
     * @param sdispls   where each block sent starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   the blocks received.
     * @param recvcount items received from each process.
     * @param rdispls   where each block received goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allToAllv(final Object sendbuf, final int[] sendcount, final int[] sdispls,
        final Datatype sendtype, final Object recvbuf, final int[] recvcount, final int[] rdispls,
        final Datatype recvtype) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, span(sendcount, sdispls, peers(c)), sendtype);
            final Region recv = Region.of(recvbuf, span(recvcount, rdispls, peers(c)), recvtype);
            c.alltoallv(send.target, send.offset, scale(sendcount, send.perItem), scale(sdispls, send.perItem),
                recv.target, recv.offset, scale(recvcount, recv.perItem), scale(rdispls, recv.perItem));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allToAllv", ex);
        }
    }

    /**
     * MPI_Alltoallw: as allToAllv with a datatype per process and displacements in bytes, on direct buffers.
     *
     * @param sendBuf   a direct buffer of the blocks sent.
     * @param sendCount items sent to each process.
     * @param sDispls   where each block sent starts, in bytes.
     * @param sendTypes datatype of each block sent.
     * @param recvBuf   a direct buffer of the blocks received.
     * @param recvCount items received from each process.
     * @param rDispls   where each block received goes, in bytes.
     * @param recvTypes datatype of each block received.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allToAllw(final Buffer sendBuf, final int[] sendCount, final int[] sDispls,
        final Datatype[] sendTypes, final Buffer recvBuf, final int[] recvCount, final int[] rDispls,
        final Datatype[] recvTypes) throws MPIException
    {
        MPI.assertDirectBuffer(sendBuf, recvBuf);
        try
        {
            Exchange.allToAllw(this, sendBuf, sendCount, sDispls, sendTypes, recvBuf, recvCount, rDispls, recvTypes)
                .waitAll();
        }
        catch (final MpiException ex)
        {
            throw raise("allToAllw", ex);
        }
    }

    /**
     * MPI_Neighbor_allgather: send the same items to every out-neighbour of the topology, receive a block from
     * every in-neighbour in order.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   one block per in-neighbour.
     * @param recvcount items received from each.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final void neighborAllGather(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            Exchange.neighbors(this, sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, false).waitAll();
        }
        catch (final MpiException ex)
        {
            throw raise("neighborAllGather", ex);
        }
    }

    /**
     * MPI_Neighbor_allgatherv.
     *
     * @param sendbuf   send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   the blocks of the in-neighbours.
     * @param recvcount items received from each.
     * @param displs    where each block goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final void neighborAllGatherv(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype) throws MPIException
    {
        try
        {
            Exchange.neighborsV(this, sendbuf, null, null, sendcount, sendtype, recvbuf, recvcount, displs, recvtype)
                .waitAll();
        }
        catch (final MpiException ex)
        {
            throw raise("neighborAllGatherv", ex);
        }
    }

    /**
     * MPI_Neighbor_alltoall: block i goes to out-neighbour i, block j comes from in-neighbour j.
     *
     * @param sendbuf   one block per out-neighbour.
     * @param sendcount items sent to each.
     * @param sendtype  their datatype.
     * @param recvbuf   one block per in-neighbour.
     * @param recvcount items received from each.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final void neighborAllToAll(final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            Exchange.neighbors(this, sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, true).waitAll();
        }
        catch (final MpiException ex)
        {
            throw raise("neighborAllToAll", ex);
        }
    }

    /**
     * MPI_Neighbor_alltoallv.
     *
     * @param sendbuf   the blocks sent.
     * @param sendcount items sent to each out-neighbour.
     * @param sdispls   where each block sent starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   the blocks received.
     * @param recvcount items received from each in-neighbour.
     * @param rdispls   where each block received goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final void neighborAllToAllv(final Object sendbuf, final int[] sendcount, final int[] sdispls,
        final Datatype sendtype, final Object recvbuf, final int[] recvcount, final int[] rdispls,
        final Datatype recvtype) throws MPIException
    {
        try
        {
            Exchange.neighborsV(this, sendbuf, sendcount, sdispls, 0, sendtype, recvbuf, recvcount, rdispls,
                recvtype).waitAll();
        }
        catch (final MpiException ex)
        {
            throw raise("neighborAllToAllv", ex);
        }
    }

    /**
     * MPI_Ibarrier: the request completes once every process has started the barrier. jmpi's non-blocking
     * collectives progress whenever this process calls into jmpi; several may be outstanding, started in the same
     * order everywhere, and their requests cannot be cancelled.
     *
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iBarrier() throws MPIException
    {
        try
        {
            return Request.of(this, jmpi().ibarrier(), null);
        }
        catch (final MpiException ex)
        {
            throw raise("iBarrier", ex);
        }
    }

    /**
     * MPI_Ibcast: {@link #bcast} as a request.
     *
     * @param buf   a direct buffer: data at the root, destination elsewhere.
     * @param count number of items.
     * @param type  their datatype.
     * @param root  rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iBcast(final Buffer buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.of(buf, count, type);
            return Request.of(this, jmpi().ibcast(data.target, data.offset, data.count, jmpiRoot(root)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iBcast", ex);
        }
    }

    /**
     * MPI_Igather: {@link #gather} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer: at the root, the items of all processes.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iGather(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype, final int root) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = isRoot(c, root) ? Region.of(recvbuf, recvcount * peers(c), recvtype) : null;
            return Request.of(this, c.igather(send.target, send.offset, send.count, targetOf(recv), offsetOf(recv),
                null == recv ? send.count : recvcount * recv.perItem, jmpiRoot(root)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iGather", ex);
        }
    }

    /**
     * MPI_Igather with MPI_IN_PLACE: at the root the buffer receives, its own block in place; elsewhere it sends.
     *
     * @param buf   a direct buffer.
     * @param count items of each process.
     * @param type  their datatype.
     * @param root  rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iGather(final Buffer buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            if (isRoot(c, root))
            {
                final Region recv = Region.of(buf, count * c.size(), type);
                return Request.of(this, c.igather(io.jmpi.Mpi.IN_PLACE, 0, 0, recv.target, recv.offset,
                    count * recv.perItem, root), recv);
            }
            final Region send = Region.of(buf, count, type);
            return Request.of(this, c.igather(send.target, send.offset, send.count, null, 0, send.count, root),
                null);
        }
        catch (final MpiException ex)
        {
            throw raise("iGather", ex);
        }
    }

    /**
     * MPI_Igatherv: {@link #gatherv} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer: at the root, the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iGatherv(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype, final int root)
        throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            return iGatherv(jmpi(), send.target, send.offset, send.count, recvbuf, recvcount, displs, recvtype,
                root);
        }
        catch (final MpiException ex)
        {
            throw raise("iGatherv", ex);
        }
    }

    /**
     * MPI_Igatherv with MPI_IN_PLACE at the root: call it at the root only.
     *
     * @param recvbuf   a direct buffer of the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iGatherv(final Buffer recvbuf, final int[] recvcount, final int[] displs,
        final Datatype recvtype, final int root) throws MPIException
    {
        MPI.assertDirectBuffer(recvbuf);
        try
        {
            return iGatherv(jmpi(), io.jmpi.Mpi.IN_PLACE, 0, 0, recvbuf, recvcount, displs, recvtype, root);
        }
        catch (final MpiException ex)
        {
            throw raise("iGatherv", ex);
        }
    }

    /**
     * MPI_Igatherv at a process other than the root when the root gathers in place.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iGatherv(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final int root) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf);
        try
        {
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            return Request.of(this, jmpi().igatherv(send.target, send.offset, send.count, null, 0, null, null,
                jmpiRoot(root)), null);
        }
        catch (final MpiException ex)
        {
            throw raise("iGatherv", ex);
        }
    }

    /**
     * MPI_Iscatter: {@link #scatter} as a request.
     *
     * @param sendbuf   a direct buffer: at the root, one block per process.
     * @param sendcount items sent to each process.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScatter(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype, final int root) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = isRoot(c, root) ? Region.of(sendbuf, sendcount * peers(c), sendtype) : null;
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            return Request.of(this, c.iscatter(targetOf(send), offsetOf(send),
                null == send ? recv.count : sendcount * send.perItem, recv.target, recv.offset, recv.count,
                jmpiRoot(root)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iScatter", ex);
        }
    }

    /**
     * MPI_Iscatter with MPI_IN_PLACE: at the root the buffer sends and its own block stays; elsewhere it receives.
     *
     * @param buf   a direct buffer.
     * @param count items of each process.
     * @param type  their datatype.
     * @param root  rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScatter(final Buffer buf, final int count, final Datatype type, final int root)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            if (isRoot(c, root))
            {
                final Region send = Region.of(buf, count * c.size(), type);
                return Request.of(this, c.iscatter(send.target, send.offset, count * send.perItem,
                    io.jmpi.Mpi.IN_PLACE, 0, 0, root), null);
            }
            final Region recv = Region.of(buf, count, type);
            return Request.of(this, c.iscatter(null, 0, recv.count, recv.target, recv.offset, recv.count, root),
                recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iScatter", ex);
        }
    }

    /**
     * MPI_Iscatterv: {@link #scatterv} as a request.
     *
     * @param sendbuf   a direct buffer: at the root, the blocks.
     * @param sendcount items sent to each process.
     * @param displs    where each block starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScatterv(final Buffer sendbuf, final int[] sendcount, final int[] displs,
        final Datatype sendtype, final Buffer recvbuf, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            final Region send = isRoot(c, root) ? Region.of(sendbuf, span(sendcount, displs, peers(c)), sendtype) :
                null;
            return Request.of(this, c.iscatterv(targetOf(send), offsetOf(send), scaled(sendcount, send),
                scaled(displs, send), recv.target, recv.offset, recv.count, jmpiRoot(root)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iScatterv", ex);
        }
    }

    /**
     * MPI_Iscatterv with MPI_IN_PLACE at the root, whose own block stays: call it at the root only.
     *
     * @param sendbuf   a direct buffer of the blocks.
     * @param sendcount items sent to each process.
     * @param displs    where each block starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScatterv(final Buffer sendbuf, final int[] sendcount, final int[] displs,
        final Datatype sendtype, final int root) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, span(sendcount, displs, c.size()), sendtype);
            return Request.of(this, c.iscatterv(send.target, send.offset, scale(sendcount, send.perItem),
                scale(displs, send.perItem), io.jmpi.Mpi.IN_PLACE, 0, 0, root), null);
        }
        catch (final MpiException ex)
        {
            throw raise("iScatterv", ex);
        }
    }

    /**
     * MPI_Iscatterv at a process other than the root when the root scatters in place.
     *
     * @param recvbuf   a direct buffer of this process's block.
     * @param recvcount items received.
     * @param recvtype  their datatype.
     * @param root      rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScatterv(final Buffer recvbuf, final int recvcount, final Datatype recvtype,
        final int root) throws MPIException
    {
        MPI.assertDirectBuffer(recvbuf);
        try
        {
            final Region recv = Region.of(recvbuf, recvcount, recvtype);
            return Request.of(this, jmpi().iscatterv(null, 0, null, null, recv.target, recv.offset, recv.count,
                jmpiRoot(root)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iScatterv", ex);
        }
    }

    /**
     * MPI_Iallgather: {@link #allGather} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of the items of all processes.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllGather(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = Region.of(recvbuf, recvcount * peers(c), recvtype);
            return Request.of(this, c.iallgather(send.target, send.offset, send.count, recv.target, recv.offset,
                recvcount * recv.perItem), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllGather", ex);
        }
    }

    /**
     * MPI_Iallgather with MPI_IN_PLACE: each process's own block is already in place.
     *
     * @param buf   a direct buffer of the items of all processes.
     * @param count items of each process.
     * @param type  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllGather(final Buffer buf, final int count, final Datatype type) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(buf, count * c.size(), type);
            return Request.of(this, c.iallgather(io.jmpi.Mpi.IN_PLACE, 0, 0, recv.target, recv.offset,
                count * recv.perItem), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllGather", ex);
        }
    }

    /**
     * MPI_Iallgatherv: {@link #allGatherv} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of the items of all processes.
     * @param recvcount items received from each process.
     * @param displs    where each process's items go, in extents of the receive type.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllGatherv(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount, sendtype);
            final Region recv = Region.of(recvbuf, span(recvcount, displs, peers(c)), recvtype);
            return Request.of(this, c.iallgatherv(send.target, send.offset, send.count, recv.target, recv.offset,
                scale(recvcount, recv.perItem), scale(displs, recv.perItem)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllGatherv", ex);
        }
    }

    /**
     * MPI_Iallgatherv with MPI_IN_PLACE: each process's own items are already in place.
     *
     * @param buf    a direct buffer of the items of all processes.
     * @param count  items of each process.
     * @param displs where each process's items go, in extents of the type.
     * @param type   their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllGatherv(final Buffer buf, final int[] count, final int[] displs, final Datatype type)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region recv = Region.of(buf, span(count, displs, c.size()), type);
            return Request.of(this, c.iallgatherv(io.jmpi.Mpi.IN_PLACE, 0, 0, recv.target, recv.offset,
                scale(count, recv.perItem), scale(displs, recv.perItem)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllGatherv", ex);
        }
    }

    /**
     * MPI_Ialltoall: {@link #allToAll} as a request.
     *
     * @param sendbuf   a direct buffer of one block per process.
     * @param sendcount items sent to each process.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of one block per process.
     * @param recvcount items received from each process.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllToAll(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, sendcount * peers(c), sendtype);
            final Region recv = Region.of(recvbuf, recvcount * peers(c), recvtype);
            return Request.of(this, c.ialltoall(send.target, send.offset, sendcount * send.perItem, recv.target,
                recv.offset, recvcount * recv.perItem), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllToAll", ex);
        }
    }

    /**
     * MPI_Ialltoallv: {@link #allToAllv} as a request.
     *
     * @param sendbuf   a direct buffer of the blocks sent.
     * @param sendcount items sent to each process.
     * @param sdispls   where each block sent starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of the blocks received.
     * @param recvcount items received from each process.
     * @param rdispls   where each block received goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllToAllv(final Buffer sendbuf, final int[] sendcount, final int[] sdispls,
        final Datatype sendtype, final Buffer recvbuf, final int[] recvcount, final int[] rdispls,
        final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.of(sendbuf, span(sendcount, sdispls, peers(c)), sendtype);
            final Region recv = Region.of(recvbuf, span(recvcount, rdispls, peers(c)), recvtype);
            return Request.of(this, c.ialltoallv(send.target, send.offset, scale(sendcount, send.perItem),
                scale(sdispls, send.perItem), recv.target, recv.offset, scale(recvcount, recv.perItem),
                scale(rdispls, recv.perItem)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllToAllv", ex);
        }
    }

    /**
     * MPI_Ireduce: {@link #reduce} as a request.
     *
     * @param sendbuf a direct send buffer.
     * @param recvbuf a direct buffer: at the root, the result.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @param root    rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduce(final Buffer sendbuf, final Buffer recvbuf, final int count, final Datatype type,
        final Op op, final int root) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = isRoot(c, root) ? Region.typed(recvbuf, count, type) : null;
            return Request.of(this, c.ireduce(send.target, send.offset, targetOf(recv), offsetOf(recv), send.count,
                op.forType(type), jmpiRoot(root)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduce", ex);
        }
    }

    /**
     * MPI_Ireduce with MPI_IN_PLACE: at the root the buffer holds its contribution and receives the result;
     * elsewhere it is the send buffer.
     *
     * @param buf   a direct buffer.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @param root  rank of the root.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduce(final Buffer buf, final int count, final Datatype type, final Op op,
        final int root) throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, count, type);
            if (isRoot(c, root))
            {
                return Request.of(this, c.ireduce(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset, data.count,
                    op.forType(type), root), data);
            }
            return Request.of(this, c.ireduce(data.target, data.offset, null, 0, data.count, op.forType(type), root),
                null);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduce", ex);
        }
    }

    /**
     * MPI_Iallreduce: {@link #allReduce} as a request.
     *
     * @param sendbuf a direct send buffer.
     * @param recvbuf a direct buffer of the result.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllReduce(final Buffer sendbuf, final Buffer recvbuf, final int count,
        final Datatype type, final Op op) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            return Request.of(this, jmpi().iallreduce(send.target, send.offset, recv.target, recv.offset,
                send.count, op.forType(type)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllReduce", ex);
        }
    }

    /**
     * MPI_Iallreduce with MPI_IN_PLACE.
     *
     * @param buf   a direct buffer: the contribution, then the result.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllReduce(final Buffer buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.typed(buf, count, type);
            return Request.of(this, jmpi().iallreduce(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset,
                data.count, op.forType(type)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllReduce", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter: {@link #reduceScatter} as a request.
     *
     * @param sendbuf    a direct buffer of sum(recvcounts) items.
     * @param recvbuf    a direct buffer of this process's block of the result.
     * @param recvcounts items of the result for each process.
     * @param type       their datatype.
     * @param op         reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduceScatter(final Buffer sendbuf, final Buffer recvbuf, final int[] recvcounts,
        final Datatype type, final Op op) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.typed(sendbuf, total(recvcounts, c.size()), type);
            final Region recv = Region.typed(recvbuf, recvcounts[c.rank()], type);
            return Request.of(this, c.ireduceScatter(send.target, send.offset, recv.target, recv.offset,
                scale(recvcounts, recv.perItem), op.forType(type)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduceScatter", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter with MPI_IN_PLACE: the buffer holds all sum(counts) items, and this process's block of
     * the result goes to its start.
     *
     * @param buf    a direct buffer.
     * @param counts items of the result for each process.
     * @param type   their datatype.
     * @param op     reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduceScatter(final Buffer buf, final int[] counts, final Datatype type, final Op op)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, total(counts, c.size()), type);
            return Request.of(this, c.ireduceScatter(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset,
                scale(counts, data.perItem), op.forType(type)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduceScatter", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter_block: {@link #reduceScatterBlock} as a request.
     *
     * @param sendbuf   a direct buffer of size * recvcount items.
     * @param recvbuf   a direct buffer of this process's block of the result.
     * @param recvcount items of each block.
     * @param type      their datatype.
     * @param op        reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduceScatterBlock(final Buffer sendbuf, final Buffer recvbuf, final int recvcount,
        final Datatype type, final Op op) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.typed(sendbuf, recvcount * c.size(), type);
            final Region recv = Region.typed(recvbuf, recvcount, type);
            return Request.of(this, c.ireduceScatterBlock(send.target, send.offset, recv.target, recv.offset,
                recvcount * recv.perItem, op.forType(type)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduceScatterBlock", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter_block with MPI_IN_PLACE.
     *
     * @param buf   a direct buffer of size * count items; this process's block of the result goes to its start.
     * @param count items of each block.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iReduceScatterBlock(final Buffer buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, count * c.size(), type);
            return Request.of(this, c.ireduceScatterBlock(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset,
                count * data.perItem, op.forType(type)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iReduceScatterBlock", ex);
        }
    }

    /**
     * MPI_Ialltoallw: {@link #allToAllw} as a request.
     *
     * @param sendBuf   a direct buffer of the blocks sent.
     * @param sendCount items sent to each process.
     * @param sDispls   where each block sent starts, in bytes.
     * @param sendTypes datatype of each block sent.
     * @param recvBuf   a direct buffer of the blocks received.
     * @param recvCount items received from each process.
     * @param rDispls   where each block received goes, in bytes.
     * @param recvTypes datatype of each block received.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iAllToAllw(final Buffer sendBuf, final int[] sendCount, final int[] sDispls,
        final Datatype[] sendTypes, final Buffer recvBuf, final int[] recvCount, final int[] rDispls,
        final Datatype[] recvTypes) throws MPIException
    {
        MPI.assertDirectBuffer(sendBuf, recvBuf);
        try
        {
            return Exchange.allToAllw(this, sendBuf, sendCount, sDispls, sendTypes, recvBuf, recvCount, rDispls,
                recvTypes).request(this);
        }
        catch (final MpiException ex)
        {
            throw raise("iAllToAllw", ex);
        }
    }

    /**
     * MPI_Ineighbor_allgather: {@link #neighborAllGather} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of one block per in-neighbour.
     * @param recvcount items received from each.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final Request iNeighborAllGather(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            return Exchange.neighbors(this, sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, false)
                .request(this);
        }
        catch (final MpiException ex)
        {
            throw raise("iNeighborAllGather", ex);
        }
    }

    /**
     * MPI_Ineighbor_allgatherv: {@link #neighborAllGatherv} as a request.
     *
     * @param sendbuf   a direct send buffer.
     * @param sendcount items sent.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of the in-neighbours' blocks.
     * @param recvcount items received from each.
     * @param displs    where each block goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final Request iNeighborAllGatherv(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            return Exchange.neighborsV(this, sendbuf, null, null, sendcount, sendtype, recvbuf, recvcount, displs,
                recvtype).request(this);
        }
        catch (final MpiException ex)
        {
            throw raise("iNeighborAllGatherv", ex);
        }
    }

    /**
     * MPI_Ineighbor_alltoall: {@link #neighborAllToAll} as a request.
     *
     * @param sendbuf   a direct buffer of one block per out-neighbour.
     * @param sendcount items sent to each.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of one block per in-neighbour.
     * @param recvcount items received from each.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final Request iNeighborAllToAll(final Buffer sendbuf, final int sendcount, final Datatype sendtype,
        final Buffer recvbuf, final int recvcount, final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            return Exchange.neighbors(this, sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, true)
                .request(this);
        }
        catch (final MpiException ex)
        {
            throw raise("iNeighborAllToAll", ex);
        }
    }

    /**
     * MPI_Ineighbor_alltoallv: {@link #neighborAllToAllv} as a request.
     *
     * @param sendbuf   a direct buffer of the blocks sent.
     * @param sendcount items sent to each out-neighbour.
     * @param sdispls   where each block sent starts, in extents of the send type.
     * @param sendtype  their datatype.
     * @param recvbuf   a direct buffer of the blocks received.
     * @param recvcount items received from each in-neighbour.
     * @param rdispls   where each block received goes, in extents of the receive type.
     * @param recvtype  their datatype.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY without a topology.
     */
    public final Request iNeighborAllToAllv(final Buffer sendbuf, final int[] sendcount, final int[] sdispls,
        final Datatype sendtype, final Buffer recvbuf, final int[] recvcount, final int[] rdispls,
        final Datatype recvtype) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            return Exchange.neighborsV(this, sendbuf, sendcount, sdispls, 0, sendtype, recvbuf, recvcount, rdispls,
                recvtype).request(this);
        }
        catch (final MpiException ex)
        {
            throw raise("iNeighborAllToAllv", ex);
        }
    }

    /**
     * MPI_Reduce: the root receives the element-wise reduction of every process's items.
     *
     * @param sendbuf send buffer.
     * @param recvbuf at the root, the result.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @param root    rank of the root.
     * @throws MPIException under ERRORS_RETURN: ERR_OP if the operation does not apply to the type.
     */
    public final void reduce(final Object sendbuf, final Object recvbuf, final int count, final Datatype type,
        final Op op, final int root) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = isRoot(c, root) ? Region.typed(recvbuf, count, type) : null;
            reduce(c, send.target, send.offset, recv, send.count, op.forType(type), root);
        }
        catch (final MpiException ex)
        {
            throw raise("reduce", ex);
        }
    }

    /**
     * MPI_Reduce with MPI_IN_PLACE: at the root the buffer holds its contribution and receives the result;
     * elsewhere it is the send buffer.
     *
     * @param buf   the items.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @param root  rank of the root.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void reduce(final Object buf, final int count, final Datatype type, final Op op, final int root)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, count, type);
            final boolean atRoot = isRoot(c, root);
            final Object send = atRoot ? copyOf(data, 0, data.count) : data.target;
            reduce(c, send, atRoot ? 0 : data.offset, atRoot ? data : null, data.count, op.forType(type), root);
        }
        catch (final MpiException ex)
        {
            throw raise("reduce", ex);
        }
    }

    /**
     * MPI_Allreduce: every process receives the element-wise reduction of every process's items.
     *
     * @param sendbuf send buffer.
     * @param recvbuf the result.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allReduce(final Object sendbuf, final Object recvbuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            if (Region.plainArray(sendbuf, type) && Region.plainArray(recvbuf, type))
            {
                c.allreduce(sendbuf, 0, recvbuf, 0, Region.plainCount(sendbuf, count, type), op.forType(type));
                return;
            }
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            c.allreduce(send.target, send.offset, recv.target, recv.offset, send.count, op.forType(type));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allReduce", ex);
        }
    }

    /**
     * MPI_Allreduce with MPI_IN_PLACE: the buffer holds the contribution and receives the result.
     *
     * @param buf   the items.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void allReduce(final Object buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, count, type);
            c.allreduce(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset, data.count, op.forType(type));
            data.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("allReduce", ex);
        }
    }

    /**
     * MPI_Reduce_scatter: the reduction of every process's items, process i receiving block i of it.
     *
     * @param sendbuf    sum(recvcounts) items.
     * @param recvbuf    this process's block of the result.
     * @param recvcounts items of the result for each process.
     * @param type       their datatype.
     * @param op         reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void reduceScatter(final Object sendbuf, final Object recvbuf, final int[] recvcounts,
        final Datatype type, final Op op) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final int total = total(recvcounts, c.size());
            final Region send = Region.typed(sendbuf, total, type);
            final Region recv = Region.typed(recvbuf, recvcounts[c.rank()], type);
            c.reduceScatter(send.target, send.offset, recv.target, recv.offset, scale(recvcounts, recv.perItem),
                op.forType(type));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("reduceScatter", ex);
        }
    }

    /**
     * MPI_Reduce_scatter with MPI_IN_PLACE: the buffer holds all sum(counts) items, and this process's block of
     * the result goes to its start.
     *
     * @param buf    the items.
     * @param counts items of the result for each process.
     * @param type   their datatype.
     * @param op     reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void reduceScatter(final Object buf, final int[] counts, final Datatype type, final Op op)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final Region data = Region.typed(buf, total(counts, c.size()), type);
            c.reduceScatter(copyOf(data, 0, data.count), 0, data.target, data.offset, scale(counts, data.perItem),
                op.forType(type));
            data.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("reduceScatter", ex);
        }
    }

    /**
     * MPI_Reduce_scatter_block: as reduceScatter with {@code recvcount} items for every process.
     *
     * @param sendbuf   size * recvcount items.
     * @param recvbuf   this process's block of the result.
     * @param recvcount items of each block.
     * @param type      their datatype.
     * @param op        reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void reduceScatterBlock(final Object sendbuf, final Object recvbuf, final int recvcount,
        final Datatype type, final Op op) throws MPIException
    {
        try
        {
            reduceScatter(sendbuf, recvbuf, uniform(recvcount), type, op);
        }
        catch (final MpiException ex)
        {
            throw raise("reduceScatterBlock", ex);
        }
    }

    /**
     * MPI_Reduce_scatter_block with MPI_IN_PLACE.
     *
     * @param buf   size * count items; this process's block of the result goes to its start.
     * @param count items of each block.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void reduceScatterBlock(final Object buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        try
        {
            reduceScatter(buf, uniform(count), type, op);
        }
        catch (final MpiException ex)
        {
            throw raise("reduceScatterBlock", ex);
        }
    }

    /**
     * MPI_Reduce_local: {@code inOutBuf = inBuf op inOutBuf}, element-wise, on this process.
     *
     * @param inBuf    the first operand.
     * @param inOutBuf the second operand and the result.
     * @param count    number of items.
     * @param type     their datatype.
     * @param op       reduction operation.
     * @throws MPIException under the world's error handler.
     */
    public static void reduceLocal(final Object inBuf, final Object inOutBuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        try
        {
            MPI.runtime();
            final Region in = Region.typed(inBuf, count, type);
            final Region inOut = Region.typed(inOutBuf, count, type);
            op.forType(type).apply(in.target, in.offset, inOut.target, inOut.offset, in.count);
            inOut.unpack();
        }
        catch (final MpiException ex)
        {
            throw MPIException.of(ex);
        }
    }

    /**
     * The error handler's answer to a failed call: ERRORS_ARE_FATAL prints the call and the error and ends the
     * job; ERRORS_RETURN returns the exception for the call to throw.
     *
     * @param call the name of the failed call.
     * @param ex   the runtime's error.
     * @return the exception to throw.
     */
    /**
     * Apply the error handler to a failed call: the runtime's handler has seen the errors of the runtime's calls,
     * and sees here those this API found itself.
     *
     * @param call the call as this API names it.
     * @param ex   the error.
     * @return the exception to throw, if the handler returns.
     */
    final MPIException raise(final String call, final MpiException ex)
    {
        // a call on MPI_COMM_NULL or a freed communicator fails under the world's handler, as in Open MPI
        final io.jmpi.Comm current = null == comm ? MPI.COMM_WORLD.comm : comm;
        if (null != current && MPI.isRunning())
        {
            current.callErrorHandler(call, ex);
        }
        final MPIException converted = MPIException.convert(ex);
        return new MPIException(converted.getErrorCode(), converted.getErrorClass(),
            call + " on " + describe() + " failed: " + ex.getMessage());
    }

    /**
     * Apply this communicator's error handler, as MPI says for errors outside any communicator (on a datatype,
     * group, info or the environment) with that of MPI_COMM_WORLD.
     *
     * @param ex the error.
     * @return the exception to throw, if the handler returns.
     */
    final MPIException raiseOutside(final MpiException ex)
    {
        final io.jmpi.Comm current = comm;
        if (null != current && MPI.isRunning())
        {
            current.callErrorHandler("", ex);
        }
        return MPIException.convert(ex);
    }

    /**
     * @return the runtime's communicator.
     * @throws MpiException ERR_OTHER before Init or after Finalize, ERR_COMM for a null communicator.
     */
    final io.jmpi.Comm jmpi()
    {
        MPI.runtime();
        final io.jmpi.Comm current = comm;
        if (null == current)
        {
            throw new MpiException(ErrorClass.ERR_COMM, "the communicator is MPI_COMM_NULL (freed or not a member)");
        }
        return current;
    }

    final Errhandler errhandler()
    {
        return errhandler;
    }

    /**
     * @return the topology's in-neighbours (sources) and out-neighbours (destinations), in order.
     * @throws MpiException ERR_TOPOLOGY for a communicator without a topology.
     */
    int[][] neighbours()
    {
        throw new FaceException(MPI.ERR_TOPOLOGY, describe() + " has no process topology");
    }

    /**
     * @param index position of an out-neighbour.
     * @return the tag of the block sent to it; 0 unless a topology needs to tell repeated neighbours apart.
     */
    int sendTag(final int index)
    {
        return 0;
    }

    /**
     * @param index position of an in-neighbour.
     * @return the tag of the block received from it.
     */
    int recvTag(final int index)
    {
        return 0;
    }

    /**
     * @return a duplicate of the communicator that the face's own collectives (alltoallw, the neighbour
     * collectives) use, so that their messages never match the program's; made by the first such call, which every
     * member makes in the same order.
     */
    final synchronized io.jmpi.Comm side()
    {
        if (null == side)
        {
            side = jmpi().dup();
        }
        return side;
    }

    private String describe()
    {
        return null == name || name.isEmpty() ? String.valueOf(comm) : name;
    }

    private Prequest persistentSend(final Buffer buf, final int count, final Datatype type, final int dest,
        final int tag, final boolean synchronous)
    {
        return new Prequest(this, request ->
        {
            final Region data = Region.of(buf, count, type);
            final io.jmpi.Comm c = jmpi();
            request.restart(synchronous ? c.issend(data.target, data.offset, data.count, dest, tag) :
                c.isend(data.target, data.offset, data.count, dest, tag), null);
        });
    }

    private static void gather(final io.jmpi.Comm c, final Object send, final int sendOffset, final int sendCount,
        final Region recv, final int recvcount, final int root)
    {
        c.gather(send, sendOffset, sendCount, null == recv ? null : recv.target, null == recv ? 0 : recv.offset,
            null == recv ? sendCount : recvcount * recv.perItem, jmpiRoot(root));
        if (null != recv)
        {
            recv.unpack();
        }
    }

    private static void gatherv(final io.jmpi.Comm c, final Object send, final int sendOffset, final int sendCount,
        final Object recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype, final int root,
        final boolean inPlace)
    {
        if (!isRoot(c, root))
        {
            c.gatherv(send, sendOffset, sendCount, null, 0, null, null, jmpiRoot(root));
            return;
        }
        final Region recv = Region.of(recvbuf, span(recvcount, displs, peers(c)), recvtype);
        final int[] counts = scale(recvcount, recv.perItem);
        final int[] starts = scale(displs, recv.perItem);
        if (inPlace)
        {
            c.gatherv(copyOf(recv, starts[root], counts[root]), 0, counts[root], recv.target, recv.offset, counts,
                starts, jmpiRoot(root));
        }
        else
        {
            c.gatherv(send, sendOffset, sendCount, recv.target, recv.offset, counts, starts, jmpiRoot(root));
        }
        recv.unpack();
    }

    /**
     * Scatterv at the root, or elsewhere; a null receive buffer at the root means in place: its own block goes to
     * a scratch copy.
     */
    private static void scatterv(final io.jmpi.Comm c, final Object sendbuf, final int[] sendcount,
        final int[] displs, final Datatype sendtype, final Object recv, final int recvOffset, final int recvCount,
        final int root)
    {
        if (!isRoot(c, root))
        {
            c.scatterv(null, 0, null, null, recv, recvOffset, recvCount, jmpiRoot(root));
            return;
        }
        final Region send = Region.of(sendbuf, span(sendcount, displs, peers(c)), sendtype);
        final int[] counts = scale(sendcount, send.perItem);
        final int[] starts = scale(displs, send.perItem);
        if (null == recv)
        {
            c.scatterv(send.target, send.offset, counts, starts, copyOf(send, starts[root], counts[root]), 0,
                counts[root], jmpiRoot(root));
        }
        else
        {
            c.scatterv(send.target, send.offset, counts, starts, recv, recvOffset, recvCount, jmpiRoot(root));
        }
    }

    private static void reduce(final io.jmpi.Comm c, final Object send, final int sendOffset, final Region recv,
        final int count, final io.jmpi.Op op, final int root)
    {
        c.reduce(send, sendOffset, null == recv ? null : recv.target, null == recv ? 0 : recv.offset, count, op,
            jmpiRoot(root));
        if (null != recv)
        {
            recv.unpack();
        }
    }

    private Request iGatherv(final io.jmpi.Comm c, final Object send, final int sendOffset, final int sendCount,
        final Buffer recvbuf, final int[] recvcount, final int[] displs, final Datatype recvtype, final int root)
    {
        if (!isRoot(c, root))
        {
            return Request.of(this, c.igatherv(send, sendOffset, sendCount, null, 0, null, null, jmpiRoot(root)),
                null);
        }
        final Region recv = Region.of(recvbuf, span(recvcount, displs, peers(c)), recvtype);
        return Request.of(this, c.igatherv(send, sendOffset, sendCount, recv.target, recv.offset,
            scale(recvcount, recv.perItem), scale(displs, recv.perItem), jmpiRoot(root)), recv);
    }

    private static Object targetOf(final Region region)
    {
        return null == region ? null : region.target;
    }

    private static int offsetOf(final Region region)
    {
        return null == region ? 0 : region.offset;
    }

    /**
     * @return counts or displacements in the units of a region, or null without a region (a non-root process).
     */
    private static int[] scaled(final int[] values, final Region region)
    {
        return null == region ? null : scale(values, region.perItem);
    }

    /**
     * @return true at the root of a rooted collective: the rank given as root, or on an intercommunicator the
     * process that passes {@link MPI#ROOT}.
     */
    static boolean isRoot(final io.jmpi.Comm c, final int root)
    {
        return c.isInter() ? MPI.ROOT == root : c.rank() == root;
    }

    /**
     * @return the root argument as jmpi's runtime spells it: {@link MPI#ROOT} is Open MPI's -4, jmpi's -3.
     */
    static int jmpiRoot(final int root)
    {
        return MPI.ROOT == root ? io.jmpi.Mpi.ROOT : root;
    }

    /**
     * @return the processes a collective's blocks come from or go to: the group, or an intercommunicator's remote
     * group.
     */
    static int peers(final io.jmpi.Comm c)
    {
        return c.isInter() ? c.remoteSize() : c.size();
    }

    /**
     * @return a copy of some elements (array) or bytes (memory) of a region's target, as an array of the same kind
     * that jmpi counts in the same units.
     */
    static Object copyOf(final Region region, final int from, final int length)
    {
        final Object base = region.memoryBase();
        if (null == base)
        {
            final byte[] copy = new byte[length];
            UnsafeApi.copyMemory(null, region.memoryAddress() + from, copy, BYTES, length);
            return copy;
        }
        final Object copy = region.base.newArray(length);
        System.arraycopy(base, region.offset + from, copy, 0, length);
        return copy;
    }

    private int[] uniform(final int count)
    {
        final int[] counts = new int[jmpi().size()];
        java.util.Arrays.fill(counts, count);
        return counts;
    }

    /**
     * @return the items a buffer must hold for blocks of these counts at these displacements.
     */
    static int span(final int[] counts, final int[] displs, final int size)
    {
        if (null == counts || null == displs || counts.length < size || displs.length < size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "counts and displacements need an entry for each of the " +
                size + " processes");
        }
        int end = 0;
        for (int i = 0; i < size; i++)
        {
            if (counts[i] < 0 || displs[i] < 0)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "count " + counts[i] + " or displacement " + displs[i] +
                    " of process " + i + " is negative");
            }
            end = Math.max(end, displs[i] + counts[i]);
        }
        return end;
    }

    static int[] scale(final int[] values, final int factor)
    {
        final int[] scaled = new int[values.length];
        for (int i = 0; i < values.length; i++)
        {
            scaled[i] = values[i] * factor;
        }
        return scaled;
    }

    private static int total(final int[] counts, final int size)
    {
        if (null == counts || counts.length < size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "recvcounts need an entry for each of the " + size +
                " processes");
        }
        int total = 0;
        for (int i = 0; i < size; i++)
        {
            total += counts[i];
        }
        return total;
    }

    private static void checkPacked(final byte[] packed, final int position, final long bytes)
    {
        if (null == packed || position < 0 || position + bytes > packed.length)
        {
            throw new MpiException(ErrorClass.ERR_TRUNCATE, "packed buffer of " + (null == packed ? 0 : packed.length) +
                " bytes cannot hold " + bytes + " bytes at position " + position);
        }
    }
}
