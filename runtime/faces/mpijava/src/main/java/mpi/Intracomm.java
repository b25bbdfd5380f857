package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * An intra-communicator: point-to-point communication ({@link Comm}), the collective operations, and the
 * creation of communicators and topologies. The collectives are jmpi's (the collectives module, chosen per call
 * by message and communicator size); this class only converts mpiJava's datatypes and counts into elements,
 * packing the items of non-contiguous derived types and serializing objects.
 * <p>
 * Every member calls the same collectives in the same order, with matching type signatures. Arguments that MPI
 * calls significant only at the root (the receive buffer of Gather, the send buffer of Scatter, ...) are not read
 * elsewhere and may be null there.
 */
public class Intracomm extends Comm
{
    Intracomm(final io.jmpi.Comm comm)
    {
        super(comm);
    }

    /**
     * MPI_Comm_dup. Collective.
     *
     * @return a new communicator with the same group and a new context.
     */
    public Intracomm Dup() throws MPIException
    {
        try
        {
            return new Intracomm(comm.dup());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_split: partition the processes by colour, ordered by key and then by rank. Collective.
     *
     * @param colour non-negative colour, or {@link MPI#UNDEFINED} to be in no new communicator.
     * @param key    order within the colour.
     * @return this process's new communicator, or null for colour UNDEFINED.
     */
    public Intracomm Split(final int colour, final int key) throws MPIException
    {
        try
        {
            final io.jmpi.Comm part = comm.split(MPI.toJmpi(colour), key);
            return null == part ? null : new Intracomm(part);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_create: a communicator of the members of a subgroup, in the group's order. Collective; every
     * process passes the same group.
     *
     * @param group a subgroup of this communicator's group.
     * @return the new communicator, or null on processes not in the group.
     */
    public Intracomm Create(final Group group) throws MPIException
    {
        try
        {
            final io.jmpi.Comm created = comm.create(group.group);
            return null == created ? null : new Intracomm(created);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Cart_create: a communicator with a Cartesian topology, ranks in row-major order of the coordinates.
     * Collective. jmpi does not reorder ranks ({@code reorder} is accepted and ignored, which MPI allows): rank r
     * of the new communicator is rank r of this one.
     *
     * @param dims    processes in each dimension.
     * @param periods whether each dimension wraps around.
     * @param reorder ignored.
     * @return the new communicator, or null on processes beyond the grid's size.
     * @throws MPIException ERR_ARG if a dimension is not positive, the arrays differ in length, or the grid has more
     *                      processes than this communicator.
     */
    public Cartcomm Create_cart(final int[] dims, final boolean[] periods, final boolean reorder)
        throws MPIException
    {
        try
        {
            final int processes = Cartcomm.checkGrid(dims, periods);
            if (processes > comm.size())
            {
                throw new MpiException(ErrorClass.ERR_ARG, "a grid of " + processes +
                    " processes needs more than the " + comm.size() + " of the communicator");
            }
            final io.jmpi.Comm grid = comm.split(comm.rank() < processes ? 0 : io.jmpi.Group.UNDEFINED, comm.rank());
            return null == grid ? null : new Cartcomm(grid, dims.clone(), periods.clone());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Graph_create: a communicator with a graph topology: node i's neighbours are
     * {@code edges[index[i-1]..index[i]-1]} (from 0 for node 0). Collective; {@code reorder} is ignored as for
     * {@link #Create_cart}.
     *
     * @param index   cumulative neighbour counts; its length is the number of nodes.
     * @param edges   the neighbours of all nodes, one after another.
     * @param reorder ignored.
     * @return the new communicator, or null on processes beyond the number of nodes.
     * @throws MPIException ERR_ARG if the arrays do not describe a graph of at most this communicator's size.
     */
    public Graphcomm Create_graph(final int[] index, final int[] edges, final boolean reorder) throws MPIException
    {
        try
        {
            Graphcomm.checkGraph(index, edges, comm.size());
            final io.jmpi.Comm graph =
                comm.split(comm.rank() < index.length ? 0 : io.jmpi.Group.UNDEFINED, comm.rank());
            return null == graph ? null : new Graphcomm(graph, index.clone(), edges.clone());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Barrier: returns once every process has entered it.
     */
    public void Barrier() throws MPIException
    {
        try
        {
            comm.barrier();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Bcast: the root's items reach every process's buffer.
     *
     * @param buf      the root's data; the destination elsewhere.
     * @param offset   index of the first item.
     * @param count    number of items.
     * @param datatype datatype of each item.
     * @param root     rank of the root.
     */
    public void Bcast(final Object buf, final int offset, final int count, final Datatype datatype, final int root)
        throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region region = atRoot ?
                Region.send(buf, offset, count, datatype) : Region.receive(buf, offset, count, datatype);
            if (BaseType.OBJECT == datatype.base)
            {
                ObjectCollectives.bcast(comm, region, root);
                return;
            }
            comm.bcast(region.array, region.offset, region.elements, root);
            if (!atRoot)
            {
                region.unpack();
            }
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Gather: the root receives every process's items, in rank order.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param sendcount  number of items sent.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    at the root, the items of all processes.
     * @param recvoffset index of the first item received.
     * @param recvcount  items received from each process.
     * @param recvtype   datatype of the items received.
     * @param root       rank of the root.
     */
    public void Gather(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region send = Region.send(sendbuf, sendoffset, sendcount, sendtype);
            if (objects(sendtype, atRoot ? recvtype : sendtype))
            {
                ObjectCollectives.gatherv(
                    comm, send, atRoot ? uniform(false, recvbuf, recvoffset, recvcount, recvtype) : null, root);
                return;
            }
            final Region recv = atRoot ? Region.receive(recvbuf, recvoffset, recvcount * comm.size(), recvtype) : null;
            comm.gather(send.array, send.offset, send.elements, arrayOf(recv), offsetOf(recv),
                atRoot ? recvcount * recvtype.size : send.elements, root);
            if (atRoot)
            {
                recv.unpack();
            }
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Gatherv: the root receives each process's items where its displacement says.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param sendcount  number of items sent.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    at the root, the items of all processes.
     * @param recvoffset index that displacements count from.
     * @param recvcount  items received from each process.
     * @param displs     where each process's items go, in extents of the receive type.
     * @param recvtype   datatype of the items received.
     * @param root       rank of the root.
     */
    public void Gatherv(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int[] recvcount, final int[] displs, final Datatype recvtype,
        final int root) throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region send = Region.send(sendbuf, sendoffset, sendcount, sendtype);
            final Blocks recv = atRoot ?
                Blocks.receive(recvbuf, recvoffset, recvcount, displs, recvtype, comm.size()) : null;
            if (objects(sendtype, atRoot ? recvtype : sendtype))
            {
                ObjectCollectives.gatherv(comm, send, recv, root);
                return;
            }
            comm.gatherv(send.array, send.offset, send.elements, arrayOf(recv), offsetOf(recv),
                atRoot ? recv.counts : null, atRoot ? recv.displacements : null, root);
            if (atRoot)
            {
                recv.unpack();
            }
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Scatter: process i receives the i-th block of items of the root.
     *
     * @param sendbuf    at the root, one block per process in rank order.
     * @param sendoffset index of the first item sent.
     * @param sendcount  items sent to each process.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    this process's items.
     * @param recvoffset index of the first item received.
     * @param recvcount  number of items received.
     * @param recvtype   datatype of the items received.
     * @param root       rank of the root.
     */
    public void Scatter(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region recv = Region.receive(recvbuf, recvoffset, recvcount, recvtype);
            if (objects(recvtype, atRoot ? sendtype : recvtype))
            {
                ObjectCollectives.scatterv(
                    comm, atRoot ? uniform(true, sendbuf, sendoffset, sendcount, sendtype) : null, recv, root);
                return;
            }
            final Region send = atRoot ? Region.send(sendbuf, sendoffset, sendcount * comm.size(), sendtype) : null;
            comm.scatter(arrayOf(send), offsetOf(send), atRoot ? sendcount * sendtype.size : recv.elements,
                recv.array, recv.offset, recv.elements, root);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Scatterv: process i receives the root's block i, with a count and displacement per process.
     *
     * @param sendbuf    at the root, the blocks.
     * @param sendoffset index that displacements count from.
     * @param sendcount  items sent to each process.
     * @param displs     where each process's block starts, in extents of the send type.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    this process's items.
     * @param recvoffset index of the first item received.
     * @param recvcount  number of items received.
     * @param recvtype   datatype of the items received.
     * @param root       rank of the root.
     */
    public void Scatterv(
        final Object sendbuf, final int sendoffset, final int[] sendcount, final int[] displs, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype, final int root)
        throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region recv = Region.receive(recvbuf, recvoffset, recvcount, recvtype);
            final Blocks send = atRoot ? Blocks.send(sendbuf, sendoffset, sendcount, displs, sendtype, comm.size()) :
                null;
            if (objects(recvtype, atRoot ? sendtype : recvtype))
            {
                ObjectCollectives.scatterv(comm, send, recv, root);
                return;
            }
            comm.scatterv(arrayOf(send), offsetOf(send), atRoot ? send.counts : null,
                atRoot ? send.displacements : null, recv.array, recv.offset, recv.elements, root);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Allgather: every process receives every process's items, in rank order.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param sendcount  number of items sent.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    the items of all processes.
     * @param recvoffset index of the first item received.
     * @param recvcount  items received from each process.
     * @param recvtype   datatype of the items received.
     */
    public void Allgather(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            final Region send = Region.send(sendbuf, sendoffset, sendcount, sendtype);
            if (objects(sendtype, recvtype))
            {
                ObjectCollectives.allgatherv(comm, send, uniform(false, recvbuf, recvoffset, recvcount, recvtype));
                return;
            }
            final Region recv = Region.receive(recvbuf, recvoffset, recvcount * comm.size(), recvtype);
            comm.allgather(send.array, send.offset, send.elements, recv.array, recv.offset, recvcount * recvtype.size);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Allgatherv: every process receives each process's items where its displacement says.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param sendcount  number of items sent.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    the items of all processes.
     * @param recvoffset index that displacements count from.
     * @param recvcount  items received from each process.
     * @param displs     where each process's items go, in extents of the receive type.
     * @param recvtype   datatype of the items received.
     */
    public void Allgatherv(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int[] recvcount, final int[] displs, final Datatype recvtype)
        throws MPIException
    {
        try
        {
            final Region send = Region.send(sendbuf, sendoffset, sendcount, sendtype);
            final Blocks recv = Blocks.receive(recvbuf, recvoffset, recvcount, displs, recvtype, comm.size());
            if (objects(sendtype, recvtype))
            {
                ObjectCollectives.allgatherv(comm, send, recv);
                return;
            }
            comm.allgatherv(send.array, send.offset, send.elements, recv.array, recv.offset, recv.counts,
                recv.displacements);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Alltoall: block j of process i's items goes to process j, where it becomes block i.
     *
     * @param sendbuf    one block per process.
     * @param sendoffset index of the first item sent.
     * @param sendcount  items sent to each process.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    one block per process.
     * @param recvoffset index of the first item received.
     * @param recvcount  items received from each process.
     * @param recvtype   datatype of the items received.
     */
    public void Alltoall(
        final Object sendbuf, final int sendoffset, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int recvcount, final Datatype recvtype) throws MPIException
    {
        try
        {
            if (objects(sendtype, recvtype))
            {
                ObjectCollectives.alltoallv(comm, uniform(true, sendbuf, sendoffset, sendcount, sendtype),
                    uniform(false, recvbuf, recvoffset, recvcount, recvtype));
                return;
            }
            final Region send = Region.send(sendbuf, sendoffset, sendcount * comm.size(), sendtype);
            final Region recv = Region.receive(recvbuf, recvoffset, recvcount * comm.size(), recvtype);
            comm.alltoall(send.array, send.offset, sendcount * sendtype.size, recv.array, recv.offset,
                recvcount * recvtype.size);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Alltoallv: as {@link #Alltoall}, with a count and displacement per process on both sides.
     *
     * @param sendbuf    the blocks to send.
     * @param sendoffset index that send displacements count from.
     * @param sendcount  items sent to each process.
     * @param sdispls    where each block sent starts, in extents of the send type.
     * @param sendtype   datatype of the items sent.
     * @param recvbuf    the blocks received.
     * @param recvoffset index that receive displacements count from.
     * @param recvcount  items received from each process.
     * @param rdispls    where each block received goes, in extents of the receive type.
     * @param recvtype   datatype of the items received.
     */
    public void Alltoallv(
        final Object sendbuf, final int sendoffset, final int[] sendcount, final int[] sdispls, final Datatype sendtype,
        final Object recvbuf, final int recvoffset, final int[] recvcount, final int[] rdispls, final Datatype recvtype)
        throws MPIException
    {
        try
        {
            final Blocks send = Blocks.send(sendbuf, sendoffset, sendcount, sdispls, sendtype, comm.size());
            final Blocks recv = Blocks.receive(recvbuf, recvoffset, recvcount, rdispls, recvtype, comm.size());
            if (objects(sendtype, recvtype))
            {
                ObjectCollectives.alltoallv(comm, send, recv);
                return;
            }
            comm.alltoallv(send.array, send.offset, send.counts, send.displacements,
                recv.array, recv.offset, recv.counts, recv.displacements);
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Reduce: the root receives the operation applied, item by item, across every process's items.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param recvbuf    at the root, the result.
     * @param recvoffset index of the first item of the result.
     * @param count      number of items.
     * @param datatype   datatype of the items; a pair type such as {@link MPI#INT2} for MINLOC and MAXLOC.
     * @param op         the operation.
     * @param root       rank of the root.
     */
    public void Reduce(
        final Object sendbuf, final int sendoffset, final Object recvbuf, final int recvoffset, final int count,
        final Datatype datatype, final Op op, final int root) throws MPIException
    {
        try
        {
            final boolean atRoot = comm.rank() == root;
            final Region send = Region.send(sendbuf, sendoffset, count, datatype);
            final Region recv = atRoot ? Region.receive(recvbuf, recvoffset, count, datatype) : null;
            if (BaseType.OBJECT == datatype.base)
            {
                ObjectCollectives.reduce(comm, send, recv, count, op, datatype.packedType(), root);
                return;
            }
            comm.reduce(send.array, send.offset, arrayOf(recv), offsetOf(recv), send.elements, op.jmpiOp(datatype),
                root);
            if (atRoot)
            {
                recv.unpack();
            }
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Allreduce: every process receives the reduction of all processes' items.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param recvbuf    the result.
     * @param recvoffset index of the first item of the result.
     * @param count      number of items.
     * @param datatype   datatype of the items.
     * @param op         the operation.
     */
    public void Allreduce(
        final Object sendbuf, final int sendoffset, final Object recvbuf, final int recvoffset, final int count,
        final Datatype datatype, final Op op) throws MPIException
    {
        try
        {
            final Region send = Region.send(sendbuf, sendoffset, count, datatype);
            final Region recv = Region.receive(recvbuf, recvoffset, count, datatype);
            if (BaseType.OBJECT == datatype.base)
            {
                ObjectCollectives.allreduce(comm, send, recv, count, op, datatype.packedType());
                return;
            }
            comm.allreduce(send.array, send.offset, recv.array, recv.offset, send.elements, op.jmpiOp(datatype));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Reduce_scatter: the reduction of all processes' items, process i receiving block i of it.
     *
     * @param sendbuf    this process's items, as many as the counts add up to.
     * @param sendoffset index of the first item sent.
     * @param recvbuf    this process's block of the result.
     * @param recvoffset index of the first item of the block.
     * @param recvcounts items of the result each process receives.
     * @param datatype   datatype of the items.
     * @param op         the operation.
     */
    public void Reduce_scatter(
        final Object sendbuf, final int sendoffset, final Object recvbuf, final int recvoffset, final int[] recvcounts,
        final Datatype datatype, final Op op) throws MPIException
    {
        try
        {
            // as MPI and MPJ Express, the first size counts count: a longer array is fine
            if (null == recvcounts || recvcounts.length < comm.size())
            {
                throw new MpiException(ErrorClass.ERR_ARG, "recvcounts needs one count for each of the " +
                    comm.size() + " processes");
            }
            final int[] counts = Arrays.copyOf(recvcounts, comm.size());
            final Region send = Region.send(sendbuf, sendoffset, Blocks.total(counts), datatype);
            final Region recv = Region.receive(recvbuf, recvoffset, counts[comm.rank()], datatype);
            if (BaseType.OBJECT == datatype.base)
            {
                ObjectCollectives.reduceScatter(comm, send, recv, counts, op, datatype.packedType());
                return;
            }
            final int[] elementCounts = new int[counts.length];
            for (int i = 0; i < counts.length; i++)
            {
                elementCounts[i] = counts[i] * datatype.size;
            }
            comm.reduceScatter(send.array, send.offset, recv.array, recv.offset, elementCounts, op.jmpiOp(datatype));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Scan: process i receives the reduction of the items of processes 0..i.
     *
     * @param sendbuf    this process's items.
     * @param sendoffset index of the first item sent.
     * @param recvbuf    the result.
     * @param recvoffset index of the first item of the result.
     * @param count      number of items.
     * @param datatype   datatype of the items.
     * @param op         the operation.
     */
    public void Scan(
        final Object sendbuf, final int sendoffset, final Object recvbuf, final int recvoffset, final int count,
        final Datatype datatype, final Op op) throws MPIException
    {
        try
        {
            final Region send = Region.send(sendbuf, sendoffset, count, datatype);
            final Region recv = Region.receive(recvbuf, recvoffset, count, datatype);
            if (BaseType.OBJECT == datatype.base)
            {
                ObjectCollectives.scan(comm, send, recv, count, op, datatype.packedType());
                return;
            }
            comm.scan(send.array, send.offset, recv.array, recv.offset, send.elements, op.jmpiOp(datatype));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * @param sending true for blocks to send (packed if the type is not contiguous), false for blocks to receive.
     * @return the blocks of {@code count} items per process, one after another, for the object collectives.
     */
    private Blocks uniform(
        final boolean sending, final Object buf, final int offset, final int count, final Datatype type)
    {
        final int size = comm.size();
        final int[] counts = new int[size];
        final int[] displacements = new int[size];
        for (int i = 0; i < size; i++)
        {
            counts[i] = count;
            displacements[i] = i * count;
        }
        return sending ? Blocks.send(buf, offset, counts, displacements, type, size) :
            Blocks.receive(buf, offset, counts, displacements, type, size);
    }

    /**
     * @return true if both types have base type OBJECT, false if neither has.
     * @throws MpiException ERR_TYPE if one has and the other does not.
     */
    private static boolean objects(final Datatype one, final Datatype other)
    {
        final boolean objects = BaseType.OBJECT == one.base;
        if (objects != (BaseType.OBJECT == other.base))
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "datatypes " + one + " and " + other + " do not match");
        }
        return objects;
    }

    private static Object arrayOf(final Region region)
    {
        return null == region ? null : region.array;
    }

    private static int offsetOf(final Region region)
    {
        return null == region ? 0 : region.offset;
    }

    private static Object arrayOf(final Blocks blocks)
    {
        return null == blocks ? null : blocks.array;
    }

    private static int offsetOf(final Blocks blocks)
    {
        return null == blocks ? 0 : blocks.offset;
    }
}
