package io.jmpi;

import io.jmpi.engine.Errors;
import io.jmpi.engine.MatchedMessage;
import io.jmpi.engine.Operation;
import io.jmpi.engine.ProgressEngine;
import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;
import io.jmpi.spi.Collectives;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A communicator: a group of ranks and an isolated matching context (MPI_Comm). A message sent on one
 * communicator is only ever received on the same communicator.
 * <p>
 * Buffers are primitive arrays (counts and offsets in elements), or {@link java.nio.ByteBuffer} and Agrona
 * {@link org.agrona.DirectBuffer} (counts and offsets in bytes from index 0). Messages are received in the order
 * a sender sent them when both match a receive (MPI's non-overtaking rule). Every call checks its arguments
 * and throws {@link MpiException} naming the bad one.
 * <p>
 * Collectives come blocking and nonblocking ({@code ibarrier}, {@code ibcast}, ... of MPI-3.1 section 5.12, each
 * with the parameters of its blocking form and returning a {@link Request}). A nonblocking collective is a schedule
 * of point-to-point rounds that the rank's progress engine advances whenever this rank makes progress, in any
 * call; where the collectives provider does not build its own, the schedules are libNBC's algorithms
 * ({@link io.jmpi.spi.Schedules}). {@link Mpi#IN_PLACE} is accepted where MPI allows MPI_IN_PLACE: the call copies
 * this rank's data out of the receive buffer and runs the ordinary form.
 */
public final class Comm
{
    /** Contexts per communicator: point-to-point, collectives, communicator management, nonblocking collectives. */
    static final int CONTEXTS_PER_COMM = 4;
    /** The root of a collective that has none, for the blocked-call report. */
    static final int NO_ROOT = Integer.MIN_VALUE;
    /** The context of nonblocking collectives, relative to the communicator's first. */
    private static final int NONBLOCKING_CONTEXT = 3;
    private static final int SCHEDULE_POOL = 16;

    private final Mpi mpi;
    private final ProgressEngine engine;
    private final int contextBase;
    private final int context;
    private final int rank;
    /** The world ranks point-to-point calls address: the group's, or for an intercommunicator the remote group's. */
    private final int[] worldRanks;
    private final int[] commRanks;
    /** The world ranks of this process's group: {@link #worldRanks} but for an intercommunicator. */
    private final int[] localRanks;
    /** For an intercommunicator, a private intracommunicator of the local group; else null. */
    private final Comm localComm;
    private Comm channel;
    private Comm management;
    private Collectives collectives;
    private volatile boolean freed;
    private volatile ErrorHandler errorHandler = Mpi.ERRORS_RETURN;
    private volatile String name;
    private final AttributeTable attributes = new AttributeTable();
    private final AtomicInteger nonblockingSequence = new AtomicInteger();
    private final ManyToManyConcurrentArrayQueue<CollectiveSchedule> schedules =
        new ManyToManyConcurrentArrayQueue<>(SCHEDULE_POOL);

    private Comm(
        final Mpi mpi, final int contextBase, final int context, final int[] worldRanks, final int[] commRanks,
        final int[] localRanks, final int rank, final Comm localComm)
    {
        this.mpi = mpi;
        this.engine = mpi.engine();
        this.contextBase = contextBase;
        this.context = context;
        this.worldRanks = worldRanks;
        this.commRanks = commRanks;
        this.localRanks = localRanks;
        this.rank = rank;
        this.localComm = localComm;
    }

    static Comm create(final Mpi mpi, final int contextBase, final int[] worldRanks, final int worldSize)
    {
        final int[] commRanks = ranksOf(worldRanks, worldSize);
        return new Comm(mpi, contextBase, contextBase, worldRanks, commRanks, worldRanks,
            commRanks[mpi.worldRank()], null);
    }

    /**
     * @param localComm a private intracommunicator of the local group.
     * @return an intercommunicator whose point-to-point calls address the remote group.
     */
    static Comm createInter(
        final Mpi mpi, final int contextBase, final Comm localComm, final int[] remoteRanks, final int worldSize)
    {
        return new Comm(mpi, contextBase, contextBase, remoteRanks, ranksOf(remoteRanks, worldSize),
            localComm.localRanks, localComm.rank(), localComm);
    }

    private static int[] ranksOf(final int[] worldRanks, final int worldSize)
    {
        final int[] commRanks = new int[worldSize];
        Arrays.fill(commRanks, Group.UNDEFINED);
        for (int i = 0; i < worldRanks.length; i++)
        {
            commRanks[worldRanks[i]] = i;
        }
        return commRanks;
    }

    /**
     * @return this process's rank in the communicator, {@code 0..size()-1} (MPI_Comm_rank).
     */
    public int rank()
    {
        return rank;
    }

    /**
     * @return the number of ranks in the communicator (MPI_Comm_size); of an intercommunicator, in the local group.
     */
    public int size()
    {
        return localRanks.length;
    }

    /**
     * @return whether this is an intercommunicator (MPI_Comm_test_inter): its point-to-point calls address the
     * ranks of another group, and its collectives run between the two groups.
     */
    public boolean isInter()
    {
        return null != localComm;
    }

    /**
     * @return the size of the remote group of an intercommunicator (MPI_Comm_remote_size).
     * @throws MpiException ERR_COMM for an intracommunicator.
     */
    public int remoteSize()
    {
        try
        {
            checkInter("remoteSize");
            return worldRanks.length;
        }
        catch (final MpiException ex)
        {
            throw failed("remoteSize", ex);
        }
    }

    /**
     * @return the remote group of an intercommunicator (MPI_Comm_remote_group).
     * @throws MpiException ERR_COMM for an intracommunicator.
     */
    public Group remoteGroup()
    {
        try
        {
            checkInter("remoteGroup");
            return new Group(worldRanks, mpi.worldRank());
        }
        catch (final MpiException ex)
        {
            throw failed("remoteGroup", ex);
        }
    }

    /**
     * MPI_Intercomm_create: an intercommunicator between this intracommunicator's group and another, disjoint
     * group. Collective over both groups: each calls it on its own intracommunicator with its own leader; the two
     * leaders meet on the peer communicator, of which both are members, with the tag given.
     *
     * @param localLeader  rank of this group's leader in this communicator.
     * @param peerComm     a communicator of both leaders; used at the leaders only.
     * @param remoteLeader rank of the other group's leader in peerComm; used at the leader only.
     * @param tag          tag of the leaders' exchange on peerComm, which must not be in use there.
     * @return the intercommunicator: its ranks are those of this group; point-to-point calls address the other.
     * @throws MpiException ERR_COMM on an intercommunicator, ERR_RANK for a leader out of range, ERR_ARG if the
     *                      groups overlap.
     */
    public Comm createIntercomm(final int localLeader, final Comm peerComm, final int remoteLeader, final int tag)
    {
        try
        {
            checkUsable();
            checkIntra("createIntercomm");
            return inherit(Intercomms.create(this, localLeader, peerComm, remoteLeader, tag));
        }
        catch (final MpiException ex)
        {
            throw failed("createIntercomm", ex);
        }
    }

    /**
     * MPI_Intercomm_merge: an intracommunicator of both groups of this intercommunicator. Collective over both.
     *
     * @param high the group whose ranks pass {@code true} comes after the other; if both pass the same, the group
     *             whose leader has the lower rank in the world comes first (MPI leaves the order open).
     * @return the merged intracommunicator.
     * @throws MpiException ERR_COMM for an intracommunicator.
     */
    public Comm merge(final boolean high)
    {
        try
        {
            checkUsable();
            checkInter("merge");
            return inherit(Intercomms.merge(this, high));
        }
        catch (final MpiException ex)
        {
            throw failed("merge", ex);
        }
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
        try
        {
            blockingSend(buffer, offset, count, destination, tag, false);
        }
        catch (final MpiException ex)
        {
            throw failed("send", ex);
        }
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
        try
        {
            blockingSend(buffer, offset, count, destination, tag, true);
        }
        catch (final MpiException ex)
        {
            throw failed("ssend", ex);
        }
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
        try
        {
            final Status status = new Status();
            recv(buffer, offset, count, source, tag, status);
            return status;
        }
        catch (final MpiException ex)
        {
            throw failed("recv", ex);
        }
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
        try
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
            await(state, op, "recv", source, tag);
            completeRecv(op, type, status);
        }
        catch (final MpiException ex)
        {
            throw failed("recv", ex);
        }
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
        try
        {
            return startSend(buffer, offset, count, destination, tag, false);
        }
        catch (final MpiException ex)
        {
            throw failed("isend", ex);
        }
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
        try
        {
            return startSend(buffer, offset, count, destination, tag, true);
        }
        catch (final MpiException ex)
        {
            throw failed("issend", ex);
        }
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
        try
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
        catch (final MpiException ex)
        {
            throw failed("irecv", ex);
        }
    }

    /**
     * Buffered-mode send (MPI_Bsend): copies the message into the buffer attached with
     * {@link Mpi#attachBuffer(Object)} and returns at once; the copy is delivered in the background.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     * @throws MpiException ERR_BUFFER if no buffer is attached or the message does not fit in its free space.
     */
    public void bsend(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        try
        {
            final SendOp region = mpi.threadState().send;
            prepareSend(region, buffer, offset, count, destination, tag, false);
            if (Mpi.PROC_NULL == destination)
            {
                return;
            }
            final BsendBuffer attached = mpi.bsendBuffer();
            if (null == attached)
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "bsend needs a buffer: call Mpi.attachBuffer first");
            }
            final BufferedSend send = attached.copyIn(region.base(), region.address(), region.length());
            if (null == send)
            {
                throw new MpiException(ErrorClass.ERR_BUFFER, "message of " + region.length() +
                    " bytes does not fit in the free space of the attached bsend buffer");
            }
            send.envelope(worldRanks[destination], context, tag, false);
            engine.start(send);
        }
        catch (final MpiException ex)
        {
            throw failed("bsend", ex);
        }
    }

    /**
     * Non-blocking buffered send (MPI_Ibsend): as {@link #bsend}, returning a request that is already complete.
     *
     * @param buffer      primitive array, ByteBuffer or DirectBuffer.
     * @param offset      index of the first element to send.
     * @param count       number of elements to send.
     * @param destination rank in this communicator, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     * @return a completed request.
     */
    public Request ibsend(final Object buffer, final int offset, final int count, final int destination, final int tag)
    {
        try
        {
            bsend(buffer, offset, count, destination, tag);
            return Request.completedNull(this, Datatype.BYTE);
        }
        catch (final MpiException ex)
        {
            throw failed("ibsend", ex);
        }
    }

    /**
     * Send and receive in one call (MPI_Sendrecv): both proceed at once, so a ring shift where every rank calls
     * sendrecv cannot deadlock, whatever the sizes.
     *
     * @param sendBuffer  data to send.
     * @param sendOffset  first element to send.
     * @param sendCount   elements to send.
     * @param destination rank to send to, or {@link Mpi#PROC_NULL}.
     * @param sendTag     tag of the message sent.
     * @param recvBuffer  buffer to receive into (distinct from the send buffer).
     * @param recvOffset  first element to fill.
     * @param recvCount   capacity in elements.
     * @param source      rank to receive from, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param recvTag     tag to receive, or {@link Mpi#ANY_TAG}.
     * @param status      filled with the status of the receive.
     */
    public void sendrecv(
        final Object sendBuffer, final int sendOffset, final int sendCount, final int destination, final int sendTag,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int source, final int recvTag,
        final Status status)
    {
        try
        {
            final ThreadState state = mpi.threadState();
            final SendOp send = state.send;
            prepareSend(send, sendBuffer, sendOffset, sendCount, destination, sendTag, false);
            final RecvOp recv = state.recv;
            final Datatype type = prepareRecv(recv, recvBuffer, recvOffset, recvCount, source, recvTag);
            exchange(state, send, destination, recv, source, type, status);
        }
        catch (final MpiException ex)
        {
            throw failed("sendrecv", ex);
        }
    }

    /**
     * Send and receive in place (MPI_Sendrecv_replace): the buffer's content is sent and replaced by the message
     * received. The outgoing data is staged in a per-thread scratch buffer that is kept for the next call.
     *
     * @param buffer      data to send, then the data received.
     * @param offset      first element.
     * @param count       elements sent, and capacity for the receive.
     * @param destination rank to send to, or {@link Mpi#PROC_NULL}.
     * @param sendTag     tag of the message sent.
     * @param source      rank to receive from, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param recvTag     tag to receive, or {@link Mpi#ANY_TAG}.
     * @param status      filled with the status of the receive.
     */
    public void sendrecvReplace(
        final Object buffer, final int offset, final int count, final int destination, final int sendTag,
        final int source, final int recvTag, final Status status)
    {
        try
        {
            final ThreadState state = mpi.threadState();
            final SendOp send = state.send;
            prepareSend(send, buffer, offset, count, destination, sendTag, false);
            final RecvOp recv = state.recv;
            final Datatype type = prepareRecv(recv, buffer, offset, count, source, recvTag);
            final long staged = state.stage(send.base(), send.address(), send.length());
            send.region(state.scratch(), staged, send.length());
            exchange(state, send, destination, recv, source, type, status);
        }
        catch (final MpiException ex)
        {
            throw failed("sendrecvReplace", ex);
        }
    }

    private void exchange(
        final ThreadState state,
        final SendOp send,
        final int destination,
        final RecvOp recv,
        final int source,
        final Datatype type,
        final Status status)
    {
        if (Mpi.PROC_NULL != source)
        {
            engine.start(recv);
        }
        if (Mpi.PROC_NULL != destination)
        {
            engine.start(send);
            await(state, send, "sendrecv", destination, send.tag());
        }
        if (Mpi.PROC_NULL == source)
        {
            status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, type);
        }
        else
        {
            await(state, recv, "recv of sendrecv", source, recv.tag());
            completeRecv(recv, type, status);
        }
        if (Mpi.PROC_NULL != destination && Errors.SUCCESS != send.error())
        {
            throwIfFailed(send, "sendrecv to rank " + destination);
        }
    }

    /**
     * Wait for a message that a receive with this source and tag would match, without receiving it (MPI_Probe).
     *
     * @param source rank, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @return source, tag and size in bytes of the message.
     */
    public Status probe(final int source, final int tag)
    {
        try
        {
            final Status status = new Status();
            final ThreadState state = mpi.threadState();
            state.idle.reset();
            state.block("probe", source, tag, this);
            try
            {
                while (!iprobe(source, tag, status))
                {
                    state.idle.idle(0);
                }
            }
            finally
            {
                state.unblock();
            }
            return status;
        }
        catch (final MpiException ex)
        {
            throw failed("probe", ex);
        }
    }

    /**
     * Check for a message that a receive with this source and tag would match (MPI_Iprobe).
     *
     * @param source rank, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @param status filled when a message is found: source, tag, size in bytes.
     * @return true if such a message has arrived.
     */
    public boolean iprobe(final int source, final int tag, final Status status)
    {
        try
        {
            checkUsable();
            checkSourceAndTag(source, tag);
            if (Mpi.PROC_NULL == source)
            {
                status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, Datatype.BYTE);
                return true;
            }
            final RecvOp op = mpi.threadState().probe;
            if (!engine.probe(context, worldSource(source), tag, op))
            {
                throwIfOverflowed(source);
                return false;
            }
            status.set(commRanks[op.matchedSource()], op.matchedTag(), op.messageLength(), ErrorClass.SUCCESS,
                Datatype.BYTE);
            return true;
        }
        catch (final MpiException ex)
        {
            throw failed("iprobe", ex);
        }
    }

    /**
     * Wait for a matching message and take it so that only the returned handle can receive it (MPI_Mprobe).
     *
     * @param source rank, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @return the message; receive it with {@link Message#recv}. From PROC_NULL it is, at once, the no-process
     * message (MPI_MESSAGE_NO_PROC): its status has source PROC_NULL, tag ANY_TAG and count 0.
     */
    public Message mprobe(final int source, final int tag)
    {
        try
        {
            final ThreadState state = mpi.threadState();
            state.idle.reset();
            state.block("mprobe", source, tag, this);
            Message message;
            try
            {
                while (null == (message = improbe(source, tag)))
                {
                    state.idle.idle(0);
                }
            }
            finally
            {
                state.unblock();
            }
            return message;
        }
        catch (final MpiException ex)
        {
            throw failed("mprobe", ex);
        }
    }

    /**
     * Take a matching message if one has arrived (MPI_Improbe).
     *
     * @param source rank, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag    tag or {@link Mpi#ANY_TAG}.
     * @return the message, or null if none has arrived; from PROC_NULL, the no-process message, as for
     * {@link #mprobe}.
     */
    public Message improbe(final int source, final int tag)
    {
        try
        {
            checkUsable();
            checkSourceAndTag(source, tag);
            if (Mpi.PROC_NULL == source)
            {
                final Status status = new Status();
                status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, Datatype.BYTE);
                return new Message(this, null, status);
            }
            final MatchedMessage matched = engine.matchedProbe(context, worldSource(source), tag);
            if (null == matched)
            {
                throwIfOverflowed(source);
                return null;
            }
            final Status status = new Status();
            status.set(commRanks[matched.source()], matched.tag(), matched.length(), ErrorClass.SUCCESS, Datatype.BYTE);
            return new Message(this, matched, status);
        }
        catch (final MpiException ex)
        {
            throw failed("improbe", ex);
        }
    }

    /**
     * Send serializable objects (like mpiJava's MPI.OBJECT): they are serialized with Java serialization and sent
     * as one standard-mode message.
     *
     * @param objects     the objects; elements may be null.
     * @param offset      first object to send.
     * @param count       number of objects.
     * @param destination rank, or {@link Mpi#PROC_NULL}.
     * @param tag         tag, {@code 0..Mpi.TAG_UB}.
     * @throws MpiException ERR_TYPE if an object is not serializable.
     */
    public void sendObjects(
        final Object[] objects, final int offset, final int count, final int destination, final int tag)
    {
        try
        {
            checkObjects(objects, offset, count);
            final byte[] bytes = ObjectCodec.encode(objects, offset, count);
            send(bytes, 0, bytes.length, destination, tag);
        }
        catch (final MpiException ex)
        {
            throw failed("sendObjects", ex);
        }
    }

    /**
     * Receive objects sent with {@link #sendObjects}. More objects than {@code count} raise ERR_TRUNCATE after
     * filling the first {@code count}.
     *
     * @param objects array to fill.
     * @param offset  first element to fill.
     * @param count   capacity in objects.
     * @param source  rank, {@link Mpi#ANY_SOURCE} or {@link Mpi#PROC_NULL}.
     * @param tag     tag or {@link Mpi#ANY_TAG}.
     * @return the status; {@link Status#count()} is the number of objects received.
     */
    public Status recvObjects(
        final Object[] objects, final int offset, final int count, final int source, final int tag)
    {
        try
        {
            checkObjects(objects, offset, count);
            final Status status = new Status();
            if (Mpi.PROC_NULL == source)
            {
                status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.SUCCESS, Datatype.BYTE);
                return status;
            }
            final Message message = mprobe(source, tag);
            final byte[] bytes = new byte[message.status().bytes()];
            final Status received = message.recv(bytes, 0, bytes.length);
            final int objectCount = ObjectCodec.decode(bytes, 0, bytes.length, objects, offset, count);
            status.set(received.source(), received.tag(), 0, ErrorClass.SUCCESS, Datatype.BYTE);
            status.objectCount = Math.min(objectCount, count);
            if (objectCount > count)
            {
                status.error = ErrorClass.ERR_TRUNCATE;
                throw new MpiException(ErrorClass.ERR_TRUNCATE, objectCount + " objects from rank " +
                    received.source() + " tag " + received.tag() + " truncated to the receive buffer's " + count);
            }
            return status;
        }
        catch (final MpiException ex)
        {
            throw failed("recvObjects", ex);
        }
    }

    private static void checkObjects(final Object[] objects, final int offset, final int count)
    {
        if (null == objects)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "object buffer is null");
        }
        if (count < 0)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "count=" + count + " is negative");
        }
        if (offset < 0 || (long)offset + count > objects.length)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER,
                "offset=" + offset + " + count=" + count + " exceeds array length=" + objects.length);
        }
    }

    /**
     * Set what a failed call on this communicator does (MPI_Comm_set_errhandler); see {@link ErrorHandler}.
     *
     * @param handler {@link Mpi#ERRORS_RETURN}, {@link Mpi#ERRORS_ARE_FATAL} or one's own.
     * @throws MpiException ERR_ARG if handler is null.
     */
    public void setErrorHandler(final ErrorHandler handler)
    {
        if (null == handler)
        {
            throw failed("setErrorHandler", new MpiException(ErrorClass.ERR_ARG, "the error handler is null"));
        }
        errorHandler = handler;
    }

    /**
     * @return what a failed call on this communicator does (MPI_Comm_get_errhandler).
     */
    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    /**
     * Hand an error to this communicator's handler (MPI_Comm_call_errhandler), for a layer over jmpi that finds
     * errors of its own. An error the handler has seen already, raised by a call of this API, is not handled again.
     *
     * @param call  the call that failed, as the message of ERRORS_ARE_FATAL names it; empty for an error that
     *              belongs to no call on a communicator.
     * @param error the error; the caller throws it if the handler returns.
     */
    public void callErrorHandler(final String call, final MpiException error)
    {
        failed(call, error);
    }

    /**
     * Name the communicator (MPI_Comm_set_name), as error messages and the report of blocked calls show it.
     *
     * @param name the name; null or empty for jmpi's own (WORLD, comm1, ...).
     */
    public void setName(final String name)
    {
        this.name = null == name || name.isEmpty() ? null : name;
    }

    /**
     * @return the name set with {@link #setName}, or jmpi's own (MPI_Comm_get_name).
     */
    public String name()
    {
        final String given = name;
        if (null != given)
        {
            return given;
        }
        return (0 == contextBase ? "WORLD" : "comm" + contextBase / CONTEXTS_PER_COMM) + (isInter() ? "(inter)" : "");
    }

    /**
     * Cache a value on this communicator (MPI_Comm_set_attr), replacing (and deleting, through the key's deleter)
     * any value cached under the same key.
     *
     * @param keyval the key, from {@link Keyval#create}.
     * @param value  the value, not null.
     * @param <T>    the type of the values.
     * @throws MpiException ERR_KEYVAL for a predefined or freed key, ERR_ARG for a null value.
     */
    public <T> void setAttribute(final Keyval<T> keyval, final T value)
    {
        try
        {
            checkUsable();
            attributes.set(this, keyval, value);
        }
        catch (final MpiException ex)
        {
            throw failed("setAttribute", ex);
        }
    }

    /**
     * The value cached under a key (MPI_Comm_get_attr).
     *
     * @param keyval a key of {@link Keyval#create} or a predefined one, such as {@link Keyval#TAG_UB}.
     * @param <T>    the type of the values.
     * @return the value, or null if none is cached (MPI's flag false).
     * @throws MpiException ERR_KEYVAL for a freed key.
     */
    public <T> T attribute(final Keyval<T> keyval)
    {
        try
        {
            checkUsable();
            return attributes.get(mpi, keyval);
        }
        catch (final MpiException ex)
        {
            throw failed("attribute", ex);
        }
    }

    /**
     * Delete the value cached under a key (MPI_Comm_delete_attr), calling the key's deleter; nothing if none is.
     *
     * @param keyval the key.
     * @throws MpiException ERR_KEYVAL for a predefined or freed key.
     */
    public void deleteAttribute(final Keyval<?> keyval)
    {
        try
        {
            checkUsable();
            attributes.delete(this, keyval);
        }
        catch (final MpiException ex)
        {
            throw failed("deleteAttribute", ex);
        }
    }

    /**
     * @return the group of this communicator's ranks (MPI_Comm_group).
     */
    public Group group()
    {
        try
        {
            checkUsable();
            return new Group(localRanks, mpi.worldRank());
        }
        catch (final MpiException ex)
        {
            throw failed("group", ex);
        }
    }

    /**
     * A new communicator with the same group and a new context (MPI_Comm_dup). Collective: every rank calls it.
     *
     * @return the duplicate.
     */
    public Comm dup()
    {
        try
        {
            checkUsable();
            final Comm copy = inherit(isInter() ? Intercomms.dup(this) : CommSplitter.split(this, 0, rank));
            attributes.copyInto(this, copy.attributes);
            return copy;
        }
        catch (final MpiException ex)
        {
            throw failed("dup", ex);
        }
    }

    /**
     * Partition the ranks by color, ordering each part by key and then by rank (MPI_Comm_split). Collective.
     *
     * @param color non-negative color, or {@link Group#UNDEFINED} to be part of no new communicator.
     * @param key   ordering key within the color.
     * @return this rank's new communicator, or {@code null} (MPI_COMM_NULL) for color UNDEFINED.
     */
    public Comm split(final int color, final int key)
    {
        try
        {
            checkUsable();
            checkIntra("split");
            if (color < 0 && Group.UNDEFINED != color)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "color " + color + " is negative and not UNDEFINED");
            }
            return inherit(CommSplitter.split(this, color, key));
        }
        catch (final MpiException ex)
        {
            throw failed("split", ex);
        }
    }

    /**
     * Partition the ranks by host: each new communicator holds the ranks of this communicator that run on one host
     * and so can share memory, ordered by key and then by rank (MPI_Comm_split_type with MPI_COMM_TYPE_SHARED).
     * Collective.
     *
     * @param key ordering key within the host.
     * @return the communicator of this rank's host.
     */
    public Comm splitShared(final int key)
    {
        try
        {
            checkUsable();
            int color = 0;
            while (!mpi.environment().isLocal(worldRanks[color]))
            {
                color++;
            }
            return inherit(CommSplitter.split(this, color, key));
        }
        catch (final MpiException ex)
        {
            throw failed("splitShared", ex);
        }
    }

    /**
     * A communicator of the members of a subgroup of this communicator, in the group's order (MPI_Comm_create).
     * Collective over this communicator; every rank passes the same group.
     *
     * @param group a subgroup of {@link #group()}.
     * @return the new communicator, or {@code null} on ranks not in the group.
     */
    public Comm create(final Group group)
    {
        try
        {
            checkUsable();
            checkIntra("create");
            for (final int member : group.worldRanks())
            {
                if (member >= commRanks.length || Group.UNDEFINED == commRanks[member])
                {
                    throw new MpiException(ErrorClass.ERR_GROUP, group + " is not a subgroup of this communicator");
                }
            }
            final int groupRank = group.rank();
            return inherit(CommSplitter.split(this, Group.UNDEFINED == groupRank ? Group.UNDEFINED : 0, groupRank));
        }
        catch (final MpiException ex)
        {
            throw failed("create", ex);
        }
    }

    /**
     * Release the communicator (MPI_Comm_free); using it afterwards raises ERR_COMM. The world cannot be freed.
     */
    public void free()
    {
        try
        {
            checkUsable();
            if (this == mpi.world())
            {
                throw new MpiException(ErrorClass.ERR_COMM, "the world communicator cannot be freed");
            }
            attributes.deleteAll(this);
            freed = true;
            synchronized (this)
            {
                if (null != collectives)
                {
                    collectives.close();
                    collectives = null;
                }
            }
            if (isInter())
            {
                localComm.free();
            }
        }
        catch (final MpiException ex)
        {
            throw failed("free", ex);
        }
    }

    /**
     * MPI_Barrier (MPI-3.1 section 5.3): returns once every rank has entered it.
     */
    public void barrier()
    {
        final ThreadState state = enterCollective("barrier", 0, NO_ROOT);
        try
        {
            collectives().barrier();
        }
        catch (final MpiException ex)
        {
            throw failed("barrier", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Bcast (MPI-3.1 section 5.4): the root's {@code count} elements reach every rank's buffer.
     *
     * @param buffer data at the root, destination elsewhere.
     * @param offset first element.
     * @param count  number of elements.
     * @param root   rank of the root.
     */
    public void bcast(final Object buffer, final int offset, final int count, final int root)
    {
        final ThreadState state = enterCollective("bcast", count, root);
        try
        {
            checkRoot(root);
            collectives().bcast(buffer, offset, count, root);
        }
        catch (final MpiException ex)
        {
            throw failed("bcast", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Reduce (MPI-3.1 section 5.9.1): the root receives {@code op} applied element-wise across every rank's
     * send buffer. At the root, a send buffer {@link Mpi#IN_PLACE} takes the root's contribution from the receive
     * buffer, which the result then replaces; elsewhere IN_PLACE raises ERR_BUFFER.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE at the root.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result at the root; ignored elsewhere.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @param root       rank of the root.
     */
    public void reduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op, final int root)
    {
        final ThreadState state = enterCollective("reduce", count, root);
        try
        {
            checkRoot(root);
            if (isInPlace(sendBuffer) && rank == root)
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, count),
                    send -> collectives().reduce(send, 0, recvBuffer, recvOffset, count, op, root));
                return;
            }
            collectives().reduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op, root);
        }
        catch (final MpiException ex)
        {
            throw failed("reduce", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Allreduce (MPI-3.1 section 5.9.6): every rank receives the element-wise reduction of all send buffers.
     * A send buffer {@link Mpi#IN_PLACE} takes this rank's contribution from the receive buffer.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        final ThreadState state = enterCollective("allreduce", count, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, count),
                    send -> collectives().allreduce(send, 0, recvBuffer, recvOffset, count, op));
                return;
            }
            collectives().allreduce(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        }
        catch (final MpiException ex)
        {
            throw failed("allreduce", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Gather (MPI-3.1 section 5.5): the root receives every rank's block in rank order. At the root, a send
     * buffer {@link Mpi#IN_PLACE} says that the root's block is already in place in the receive buffer (sendOffset
     * and sendCount are ignored); elsewhere IN_PLACE raises ERR_BUFFER.
     *
     * @param sendBuffer this rank's block, or IN_PLACE at the root.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer at the root, the blocks in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     * @param root       rank of the root.
     */
    public void gather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        final ThreadState state = enterCollective("gather", sendCount, root);
        try
        {
            checkRoot(root);
            if (isInPlace(sendBuffer) && rank == root)
            {
                inPlace(() -> InPlace.copy(recvBuffer, blockAt(recvOffset, root, recvCount), recvCount),
                    send -> collectives().gather(send, 0, recvCount, recvBuffer, recvOffset, recvCount, root));
                return;
            }
            collectives().gather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
        }
        catch (final MpiException ex)
        {
            throw failed("gather", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Gatherv (MPI-3.1 section 5.5): like gather, with a count and displacement per rank. At the root, a send
     * buffer {@link Mpi#IN_PLACE} says that the root's block is already in place in the receive buffer.
     *
     * @param sendBuffer    this rank's block, or IN_PLACE at the root.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    at the root, the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     * @param root          rank of the root.
     */
    public void gatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        final ThreadState state = enterCollective("gatherv", sendCount, root);
        try
        {
            checkRoot(root);
            if (isInPlace(sendBuffer) && rank == root)
            {
                inPlace(() -> ownBlock(recvBuffer, recvOffset, recvCounts, displacements, root),
                    send -> collectives().gatherv(
                        send, 0, length(send), recvBuffer, recvOffset, recvCounts, displacements, root));
                return;
            }
            collectives().gatherv(
                sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements, root);
        }
        catch (final MpiException ex)
        {
            throw failed("gatherv", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Scatter (MPI-3.1 section 5.6): rank i receives the root's i-th block. At the root, a receive buffer
     * {@link Mpi#IN_PLACE} leaves the root's own block where it is in the send buffer (recvOffset and recvCount are
     * ignored); elsewhere IN_PLACE raises ERR_BUFFER.
     *
     * @param sendBuffer at the root, one block per rank in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer this rank's block, or IN_PLACE at the root.
     * @param recvOffset first element of the block.
     * @param recvCount  elements received.
     * @param root       rank of the root.
     */
    public void scatter(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        final ThreadState state = enterCollective("scatter", recvCount, root);
        try
        {
            checkRoot(root);
            if (isInPlace(recvBuffer) && rank == root)
            {
                inPlace(() -> InPlace.discard(sendBuffer, sendCount),
                    recv -> collectives().scatter(sendBuffer, sendOffset, sendCount, recv, 0, sendCount, root));
                return;
            }
            collectives().scatter(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount, root);
        }
        catch (final MpiException ex)
        {
            throw failed("scatter", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Scatterv (MPI-3.1 section 5.6): like scatter, with a count and displacement per rank. At the root, a
     * receive buffer {@link Mpi#IN_PLACE} leaves the root's own block where it is.
     *
     * @param sendBuffer    at the root, the blocks.
     * @param sendOffset    element that displacements count from.
     * @param sendCounts    elements sent to each rank.
     * @param displacements where each rank's block starts, relative to sendOffset.
     * @param recvBuffer    this rank's block, or IN_PLACE at the root.
     * @param recvOffset    first element of the block.
     * @param recvCount     elements received.
     * @param root          rank of the root.
     */
    public void scatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        final ThreadState state = enterCollective("scatterv", recvCount, root);
        try
        {
            checkRoot(root);
            if (isInPlace(recvBuffer) && rank == root)
            {
                inPlace(() -> InPlace.discard(sendBuffer, entry(sendCounts, root, "sendCounts")),
                    recv -> collectives().scatterv(
                        sendBuffer, sendOffset, sendCounts, displacements, recv, 0, length(recv), root));
                return;
            }
            collectives().scatterv(
                sendBuffer, sendOffset, sendCounts, displacements, recvBuffer, recvOffset, recvCount, root);
        }
        catch (final MpiException ex)
        {
            throw failed("scatterv", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Allgather (MPI-3.1 section 5.7): every rank receives every rank's block in rank order. A send buffer
     * {@link Mpi#IN_PLACE} takes this rank's block from its place in the receive buffer (sendOffset and sendCount
     * are ignored).
     *
     * @param sendBuffer this rank's block, or IN_PLACE.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer the blocks of every rank.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     */
    public void allgather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final ThreadState state = enterCollective("allgather", sendCount, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, blockAt(recvOffset, rank, recvCount), recvCount),
                    send -> collectives().allgather(send, 0, recvCount, recvBuffer, recvOffset, recvCount));
                return;
            }
            collectives().allgather(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
        }
        catch (final MpiException ex)
        {
            throw failed("allgather", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Allgatherv (MPI-3.1 section 5.7): like allgather, with a count and displacement per rank. A send buffer
     * {@link Mpi#IN_PLACE} takes this rank's block from its place in the receive buffer.
     *
     * @param sendBuffer    this rank's block, or IN_PLACE.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     */
    public void allgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        final ThreadState state = enterCollective("allgatherv", sendCount, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> ownBlock(recvBuffer, recvOffset, recvCounts, displacements, rank),
                    send -> collectives().allgatherv(
                        send, 0, length(send), recvBuffer, recvOffset, recvCounts, displacements));
                return;
            }
            collectives().allgatherv(
                sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCounts, displacements);
        }
        catch (final MpiException ex)
        {
            throw failed("allgatherv", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Alltoall (MPI-3.1 section 5.8): block j of rank i's send buffer becomes block i of rank j's receive
     * buffer. A send buffer {@link Mpi#IN_PLACE} takes the blocks to send from the receive buffer, which the blocks
     * received then replace (sendOffset and sendCount are ignored).
     *
     * @param sendBuffer one block per destination rank, or IN_PLACE.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer one block per source rank.
     * @param recvOffset first element.
     * @param recvCount  elements received from each rank.
     */
    public void alltoall(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        final ThreadState state = enterCollective("alltoall", sendCount, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, blocks(recvCount)),
                    send -> collectives().alltoall(send, 0, recvCount, recvBuffer, recvOffset, recvCount));
                return;
            }
            collectives().alltoall(sendBuffer, sendOffset, sendCount, recvBuffer, recvOffset, recvCount);
        }
        catch (final MpiException ex)
        {
            throw failed("alltoall", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Alltoallv (MPI-3.1 section 5.8): like alltoall, with counts and displacements per rank on both sides. A
     * send buffer {@link Mpi#IN_PLACE} sends from the receive buffer with the receive counts and displacements
     * (the send offset, counts and displacements are ignored), the blocks received then replacing them.
     *
     * @param sendBuffer        the blocks to send, or IN_PLACE.
     * @param sendOffset        element that send displacements count from.
     * @param sendCounts        elements sent to each rank.
     * @param sendDisplacements where each destination's block starts.
     * @param recvBuffer        the blocks received.
     * @param recvOffset        element that receive displacements count from.
     * @param recvCounts        elements received from each rank.
     * @param recvDisplacements where each source's block goes.
     */
    public void alltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements)
    {
        final ThreadState state = enterCollective("alltoallv", ownEntry(sendCounts), NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copyAll(recvBuffer), send -> collectives().alltoallv(
                    send, recvOffset, recvCounts, recvDisplacements, recvBuffer, recvOffset, recvCounts,
                    recvDisplacements));
                return;
            }
            collectives().alltoallv(sendBuffer, sendOffset, sendCounts, sendDisplacements,
                recvBuffer, recvOffset, recvCounts, recvDisplacements);
        }
        catch (final MpiException ex)
        {
            throw failed("alltoallv", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Reduce_scatter (MPI-3.1 section 5.10.1): the element-wise reduction of all send buffers, rank i receiving
     * block i of it. A send buffer {@link Mpi#IN_PLACE} takes this rank's sum(recvCounts) elements from the receive
     * buffer, whose first recvCounts[rank] elements the result then replaces.
     *
     * @param sendBuffer this rank's contribution, sum(recvCounts) elements, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each rank receives.
     * @param op         reduction operation.
     */
    public void reduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Op op)
    {
        final ThreadState state = enterCollective("reduceScatter", ownEntry(recvCounts), NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, total(recvCounts)),
                    send -> collectives().reduceScatter(send, 0, recvBuffer, recvOffset, recvCounts, op));
                return;
            }
            collectives().reduceScatter(sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
        }
        catch (final MpiException ex)
        {
            throw failed("reduceScatter", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Reduce_scatter_block (MPI-3.1 section 5.10.2): reduceScatter where every rank receives {@code recvCount}
     * elements. A send buffer {@link Mpi#IN_PLACE} takes this rank's {@code size() * recvCount} elements from the
     * receive buffer.
     *
     * @param sendBuffer this rank's contribution, {@code size() * recvCount} elements, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCount  elements of the result that each rank receives.
     * @param op         reduction operation.
     */
    public void reduceScatterBlock(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int recvCount, final Op op)
    {
        final ThreadState state = enterCollective("reduceScatterBlock", recvCount, NO_ROOT);
        try
        {
            reduceScatter(sendBuffer, sendOffset, recvBuffer, recvOffset, blockCounts(recvCount), op);
        }
        catch (final MpiException ex)
        {
            throw failed("reduceScatterBlock", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Scan (MPI-3.1 section 5.11.1): rank i receives the reduction of the send buffers of ranks 0..i. A send
     * buffer {@link Mpi#IN_PLACE} takes this rank's contribution from the receive buffer.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer the inclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public void scan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        final ThreadState state = enterCollective("scan", count, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, count),
                    send -> collectives().scan(send, 0, recvBuffer, recvOffset, count, op));
                return;
            }
            collectives().scan(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        }
        catch (final MpiException ex)
        {
            throw failed("scan", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Exscan (MPI-3.1 section 5.11.2): rank i receives the reduction of ranks 0..i-1; rank 0's receive buffer
     * is left unchanged. A send buffer {@link Mpi#IN_PLACE} takes this rank's contribution from the receive buffer.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     */
    public void exscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        final ThreadState state = enterCollective("exscan", count, NO_ROOT);
        try
        {
            if (isInPlace(sendBuffer))
            {
                inPlace(() -> InPlace.copy(recvBuffer, recvOffset, count),
                    send -> collectives().exscan(send, 0, recvBuffer, recvOffset, count, op));
                return;
            }
            collectives().exscan(sendBuffer, sendOffset, recvBuffer, recvOffset, count, op);
        }
        catch (final MpiException ex)
        {
            throw failed("exscan", ex);
        }
        finally
        {
            state.leaveCollective();
        }
    }

    /**
     * MPI_Ibarrier (MPI-3.1 section 5.12.1): the request completes once every rank has started the barrier.
     * Nonblocking collectives run as schedules of point-to-point rounds on a matching context of their own (see
     * {@link io.jmpi.spi.Schedule}); any progress of this rank advances them, no thread is started. Every rank
     * must start the collectives of a communicator, blocking and nonblocking, in the same order; several may be
     * outstanding and complete in any order. Their requests cannot be cancelled: {@link Request#cancel()} raises
     * ERR_REQUEST. The default algorithm is libNBC's dissemination barrier.
     *
     * @return the request.
     */
    public Request ibarrier()
    {
        try
        {
            final Collectives collectives = collectives();
            final CollectiveSchedule schedule = schedule("ibarrier", 0);
            collectives.ibarrier(schedule);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("ibarrier", ex);
        }
    }

    /**
     * MPI_Ibcast (MPI-3.1 section 5.12.2): {@link #bcast} as a request; see {@link #ibarrier()} for what all
     * nonblocking collectives share. The buffer must not be touched until the request completes. Default algorithm:
     * binomial tree.
     *
     * @param buffer data at the root, destination elsewhere.
     * @param offset first element.
     * @param count  number of elements.
     * @param root   rank of the root.
     * @return the request.
     */
    public Request ibcast(final Object buffer, final int offset, final int count, final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final CollectiveSchedule schedule = schedule("ibcast", count);
            collectives.ibcast(schedule, buffer, offset, count, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("ibcast", ex);
        }
    }

    /**
     * MPI_Ireduce (MPI-3.1 section 5.12.4): {@link #reduce} as a request, IN_PLACE included. Default algorithm:
     * binomial tree, rooted at rank 0 for a non-commutative operation.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE at the root.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result at the root; ignored elsewhere.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @param root       rank of the root.
     * @return the request.
     */
    public Request ireduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op, final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer) && rank == root;
            final CollectiveSchedule schedule = schedule("ireduce", count);
            collectives.ireduce(schedule, inPlace ? InPlace.copy(recvBuffer, recvOffset, count) : sendBuffer,
                inPlace ? 0 : sendOffset, recvBuffer, recvOffset, count, op, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("ireduce", ex);
        }
    }

    /**
     * MPI_Iallreduce (MPI-3.1 section 5.12.5): {@link #allreduce} as a request, IN_PLACE included. Default
     * algorithm: recursive doubling.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @return the request.
     */
    public Request iallreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        try
        {
            final Collectives collectives = collectives();
            final CollectiveSchedule schedule = schedule("iallreduce", count);
            collectives.iallreduce(schedule, sendOrCopy(sendBuffer, recvBuffer, recvOffset, count),
                offsetOf(sendBuffer, sendOffset), recvBuffer, recvOffset, count, op);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iallreduce", ex);
        }
    }

    /**
     * MPI_Igather (MPI-3.1 section 5.12.3): {@link #gather} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer this rank's block, or IN_PLACE at the root.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer at the root, the blocks in rank order.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     * @param root       rank of the root.
     * @return the request.
     */
    public Request igather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer) && rank == root;
            final CollectiveSchedule schedule = schedule("igather", recvCount);
            collectives.igather(schedule,
                inPlace ? InPlace.copy(recvBuffer, blockAt(recvOffset, root, recvCount), recvCount) : sendBuffer,
                inPlace ? 0 : sendOffset, inPlace ? recvCount : sendCount, recvBuffer, recvOffset, recvCount, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("igather", ex);
        }
    }

    /**
     * MPI_Igatherv (MPI-3.1 section 5.12.3): {@link #gatherv} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer    this rank's block, or IN_PLACE at the root.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    at the root, the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     * @param root          rank of the root.
     * @return the request.
     */
    public Request igatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer) && rank == root;
            final CollectiveSchedule schedule = schedule("igatherv", sendCount);
            collectives.igatherv(schedule,
                inPlace ? ownBlock(recvBuffer, recvOffset, recvCounts, displacements, root) : sendBuffer,
                inPlace ? 0 : sendOffset, inPlace ? recvCounts[root] : sendCount,
                recvBuffer, recvOffset, recvCounts, displacements, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("igatherv", ex);
        }
    }

    /**
     * MPI_Iscatter (MPI-3.1 section 5.12.3): {@link #scatter} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer at the root, one block per rank in rank order.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer this rank's block, or IN_PLACE at the root.
     * @param recvOffset first element of the block.
     * @param recvCount  elements received.
     * @param root       rank of the root.
     * @return the request.
     */
    public Request iscatter(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(recvBuffer) && rank == root;
            final CollectiveSchedule schedule = schedule("iscatter", recvCount);
            collectives.iscatter(schedule, sendBuffer, sendOffset, sendCount,
                inPlace ? InPlace.discard(sendBuffer, sendCount) : recvBuffer, inPlace ? 0 : recvOffset,
                inPlace ? sendCount : recvCount, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iscatter", ex);
        }
    }

    /**
     * MPI_Iscatterv (MPI-3.1 section 5.12.3): {@link #scatterv} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer    at the root, the blocks.
     * @param sendOffset    element that displacements count from.
     * @param sendCounts    elements sent to each rank.
     * @param displacements where each rank's block starts, relative to sendOffset.
     * @param recvBuffer    this rank's block, or IN_PLACE at the root.
     * @param recvOffset    first element of the block.
     * @param recvCount     elements received.
     * @param root          rank of the root.
     * @return the request.
     */
    public Request iscatterv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] displacements,
        final Object recvBuffer, final int recvOffset, final int recvCount, final int root)
    {
        try
        {
            checkRoot(root);
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(recvBuffer) && rank == root;
            final CollectiveSchedule schedule = schedule("iscatterv", recvCount);
            final int count = inPlace ? entry(sendCounts, root, "sendCounts") : recvCount;
            collectives.iscatterv(schedule, sendBuffer, sendOffset, sendCounts, displacements,
                inPlace ? InPlace.discard(sendBuffer, count) : recvBuffer, inPlace ? 0 : recvOffset, count, root);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iscatterv", ex);
        }
    }

    /**
     * MPI_Iallgather (MPI-3.1 section 5.12.5): {@link #allgather} as a request, IN_PLACE included. Default
     * algorithm: linear.
     *
     * @param sendBuffer this rank's block, or IN_PLACE.
     * @param sendOffset first element of the block.
     * @param sendCount  elements in each block.
     * @param recvBuffer the blocks of every rank.
     * @param recvOffset first element of the result.
     * @param recvCount  elements received from each rank.
     * @return the request.
     */
    public Request iallgather(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        try
        {
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer);
            final CollectiveSchedule schedule = schedule("iallgather", recvCount);
            collectives.iallgather(schedule,
                inPlace ? InPlace.copy(recvBuffer, blockAt(recvOffset, rank, recvCount), recvCount) : sendBuffer,
                inPlace ? 0 : sendOffset, inPlace ? recvCount : sendCount, recvBuffer, recvOffset, recvCount);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iallgather", ex);
        }
    }

    /**
     * MPI_Iallgatherv (MPI-3.1 section 5.12.5): {@link #allgatherv} as a request, IN_PLACE included. Default
     * algorithm: linear.
     *
     * @param sendBuffer    this rank's block, or IN_PLACE.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this rank's block.
     * @param recvBuffer    the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements received from each rank.
     * @param displacements where each rank's block goes, relative to recvOffset.
     * @return the request.
     */
    public Request iallgatherv(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements)
    {
        try
        {
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer);
            final CollectiveSchedule schedule = schedule("iallgatherv", sendCount);
            collectives.iallgatherv(schedule,
                inPlace ? ownBlock(recvBuffer, recvOffset, recvCounts, displacements, rank) : sendBuffer,
                inPlace ? 0 : sendOffset, inPlace ? recvCounts[rank] : sendCount,
                recvBuffer, recvOffset, recvCounts, displacements);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iallgatherv", ex);
        }
    }

    /**
     * MPI_Ialltoall (MPI-3.1 section 5.12.6): {@link #alltoall} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer one block per destination rank, or IN_PLACE.
     * @param sendOffset first element.
     * @param sendCount  elements sent to each rank.
     * @param recvBuffer one block per source rank.
     * @param recvOffset first element.
     * @param recvCount  elements received from each rank.
     * @return the request.
     */
    public Request ialltoall(
        final Object sendBuffer, final int sendOffset, final int sendCount,
        final Object recvBuffer, final int recvOffset, final int recvCount)
    {
        try
        {
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer);
            final CollectiveSchedule schedule = schedule("ialltoall", recvCount);
            collectives.ialltoall(
                schedule, inPlace ? InPlace.copy(recvBuffer, recvOffset, blocks(recvCount)) : sendBuffer,
                inPlace ? 0 : sendOffset, inPlace ? recvCount : sendCount, recvBuffer, recvOffset, recvCount);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("ialltoall", ex);
        }
    }

    /**
     * MPI_Ialltoallv (MPI-3.1 section 5.12.6): {@link #alltoallv} as a request, IN_PLACE included. Default
     * algorithm: linear.
     *
     * @param sendBuffer        the blocks to send, or IN_PLACE.
     * @param sendOffset        element that send displacements count from.
     * @param sendCounts        elements sent to each rank.
     * @param sendDisplacements where each destination's block starts.
     * @param recvBuffer        the blocks received.
     * @param recvOffset        element that receive displacements count from.
     * @param recvCounts        elements received from each rank.
     * @param recvDisplacements where each source's block goes.
     * @return the request.
     */
    public Request ialltoallv(
        final Object sendBuffer, final int sendOffset, final int[] sendCounts, final int[] sendDisplacements,
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] recvDisplacements)
    {
        try
        {
            final Collectives collectives = collectives();
            final boolean inPlace = isInPlace(sendBuffer);
            final CollectiveSchedule schedule = schedule("ialltoallv", countAt(recvCounts, rank));
            collectives.ialltoallv(schedule,
                inPlace ? InPlace.copyAll(recvBuffer) : sendBuffer, inPlace ? recvOffset : sendOffset,
                inPlace ? recvCounts : sendCounts, inPlace ? recvDisplacements : sendDisplacements,
                recvBuffer, recvOffset, recvCounts, recvDisplacements);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("ialltoallv", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter (MPI-3.1 section 5.12.7): {@link #reduceScatter} as a request, IN_PLACE included.
     * Default algorithm: binomial reduce to rank 0, then linear scatter (libNBC's).
     *
     * @param sendBuffer this rank's contribution, sum(recvCounts) elements, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each rank receives.
     * @param op         reduction operation.
     * @return the request.
     */
    public Request ireduceScatter(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int[] recvCounts, final Op op)
    {
        try
        {
            return startReduceScatter("ireduceScatter", sendBuffer, sendOffset, recvBuffer, recvOffset, recvCounts, op);
        }
        catch (final MpiException ex)
        {
            throw failed("ireduceScatter", ex);
        }
    }

    /**
     * MPI_Ireduce_scatter_block (MPI-3.1 section 5.12.8): {@link #reduceScatterBlock} as a request, IN_PLACE
     * included. Default algorithm: as {@link #ireduceScatter}.
     *
     * @param sendBuffer this rank's contribution, {@code size() * recvCount} elements, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer this rank's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCount  elements of the result that each rank receives.
     * @param op         reduction operation.
     * @return the request.
     */
    public Request ireduceScatterBlock(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int recvCount, final Op op)
    {
        try
        {
            return startReduceScatter(
                "ireduceScatterBlock", sendBuffer, sendOffset, recvBuffer, recvOffset, blockCounts(recvCount), op);
        }
        catch (final MpiException ex)
        {
            throw failed("ireduceScatterBlock", ex);
        }
    }

    /**
     * MPI_Iscan (MPI-3.1 section 5.12.9): {@link #scan} as a request, IN_PLACE included. Default algorithm: linear.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer the inclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @return the request.
     */
    public Request iscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        try
        {
            final Collectives collectives = collectives();
            final CollectiveSchedule schedule = schedule("iscan", count);
            collectives.iscan(schedule, sendOrCopy(sendBuffer, recvBuffer, recvOffset, count),
                offsetOf(sendBuffer, sendOffset), recvBuffer, recvOffset, count, op);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iscan", ex);
        }
    }

    /**
     * MPI_Iexscan (MPI-3.1 section 5.12.10): {@link #exscan} as a request, IN_PLACE included. Default algorithm:
     * linear.
     *
     * @param sendBuffer this rank's contribution, or IN_PLACE.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param op         reduction operation.
     * @return the request.
     */
    public Request iexscan(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset,
        final int count, final Op op)
    {
        try
        {
            final Collectives collectives = collectives();
            final CollectiveSchedule schedule = schedule("iexscan", count);
            collectives.iexscan(schedule, sendOrCopy(sendBuffer, recvBuffer, recvOffset, count),
                offsetOf(sendBuffer, sendOffset), recvBuffer, recvOffset, count, op);
            return start(schedule);
        }
        catch (final MpiException ex)
        {
            throw failed("iexscan", ex);
        }
    }

    private Request startReduceScatter(
        final String call, final Object sendBuffer, final int sendOffset, final Object recvBuffer,
        final int recvOffset, final int[] recvCounts, final Op op)
    {
        final Collectives collectives = collectives();
        final boolean inPlace = isInPlace(sendBuffer);
        final CollectiveSchedule schedule = schedule(call, countAt(recvCounts, rank));
        collectives.ireduceScatter(schedule,
            inPlace ? InPlace.copy(recvBuffer, recvOffset, total(recvCounts)) : sendBuffer, inPlace ? 0 : sendOffset,
            recvBuffer, recvOffset, recvCounts, op);
        return start(schedule);
    }

    /**
     * @return a schedule of this communicator, from its pool when one is free, emptied for the call and numbered, so
     * that its messages match only its own. Every call takes a number, also one that then rejects its arguments, so
     * that the members number their collectives alike (as the blocking ones do).
     */
    /**
     * Note the collective the user called as this thread's, for the report on SIGURG, which then names it rather
     * than the point-to-point calls of its algorithm.
     */
    private ThreadState enterCollective(final String call, final int count, final int root)
    {
        final ThreadState state = mpi.threadState();
        state.enterCollective(call, count, root, this);
        return state;
    }

    private CollectiveSchedule schedule(final String call, final int count)
    {
        if (isInter())
        {
            throw new MpiException(ErrorClass.ERR_COMM, call + " on an intercommunicator (" + this + ") is not " +
                "supported by jmpi yet");
        }
        CollectiveSchedule schedule = schedules.poll();
        if (null == schedule)
        {
            schedule = new CollectiveSchedule(this, contextBase + NONBLOCKING_CONTEXT);
        }
        schedule.begin(call, count, nonblockingSequence.getAndIncrement() & Integer.MAX_VALUE);
        return schedule;
    }

    /**
     * Hand a filled schedule to the engine.
     */
    private Request start(final CollectiveSchedule schedule)
    {
        schedule.seal();
        engine.start(schedule);
        return new Request(this, schedule, Datatype.BYTE);
    }

    /**
     * Take back a schedule that has completed and been reported, for the next nonblocking collective.
     */
    void recycle(final CollectiveSchedule schedule)
    {
        schedules.offer(schedule);
    }

    private static boolean isInPlace(final Object buffer)
    {
        return InPlace.BUFFER == buffer;
    }

    /**
     * Run a blocking collective on this rank's data copied out of place. When the copy fails (a bad receive buffer
     * or counts), the provider still sees the call, with no buffer, which it rejects, so that the members' sequences
     * of calls stay in step; then the copy's error is thrown.
     *
     * @param copy the data, copied where the ordinary form wants it.
     * @param call the ordinary form, given the copy.
     */
    private static void inPlace(final Supplier<Object> copy, final Consumer<Object> call)
    {
        final Object data;
        try
        {
            data = copy.get();
        }
        catch (final MpiException ex)
        {
            try
            {
                call.accept(null);
            }
            catch (final MpiException rejected)
            {
                ex.addSuppressed(rejected);
            }
            throw ex;
        }
        call.accept(data);
    }

    /**
     * @return {@code counts[index]} for the report of blocked calls, 0 if there is none: checking is the provider's.
     */
    private static int countAt(final int[] counts, final int index)
    {
        return null == counts || index >= counts.length ? 0 : counts[index];
    }

    private static int length(final Object array)
    {
        return null == array ? 0 : Array.getLength(array);
    }

    private static Object sendOrCopy(
        final Object sendBuffer, final Object recvBuffer, final int recvOffset, final int count)
    {
        return isInPlace(sendBuffer) ? InPlace.copy(recvBuffer, recvOffset, count) : sendBuffer;
    }

    private static int offsetOf(final Object sendBuffer, final int sendOffset)
    {
        return isInPlace(sendBuffer) ? 0 : sendOffset;
    }

    /**
     * @return the offset of block {@code index} of {@code count} elements, checked to fit an int.
     */
    private static int blockAt(final int offset, final int index, final int count)
    {
        final long at = offset + (long)index * count;
        if (count < 0 || at > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "block " + index + " of count=" + count + " at offset=" +
                offset + " is not a valid position");
        }
        return (int)at;
    }

    /**
     * @return the elements of one block per rank, checked to fit an int.
     */
    private int blocks(final int count)
    {
        return blockAt(0, worldRanks.length, count);
    }

    private Object ownBlock(
        final Object recvBuffer, final int recvOffset, final int[] recvCounts, final int[] displacements,
        final int index)
    {
        return InPlace.copy(recvBuffer, recvOffset + entry(displacements, index, "displacements"),
            entry(recvCounts, index, "recvCounts"));
    }

    /**
     * @return {@code array[index]} of an array that must hold one entry per rank.
     */
    private int entry(final int[] array, final int index, final String name)
    {
        // MPI reads the first size entries: a longer array is fine
        if (null == array || array.length < worldRanks.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, name + " must hold one entry per rank, " + worldRanks.length);
        }
        return array[index];
    }

    /**
     * @return this rank's entry of a per-rank count array, for the report; -1 if there is none.
     */
    private int ownEntry(final int[] counts)
    {
        return null != counts && counts.length > rank ? counts[rank] : -1;
    }

    private int total(final int[] counts)
    {
        entry(counts, 0, "recvCounts");
        long total = 0;
        for (int r = 0; r < worldRanks.length; r++)
        {
            total += counts[r];
        }
        if (total < 0 || total > Integer.MAX_VALUE)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, "recvCounts add up to " + total);
        }
        return (int)total;
    }

    private int[] blockCounts(final int recvCount)
    {
        final int[] counts = new int[worldRanks.length];
        Arrays.fill(counts, recvCount);
        return counts;
    }

    /**
     * Set up this communicator's collectives now, where every member arrives together (init), so that its first
     * collective call does not pay for their setup (a shared-memory segment, say); without a provider on the class
     * path nothing happens, and a collective call reports it.
     */
    void prepareCollectives()
    {
        if (mpi.hasCollectiveProvider())
        {
            collectives();
        }
    }

    private Collectives collectives()
    {
        checkUsable();
        synchronized (this)
        {
            if (null == collectives)
            {
                collectives = isInter() ? new InterCollectives(this, channel(), localComm) :
                    mpi.collectiveProvider().create(new CommCollectiveContext(this, channel()));
            }
            return collectives;
        }
    }

    private void checkRoot(final int root)
    {
        if (isInter())
        {
            if (Mpi.ROOT != root && Mpi.PROC_NULL != root && (root < 0 || root >= worldRanks.length))
            {
                throw new MpiException(ErrorClass.ERR_ROOT, "root " + root + " of an intercommunicator is not " +
                    "ROOT, PROC_NULL or a rank of the remote group, 0.." + (worldRanks.length - 1));
            }
            return;
        }
        if (root < 0 || root >= worldRanks.length)
        {
            throw new MpiException(ErrorClass.ERR_ROOT, "root " + root + " is not in 0.." + (worldRanks.length - 1));
        }
    }

    private void checkInter(final String call)
    {
        if (!isInter())
        {
            throw new MpiException(ErrorClass.ERR_COMM, call + " needs an intercommunicator; " + this +
                " is an intracommunicator");
        }
    }

    private void checkIntra(final String call)
    {
        if (isInter())
        {
            throw new MpiException(ErrorClass.ERR_COMM, call + " needs an intracommunicator; " + this +
                " is an intercommunicator");
        }
    }

    private void checkUsable()
    {
        mpi.checkOpen();
        if (freed)
        {
            throw new MpiException(ErrorClass.ERR_COMM, "the communicator has been freed");
        }
    }

    synchronized Comm channel()
    {
        if (null == channel)
        {
            channel = new Comm(mpi, contextBase, contextBase + 1, worldRanks, commRanks, localRanks, rank, localComm);
        }
        return channel;
    }

    synchronized Comm management()
    {
        if (null == management)
        {
            management =
                new Comm(mpi, contextBase, contextBase + 2, worldRanks, commRanks, localRanks, rank, localComm);
        }
        return management;
    }

    void checkMembers()
    {
        engine.progressAndCheckPeers();
        for (int r = 0; r < worldRanks.length; r++)
        {
            if (engine.hasFailed(worldRanks[r]))
            {
                throw new MpiException(ErrorClass.ERR_PROC_FAILED, "rank " + r + " of " + this + " has failed");
            }
        }
    }

    int contextBase()
    {
        return contextBase;
    }

    /**
     * @return the world ranks of this process's group.
     */
    int[] localRanks()
    {
        return localRanks;
    }

    /**
     * @return the world ranks point-to-point calls address: of an intercommunicator, the remote group's.
     */
    int[] peerRanks()
    {
        return worldRanks;
    }

    /**
     * @return the private intracommunicator of an intercommunicator's local group.
     */
    Comm localComm()
    {
        return localComm;
    }

    int worldRankOf(final int commRank)
    {
        return worldRanks[commRank];
    }

    int commRankOf(final int worldRank)
    {
        return commRanks[worldRank];
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
        final String call = synchronous ? "ssend" : "send";
        await(state, op, call, destination, tag);
        if (Errors.SUCCESS != op.error())
        {
            throwIfFailed(op, call + " to rank " + destination + " tag " + tag);
        }
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
        checkUsable();
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
        checkUsable();
        checkSourceAndTag(source, tag);
        op.reset();
        final Datatype type = Buffers.region(op, buffer, offset, count, true);
        op.match(worldSource(source), context, tag);
        return type;
    }

    private void checkSourceAndTag(final int source, final int tag)
    {
        if (Mpi.PROC_NULL != source && Mpi.ANY_SOURCE != source && (source < 0 || source >= worldRanks.length))
        {
            throw new MpiException(ErrorClass.ERR_RANK,
                "source rank " + source + " is not in 0.." + (worldRanks.length - 1) + ", ANY_SOURCE or PROC_NULL");
        }
        if (tag < 0 && Mpi.ANY_TAG != tag)
        {
            throw new MpiException(ErrorClass.ERR_TAG, "receive tag " + tag + " is negative and not ANY_TAG");
        }
    }

    private int worldSource(final int source)
    {
        return Mpi.ANY_SOURCE == source || Mpi.PROC_NULL == source ? RecvOp.ANY_SOURCE : worldRanks[source];
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
        if (ErrorClass.ERR_NO_MEM == error)
        {
            throw overflowedBy(op.matchedSource());
        }
        throwIfFailed(op, "receive");
    }

    /**
     * A probe that found nothing fails if the message it waits for may be one a flooding sender lost.
     */
    private void throwIfOverflowed(final int source)
    {
        final int sender = engine.overflowedSender(worldSource(source));
        if (sender >= 0)
        {
            throw overflowedBy(sender);
        }
    }

    private MpiException overflowedBy(final int worldSender)
    {
        final String sender = Group.UNDEFINED == commRanks[worldSender] ?
            "world rank " + worldSender : "rank " + commRanks[worldSender] + " of " + this;
        return new MpiException(ErrorClass.ERR_NO_MEM, sender + " sent more unexpected messages than this rank " +
            "holds (" + Mpi.UNEXPECTED_LIMIT_PROPERTY + "=" + engine.unexpectedLimit() + " bytes): its messages " +
            "from then on are lost; receive sooner, or send synchronously");
    }

    /**
     * Wait for an operation, noting it as this thread's blocking call for the report on SIGURG.
     */
    void await(final ThreadState state, final Operation op, final String call, final int peer, final int tag)
    {
        state.block(call, peer, tag, this);
        try
        {
            engine.await(op, state.idle);
        }
        finally
        {
            state.unblock();
        }
    }

    static void throwIfFailed(final Operation op, final String what)
    {
        if (Errors.PROC_FAILED == op.error())
        {
            throw new MpiException(ErrorClass.ERR_PROC_FAILED,
                what + " failed: a rank it depends on has failed or left the job");
        }
        if (Errors.NO_MEM == op.error() && op instanceof SendOp)
        {
            throw new MpiException(ErrorClass.ERR_NO_MEM, what + " failed: the receiver holds as many unexpected " +
                "messages as it may (jmpi.unexpectedLimit) and dropped this one; it must receive sooner");
        }
        if (Errors.SUCCESS != op.error())
        {
            throw new MpiException(ErrorClass.of(op.error()), what + " failed");
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        final String name = name();
        return context == contextBase ? name : name + (context == contextBase + 1 ? "/collectives" : "/management");
    }

    /**
     * Give a communicator made from this one its error handler, as MPI-3.1 section 8.3 says new communicators take
     * their parent's.
     *
     * @return the child, or null for MPI_COMM_NULL.
     */
    private Comm inherit(final Comm child)
    {
        if (null != child)
        {
            child.errorHandler = errorHandler;
        }
        return child;
    }

    /**
     * Hand a failed call's error to the handler, once: a public call made inside another finds it handled. Errors of
     * the internal communicators (collective channels, an intercommunicator's local group), whose handler is
     * always ERRORS_RETURN, so reach the handler of the user's communicator.
     *
     * @return the error, to throw.
     */
    MpiException failed(final String call, final MpiException error)
    {
        final ErrorHandler handler = errorHandler;
        if (Mpi.ERRORS_RETURN != handler && error.markHandled(call))
        {
            handler.handle(this, error);
        }
        return error;
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
