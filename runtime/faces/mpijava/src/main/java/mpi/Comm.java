package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.Keyval;
import io.jmpi.Mpi;
import io.jmpi.MpiException;

import java.lang.reflect.Array;

/**
 * A communicator (MPI_Comm): its group, and point-to-point communication among its members. The collective
 * operations are on {@link Intracomm}, the class of {@link MPI#COMM_WORLD} and of every communicator made from it.
 * <p>
 * Buffers follow mpiJava: a one-dimensional array of the datatype's base type, an offset (the index of the first
 * item) and a count of items. A datatype whose items are consecutive elements (every basic type, and derived
 * types such as {@code Contiguous} of one) sends and receives the user's array with no copy, exactly as jmpi's own
 * {@link io.jmpi.Comm} does; other derived types are packed into a contiguous array first; {@link MPI#OBJECT}
 * items travel serialized.
 */
public abstract class Comm
{
    /** The jmpi communicator underneath. */
    final io.jmpi.Comm comm;
    private final ObjectMessages objectMessages;

    /** The send modes of MPI. */
    private enum Mode
    {
        STANDARD,
        SYNCHRONOUS,
        BUFFERED
    }

    /**
     * Wrap a new jmpi communicator. Collective over its members: it duplicates the communicator for the payloads of
     * large object messages.
     *
     * @param comm the jmpi communicator.
     */
    Comm(final io.jmpi.Comm comm)
    {
        this.comm = comm;
        this.objectMessages = new ObjectMessages(comm, comm.dup());
    }

    /**
     * MPI_Comm_size.
     *
     * @return the number of processes in the communicator.
     */
    public int Size() throws MPIException
    {
        return comm.size();
    }

    /**
     * MPI_Comm_rank.
     *
     * @return the rank of this process, {@code 0..Size()-1}.
     */
    public int Rank() throws MPIException
    {
        return comm.rank();
    }

    /**
     * MPI_Comm_group.
     *
     * @return the group of the communicator's processes.
     */
    public Group Group() throws MPIException
    {
        try
        {
            return new Group(comm.group());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_compare.
     *
     * @param comm1 a communicator.
     * @param comm2 another communicator.
     * @return {@link MPI#IDENT} for the same communicator, {@link MPI#CONGRUENT} for the same group in another
     * context, {@link MPI#SIMILAR} for the same members in another order, else {@link MPI#UNEQUAL}.
     */
    public static int Compare(final Comm comm1, final Comm comm2) throws MPIException
    {
        if (comm1.comm == comm2.comm)
        {
            return MPI.IDENT;
        }
        final int groups = Group.Compare(comm1.Group(), comm2.Group());
        return MPI.IDENT == groups ? MPI.CONGRUENT : groups;
    }

    /**
     * MPI_Comm_free: release the communicator; using it afterwards fails. Collective in MPI; jmpi frees locally.
     *
     * @throws MPIException ERR_COMM for {@link MPI#COMM_WORLD}.
     */
    public void Free() throws MPIException
    {
        try
        {
            comm.free();
            objectMessages.free();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_dup: a new communicator with the same group and topology and a new context. Collective.
     *
     * @return the duplicate.
     */
    public abstract Comm Dup() throws MPIException;

    /**
     * mpiJava's name of {@link #Dup()}.
     *
     * @return the duplicate.
     * @throws MpiException (unchecked, as {@code Object.clone} allows no checked exception) if it fails.
     */
    public Object clone()
    {
        try
        {
            return Dup();
        }
        catch (final MPIException ex)
        {
            throw new MpiException(io.jmpi.ErrorClass.of(ex.getErrorClass()), ex.getMessage());
        }
    }

    /**
     * MPI_Comm_test_inter.
     *
     * @return true for an {@link Intercomm}.
     */
    public boolean Test_inter() throws MPIException
    {
        return comm.isInter();
    }

    /**
     * MPI_Intercomm_create, called on the peer communicator (as in the mpiJava 1.2 specification and MPJ Express):
     * an intercommunicator between the group of {@code local_comm} and another, disjoint group, whose leaders are
     * both members of this communicator. Collective over both groups.
     *
     * @param local_comm    this process's intracommunicator.
     * @param local_leader  rank of its group's leader in local_comm.
     * @param remote_leader rank of the other group's leader in this communicator.
     * @param tag           tag of the leaders' exchange on this communicator.
     * @return the intercommunicator.
     * @throws MPIException ERR_RANK for a leader out of range, ERR_ARG if the groups overlap.
     */
    public Intercomm Create_intercomm(
        final Comm local_comm, final int local_leader, final int remote_leader, final int tag) throws MPIException
    {
        try
        {
            return new Intercomm(local_comm.comm.createIntercomm(local_leader, comm, remote_leader, tag));
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Topo_test.
     *
     * @return {@link MPI#CART}, {@link MPI#GRAPH}, or {@link MPI#UNDEFINED} for a communicator with no topology.
     */
    public int Topo_test() throws MPIException
    {
        return MPI.UNDEFINED;
    }

    /**
     * MPI_Comm_set_errhandler (mpiJava's Errhandler_set): what a failed call on this communicator does.
     *
     * @param errhandler {@link MPI#ERRORS_RETURN} or {@link MPI#ERRORS_ARE_FATAL}.
     * @throws MPIException ERR_ARG for a null handler.
     */
    public void Errhandler_set(final Errhandler errhandler) throws MPIException
    {
        if (null == errhandler)
        {
            throw failed(new MpiException(ErrorClass.ERR_ARG, "the error handler is null"));
        }
        comm.setErrorHandler(errhandler.handler);
    }

    /**
     * MPI_Comm_get_errhandler, as the mpiJava 1.2 specification spells it.
     *
     * @return this communicator's error handler.
     */
    public Errhandler Errorhandler_get() throws MPIException
    {
        return Errhandler_get();
    }

    /**
     * MPI_Comm_get_errhandler.
     *
     * @return this communicator's error handler.
     */
    public Errhandler Errhandler_get() throws MPIException
    {
        return Mpi.ERRORS_ARE_FATAL == comm.errorHandler() ? MPI.ERRORS_ARE_FATAL : MPI.ERRORS_RETURN;
    }

    /**
     * MPI_Attr_get of a predefined attribute, as MPJ Express has it.
     *
     * @param keyval {@link MPI#TAG_UB}, {@link MPI#HOST}, {@link MPI#IO} or {@link MPI#WTIME_IS_GLOBAL}.
     * @return its value, an Integer.
     * @throws MPIException ERR_ARG for another key.
     */
    public Object Attr_get(final int keyval) throws MPIException
    {
        switch (keyval)
        {
            case MPI.TAG_UB:
                return comm.attribute(Keyval.TAG_UB);
            case MPI.HOST:
                return comm.attribute(Keyval.HOST);
            case MPI.IO:
                return comm.attribute(Keyval.IO);
            case MPI.WTIME_IS_GLOBAL:
                return comm.attribute(Keyval.WTIME_IS_GLOBAL) ? 1 : 0;
            default:
                throw failed(new MpiException(ErrorClass.ERR_ARG, "no attribute of key " + keyval +
                    ": the keys are MPI.TAG_UB, MPI.HOST, MPI.IO and MPI.WTIME_IS_GLOBAL"));
        }
    }

    /**
     * @param error a failure of a call on this communicator.
     * @return the exception to throw, as this communicator's error handler has it.
     * @throws MPIException if MPI is not initialised.
     */
    MPIException failed(final MpiException error) throws MPIException
    {
        MPI.runtime();
        comm.callErrorHandler("", error);
        return MPIException.of(error);
    }

    /**
     * MPI_Abort: end the whole job at once; jrun ends every other rank.
     *
     * @param errorcode exit code of this process.
     */
    public void Abort(final int errorcode) throws MPIException
    {
        MPI.runtime().abort(errorcode);
    }

    /**
     * MPI_Send: standard-mode blocking send. Returns when the buffer may be reused: at once for a message up to
     * jmpi's eager limit, once the receiver has matched it for a larger one.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item; its base type must be the array's element type.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag, {@code >= 0}.
     */
    public void Send(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        send(Mode.STANDARD, buf, offset, count, datatype, dest, tag);
    }

    /**
     * MPI_Ssend: synchronous-mode send; returns once the matching receive has started.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     */
    public void Ssend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        send(Mode.SYNCHRONOUS, buf, offset, count, datatype, dest, tag);
    }

    /**
     * MPI_Bsend: buffered-mode send; copies the message into the buffer given to {@link MPI#Buffer_attach} and
     * returns at once.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @throws MPIException ERR_BUFFER if no buffer is attached or the message does not fit in its free space.
     */
    public void Bsend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        send(Mode.BUFFERED, buf, offset, count, datatype, dest, tag);
    }

    /**
     * MPI_Rsend: ready-mode send, which MPI allows only when the matching receive is already posted. jmpi sends it
     * as a standard-mode send, as Open MPI and MPICH do: correct when the receive is posted, and still delivered
     * (not an error) when it is not.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     */
    public void Rsend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        send(Mode.STANDARD, buf, offset, count, datatype, dest, tag);
    }

    /**
     * MPI_Recv: blocking receive.
     *
     * @param buf      receive buffer array.
     * @param offset   index of the first item.
     * @param count    capacity in items; a longer message fails with ERR_TRUNCATE.
     * @param datatype datatype of each item.
     * @param source   rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag      message tag or {@link MPI#ANY_TAG}.
     * @return the status: source, tag, and count of what arrived.
     */
    public Status Recv(
        final Object buf, final int offset, final int count, final Datatype datatype, final int source, final int tag)
        throws MPIException
    {
        try
        {
            if (buf instanceof mpjbuf.Buffer)
            {
                // as MPJ Express: the message fills the buffer from its start, up to its capacity
                MpjBuffers.checkPacked(datatype);
                final mpjbuf.Buffer packed = (mpjbuf.Buffer)buf;
                final io.jmpi.Status status =
                    comm.recv(MpjBuffers.array(packed), packed.getOffset(), packed.getCapacity(), source, tag);
                packed.setSize(status.bytes());
                return Status.of(status);
            }
            if (datatype.direct)
            {
                datatype.check(buf);
                return Status.of(comm.recv(buf, offset, count * datatype.size, source, tag));
            }
            return startRecv(buf, offset, count, datatype, source, tag).poll(true);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Sendrecv: send and receive at once, so that a ring shift where every rank calls it cannot deadlock.
     *
     * @param sendbuf    send buffer array.
     * @param sendoffset index of the first item sent.
     * @param sendcount  number of items sent.
     * @param sendtype   datatype of the items sent.
     * @param dest       rank of the destination, or {@link MPI#PROC_NULL}.
     * @param sendtag    tag of the message sent.
     * @param recvbuf    receive buffer array, distinct from the send buffer.
     * @param recvoffset index of the first item received.
     * @param recvcount  capacity in items.
     * @param recvtype   datatype of the items received.
     * @param source     rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param recvtag    tag to receive, or {@link MPI#ANY_TAG}.
     * @return the status of the receive.
     */
    public Status Sendrecv(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype, final int dest,
        final int sendtag, final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype,
        final int source, final int recvtag) throws MPIException
    {
        try
        {
            if (sendtype.direct && recvtype.direct)
            {
                sendtype.check(sendbuf);
                recvtype.check(recvbuf);
                final io.jmpi.Status status = new io.jmpi.Status();
                comm.sendrecv(sendbuf, sendoffset, sendcount * sendtype.size, dest, sendtag,
                    recvbuf, recvoffset, recvcount * recvtype.size, source, recvtag, status);
                return Status.of(status);
            }
            final Pending receive = startRecv(recvbuf, recvoffset, recvcount, recvtype, source, recvtag);
            final Pending send = startSend(Mode.STANDARD, sendbuf, sendoffset, sendcount, sendtype, dest, sendtag);
            final Status status = receive.poll(true);
            send.poll(true);
            return status;
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Sendrecv_replace: send the buffer's items and replace them with the items received.
     *
     * @param buf      the buffer array.
     * @param offset   index of the first item.
     * @param count    items sent, and capacity for the receive.
     * @param datatype datatype of the items.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param sendtag  tag of the message sent.
     * @param source   rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param recvtag  tag to receive, or {@link MPI#ANY_TAG}.
     * @return the status of the receive.
     */
    public Status Sendrecv_replace(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest,
        final int sendtag, final int source, final int recvtag) throws MPIException
    {
        try
        {
            if (datatype.direct)
            {
                datatype.check(buf);
                final io.jmpi.Status status = new io.jmpi.Status();
                comm.sendrecvReplace(buf, offset, count * datatype.size, dest, sendtag, source, recvtag, status);
                return Status.of(status);
            }
            final Object packed = packForSend(buf, offset, count, datatype, dest);
            final Pending receive = startRecv(buf, offset, count, datatype, source, recvtag);
            final Pending send = new Transfer(comm.isend(packed, 0, Array.getLength(packed), dest, sendtag));
            final Status status = receive.poll(true);
            send.poll(true);
            return status;
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Isend: start a standard-mode send. The items of a derived type are packed before this returns; those of
     * a basic type must not change until the request completes.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the request.
     */
    public Request Isend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Request(start(Mode.STANDARD, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Issend: start a synchronous-mode send; the request completes once the matching receive has started.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the request.
     */
    public Request Issend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Request(start(Mode.SYNCHRONOUS, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Ibsend: buffered-mode send as {@link #Bsend}, returning a request that is already complete.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the request.
     */
    public Request Ibsend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Request(start(Mode.BUFFERED, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Irsend: ready-mode send started as a standard-mode send (see {@link #Rsend}).
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the request.
     */
    public Request Irsend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Request(start(Mode.STANDARD, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Irecv: start a receive. A receive of {@link MPI#OBJECT} items waits for a message of any size and
     * matches messages in the order object receives were posted.
     *
     * @param buf      receive buffer array; not to be read until the request completes.
     * @param offset   index of the first item.
     * @param count    capacity in items.
     * @param datatype datatype of each item.
     * @param source   rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag      message tag or {@link MPI#ANY_TAG}.
     * @return the request; its status tells what arrived.
     */
    public Request Irecv(
        final Object buf, final int offset, final int count, final Datatype datatype, final int source, final int tag)
        throws MPIException
    {
        try
        {
            return new Request(startRecv(buf, offset, count, datatype, source, tag));
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Send_init: a persistent standard-mode send; each {@link Prequest#Start()} sends the buffer's items as
     * they are then.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the inactive persistent request.
     */
    public Prequest Send_init(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Prequest(() -> startSend(Mode.STANDARD, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Ssend_init: a persistent synchronous-mode send.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the inactive persistent request.
     */
    public Prequest Ssend_init(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Prequest(() -> startSend(Mode.SYNCHRONOUS, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Bsend_init: a persistent buffered-mode send.
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the inactive persistent request.
     */
    public Prequest Bsend_init(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Prequest(() -> startSend(Mode.BUFFERED, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Rsend_init: a persistent ready-mode send, sent in standard mode (see {@link #Rsend}).
     *
     * @param buf      send buffer array.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param dest     rank of the destination, or {@link MPI#PROC_NULL}.
     * @param tag      message tag.
     * @return the inactive persistent request.
     */
    public Prequest Rsend_init(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest, final int tag)
        throws MPIException
    {
        return new Prequest(() -> startSend(Mode.STANDARD, buf, offset, count, datatype, dest, tag));
    }

    /**
     * MPI_Recv_init: a persistent receive.
     *
     * @param buf      receive buffer array.
     * @param offset   index of the first item.
     * @param count    capacity in items.
     * @param datatype datatype of each item.
     * @param source   rank of the source, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag      message tag or {@link MPI#ANY_TAG}.
     * @return the inactive persistent request.
     */
    public Prequest Recv_init(
        final Object buf, final int offset, final int count, final Datatype datatype, final int source, final int tag)
        throws MPIException
    {
        return new Prequest(() -> startRecv(buf, offset, count, datatype, source, tag));
    }

    /**
     * MPI_Probe: wait for a message that a receive with this source and tag would match, without receiving it.
     *
     * @param source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag    tag or {@link MPI#ANY_TAG}.
     * @return its source, tag and size ({@link Status#Get_count} in any basic type; not in objects).
     */
    public Status Probe(final int source, final int tag) throws MPIException
    {
        try
        {
            return Status.of(comm.probe(source, tag));
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Iprobe: check for a message that a receive with this source and tag would match.
     *
     * @param source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag    tag or {@link MPI#ANY_TAG}.
     * @return its status as {@link #Probe} gives it, or null if no such message has arrived.
     */
    public Status Iprobe(final int source, final int tag) throws MPIException
    {
        try
        {
            final io.jmpi.Status status = new io.jmpi.Status();
            return comm.iprobe(source, tag, status) ? Status.of(status) : null;
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Pack: append items to a byte array, to send it later as {@link MPI#PACKED}.
     *
     * @param inbuf    input buffer array.
     * @param offset   index of the first item.
     * @param incount  number of items.
     * @param datatype datatype of each item.
     * @param outbuf   the byte array (mpiJava's form; MPJ Express takes its own buffer class here).
     * @param position where the items go in {@code outbuf}.
     * @return the position after them.
     * @throws MPIException ERR_TRUNCATE if they do not fit.
     */
    public int Pack(
        final Object inbuf, final int offset, final int incount, final Datatype datatype, final byte[] outbuf,
        final int position) throws MPIException
    {
        try
        {
            return PackedBytes.pack(inbuf, offset, incount, datatype, outbuf, position);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Unpack: read items that {@link #Pack} wrote.
     *
     * @param inbuf    the byte array.
     * @param position where the items start in {@code inbuf}.
     * @param outbuf   output buffer array.
     * @param offset   index of the first item.
     * @param outcount number of items.
     * @param datatype datatype of each item.
     * @return the position after them.
     * @throws MPIException ERR_TRUNCATE if {@code inbuf} ends first.
     */
    public int Unpack(
        final byte[] inbuf, final int position, final Object outbuf, final int offset, final int outcount,
        final Datatype datatype) throws MPIException
    {
        try
        {
            return PackedBytes.unpack(inbuf, position, outbuf, offset, outcount, datatype);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Pack into an MPJ Express buffer, which then travels whole as {@link MPI#PACKED}.
     *
     * @param inbuf    input buffer array.
     * @param offset   index of the first item.
     * @param incount  number of items.
     * @param datatype datatype of each item.
     * @param outbuf   the buffer; its size grows to cover what is written.
     * @param position where the items go, in bytes from the buffer's start.
     * @return the position after them.
     * @throws MPIException ERR_TRUNCATE if they do not fit its capacity.
     */
    public int Pack(
        final Object inbuf, final int offset, final int incount, final Datatype datatype, final mpjbuf.Buffer outbuf,
        final int position) throws MPIException
    {
        try
        {
            return MpjBuffers.pack(inbuf, offset, incount, datatype, outbuf, position);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Unpack from an MPJ Express buffer.
     *
     * @param inbuf    the buffer.
     * @param position where the items start, in bytes from the buffer's start.
     * @param outbuf   output buffer array.
     * @param offset   index of the first item.
     * @param outcount number of items.
     * @param datatype datatype of each item.
     * @return the position after them.
     * @throws MPIException ERR_TRUNCATE if the buffer's size ends first.
     */
    public int Unpack(
        final mpjbuf.Buffer inbuf, final int position, final Object outbuf, final int offset, final int outcount,
        final Datatype datatype) throws MPIException
    {
        try
        {
            return MpjBuffers.unpack(inbuf, position, outbuf, offset, outcount, datatype);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Pack_size.
     *
     * @param incount  number of items.
     * @param datatype datatype of each item.
     * @return the bytes {@link #Pack} takes for them.
     * @throws MPIException ERR_TYPE for {@link MPI#OBJECT}, whose serialized size is not known in advance.
     */
    public int Pack_size(final int incount, final Datatype datatype) throws MPIException
    {
        try
        {
            return PackedBytes.size(incount, datatype);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    private void send(
        final Mode mode, final Object buf, final int offset, final int count, final Datatype datatype, final int dest,
        final int tag) throws MPIException
    {
        try
        {
            if (buf instanceof mpjbuf.Buffer)
            {
                // MPJ Express sends the whole buffer, whatever offset and count say
                MpjBuffers.checkPacked(datatype);
                final mpjbuf.Buffer packed = (mpjbuf.Buffer)buf;
                send(mode, MpjBuffers.array(packed), packed.getOffset(), packed.getSize(), dest, tag);
            }
            else if (datatype.direct)
            {
                datatype.check(buf);
                send(mode, buf, offset, count * datatype.size, dest, tag);
            }
            else
            {
                final Object packed = packForSend(buf, offset, count, datatype, dest);
                send(mode, packed, 0, Array.getLength(packed), dest, tag);
            }
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    private void send(
        final Mode mode, final Object array, final int offset, final int length, final int dest, final int tag)
    {
        switch (mode)
        {
            case SYNCHRONOUS -> comm.ssend(array, offset, length, dest, tag);
            case BUFFERED -> comm.bsend(array, offset, length, dest, tag);
            default -> comm.send(array, offset, length, dest, tag);
        }
    }

    private Pending start(
        final Mode mode, final Object buf, final int offset, final int count, final Datatype datatype, final int dest,
        final int tag) throws MPIException
    {
        try
        {
            return startSend(mode, buf, offset, count, datatype, dest, tag);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    private Pending startSend(
        final Mode mode, final Object buf, final int offset, final int count, final Datatype datatype, final int dest,
        final int tag)
    {
        final Object array;
        final int from;
        final int length;
        if (buf instanceof mpjbuf.Buffer)
        {
            MpjBuffers.checkPacked(datatype);
            final mpjbuf.Buffer packed = (mpjbuf.Buffer)buf;
            array = MpjBuffers.array(packed);
            from = packed.getOffset();
            length = packed.getSize();
        }
        else if (datatype.direct)
        {
            datatype.check(buf);
            array = buf;
            from = offset;
            length = count * datatype.size;
        }
        else
        {
            array = packForSend(buf, offset, count, datatype, dest);
            from = 0;
            length = Array.getLength(array);
        }
        return new Transfer(switch (mode)
        {
            case SYNCHRONOUS -> comm.issend(array, from, length, dest, tag);
            case BUFFERED -> comm.ibsend(array, from, length, dest, tag);
            default -> comm.isend(array, from, length, dest, tag);
        });
    }

    private Pending startRecv(
        final Object buf, final int offset, final int count, final Datatype datatype, final int source, final int tag)
    {
        if (buf instanceof mpjbuf.Buffer)
        {
            throw new MpiException(ErrorClass.ERR_BUFFER, "a non-blocking receive into an mpjbuf.Buffer: jmpi " +
                "receives those with Recv only");
        }
        if (datatype.direct)
        {
            datatype.check(buf);
            return new Transfer(comm.irecv(buf, offset, count * datatype.size, source, tag));
        }
        datatype.checkItems(buf, offset, count);
        if (BaseType.OBJECT == datatype.base)
        {
            if (MPI.PROC_NULL == source)
            {
                return Pending.completed(Status.procNull());
            }
            return new ObjectReceive(objectMessages, source, tag, datatype, buf, offset, count);
        }
        final Object stage = datatype.base.newArray(count * datatype.size);
        return new Transfer(comm.irecv(stage, 0, count * datatype.size, source, tag), datatype, stage, buf, offset);
    }

    /**
     * @return the message to send for items that jmpi cannot send from the user's array: the packed elements,
     * or for objects the first message of {@link ObjectMessages} (whose payload, if any, is then on its way).
     */
    private Object packForSend(
        final Object buf, final int offset, final int count, final Datatype datatype, final int dest)
    {
        if (BaseType.OBJECT != datatype.base)
        {
            return datatype.pack(buf, offset, count);
        }
        if (datatype.contiguous)
        {
            datatype.checkItems(buf, offset, count);
            return objectMessages.firstMessage((Object[])buf, offset, count * datatype.size, dest);
        }
        return objectMessages.firstMessage((Object[])datatype.pack(buf, offset, count), 0, count * datatype.size, dest);
    }
}
