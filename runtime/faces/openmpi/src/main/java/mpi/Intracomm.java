package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.nio.Buffer;

/**
 * An intra-communicator: the communicators made by splitting, subgrouping or giving a topology to another, and the
 * prefix reductions. Every call here is collective over the communicator.
 */
public class Intracomm extends Comm
{
    Intracomm(final io.jmpi.Comm comm, final Errhandler errhandler, final String name)
    {
        super(comm, errhandler, name);
    }

    /**
     * MPI_Comm_dup.
     *
     * @return a copy with this communicator's error handler and attributes.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public Intracomm dup() throws MPIException
    {
        try
        {
            return child(jmpi().dup());
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
    @Override
    public Intracomm dupWithInfo(final Info info) throws MPIException
    {
        return dup();
    }

    /**
     * MPI_Comm_idup, completed at once.
     *
     * @return the copy; its {@link #getRequest()} is complete.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public Intracomm iDup() throws MPIException
    {
        final Intracomm copy = dup();
        copy.completedDup();
        return copy;
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return the copy.
     */
    @Override
    public Intracomm clone()
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
     * MPI_Comm_split: the processes of one colour form a communicator, ordered by key and then by rank.
     *
     * @param colour a non-negative colour, or {@link MPI#UNDEFINED} to join none.
     * @param key    the ordering key.
     * @return this process's new communicator; a null one ({@link #isNull()}) for colour UNDEFINED.
     * @throws MPIException under ERRORS_RETURN: ERR_ARG for a negative colour.
     */
    public final Intracomm split(final int colour, final int key) throws MPIException
    {
        try
        {
            return child(jmpi().split(MPI.UNDEFINED == colour ? io.jmpi.Group.UNDEFINED : colour, key));
        }
        catch (final MpiException ex)
        {
            throw raise("split", ex);
        }
    }

    /**
     * MPI_Comm_split_type.
     *
     * @param splitType {@link MPI#COMM_TYPE_SHARED}: the processes of one host; or {@link MPI#UNDEFINED} to join
     *                  none.
     * @param key       the ordering key.
     * @param info      hints, ignored.
     * @return this process's new communicator.
     * @throws MPIException under ERRORS_RETURN: ERR_ARG for another split type.
     */
    public final Intracomm splitType(final int splitType, final int key, final Info info) throws MPIException
    {
        try
        {
            if (MPI.UNDEFINED == splitType)
            {
                return child(jmpi().split(io.jmpi.Group.UNDEFINED, key));
            }
            if (MPI.COMM_TYPE_SHARED != splitType)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "split type " + splitType +
                    " is not COMM_TYPE_SHARED or UNDEFINED");
            }
            return child(jmpi().splitShared(key));
        }
        catch (final MpiException ex)
        {
            throw raise("splitType", ex);
        }
    }

    /**
     * MPI_Comm_create: a communicator of a subgroup's members, in the group's order. Every process of this
     * communicator calls it with the same group.
     *
     * @param group a subgroup of this communicator's group.
     * @return the new communicator; a null one on processes not in the group.
     * @throws MPIException under ERRORS_RETURN: ERR_GROUP for a group that is not a subgroup.
     */
    public final Intracomm create(final Group group) throws MPIException
    {
        try
        {
            return child(jmpi().create(group.group));
        }
        catch (final MpiException ex)
        {
            throw raise("create", ex);
        }
    }

    /**
     * MPI_Comm_create_group: as {@link #create}, called by the group's members only. jmpi builds it over this
     * communicator's collectives, so every process of this communicator must call it too (those outside the group
     * receive a null communicator): a stricter rule than MPI's.
     *
     * @param group a subgroup of this communicator's group.
     * @param tag   a tag, unused.
     * @return the new communicator.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Intracomm createGroup(final Group group, final int tag) throws MPIException
    {
        return create(group);
    }

    /**
     * MPI_Cart_create: a communicator of the first prod(dims) processes with a Cartesian topology (row-major
     * ranks; {@code reorder} is ignored).
     *
     * @param dims    processes along each dimension.
     * @param periods whether each dimension wraps around.
     * @param reorder whether ranks may be reordered.
     * @return the new communicator; a null one on processes left out.
     * @throws MPIException under ERRORS_RETURN: ERR_DIMS if the grid needs more processes than there are.
     */
    public final CartComm createCart(final int[] dims, final boolean[] periods, final boolean reorder)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            final int nodes = Topologies.product(dims, periods);
            if (nodes > c.size())
            {
                throw new FaceException(MPI.ERR_DIMS, "a grid of " + nodes + " processes on " + c.size());
            }
            return new CartComm(c.split(c.rank() < nodes ? 0 : io.jmpi.Group.UNDEFINED, c.rank()),
                errhandler(), dims.clone(), periods.clone());
        }
        catch (final MpiException ex)
        {
            throw raise("createCart", ex);
        }
    }

    /**
     * MPI_Graph_create: a communicator of the first {@code index.length} processes with a graph topology.
     *
     * @param index   index[i] is the number of edges of nodes 0..i.
     * @param edges   the neighbours of node 0, then of node 1, ...
     * @param reorder ignored.
     * @return the new communicator; a null one on processes left out.
     * @throws MPIException under ERRORS_RETURN: ERR_ARG for a malformed graph.
     */
    public final GraphComm createGraph(final int[] index, final int[] edges, final boolean reorder)
        throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            Topologies.checkGraph(index, edges, c.size());
            final GraphComm graph = GraphComm.graph(
                c.split(c.rank() < index.length ? 0 : io.jmpi.Group.UNDEFINED, c.rank()), errhandler(),
                index.clone(), edges.clone());
            return graph;
        }
        catch (final MpiException ex)
        {
            throw raise("createGraph", ex);
        }
    }

    /**
     * MPI_Dist_graph_create: each process names some edges, sources[i] to the next degrees[i] destinations.
     *
     * @param sources      source nodes.
     * @param degrees      number of destinations of each source.
     * @param destinations the destinations, in order.
     * @param weights      a weight per edge.
     * @param info         hints, ignored.
     * @param reorder      ignored.
     * @return a communicator of all processes with a distributed graph topology.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final GraphComm createDistGraph(final int[] sources, final int[] degrees, final int[] destinations,
        final int[] weights, final Info info, final boolean reorder) throws MPIException
    {
        return distGraph(sources, degrees, destinations, weights);
    }

    /**
     * MPI_Dist_graph_create without weights (MPI_UNWEIGHTED).
     *
     * @param sources      source nodes.
     * @param degrees      number of destinations of each source.
     * @param destinations the destinations, in order.
     * @param info         hints, ignored.
     * @param reorder      ignored.
     * @return a communicator of all processes with a distributed graph topology.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final GraphComm createDistGraph(final int[] sources, final int[] degrees, final int[] destinations,
        final Info info, final boolean reorder) throws MPIException
    {
        return distGraph(sources, degrees, destinations, null);
    }

    /**
     * MPI_Dist_graph_create_adjacent: each process names its own in- and out-neighbours.
     *
     * @param sources       in-neighbours.
     * @param sourceWeights their weights.
     * @param destinations  out-neighbours.
     * @param destWeights   their weights.
     * @param info          hints, ignored.
     * @param reorder       ignored.
     * @return a communicator of all processes with a distributed graph topology.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final GraphComm createDistGraphAdjacent(final int[] sources, final int[] sourceWeights,
        final int[] destinations, final int[] destWeights, final Info info, final boolean reorder)
        throws MPIException
    {
        return adjacent(sources, sourceWeights, destinations, destWeights);
    }

    /**
     * MPI_Dist_graph_create_adjacent without weights.
     *
     * @param sources      in-neighbours.
     * @param destinations out-neighbours.
     * @param info         hints, ignored.
     * @param reorder      ignored.
     * @return a communicator of all processes with a distributed graph topology.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final GraphComm createDistGraphAdjacent(final int[] sources, final int[] destinations, final Info info,
        final boolean reorder) throws MPIException
    {
        return adjacent(sources, null, destinations, null);
    }

    /**
     * MPI_Scan: process i receives the reduction of the items of processes 0..i.
     *
     * @param sendbuf send buffer.
     * @param recvbuf the inclusive prefix reduction.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scan(final Object sendbuf, final Object recvbuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        try
        {
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            jmpi().scan(send.target, send.offset, recv.target, recv.offset, send.count, op.forType(type));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("scan", ex);
        }
    }

    /**
     * MPI_Scan with MPI_IN_PLACE.
     *
     * @param recvbuf the contribution, then the inclusive prefix reduction.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void scan(final Object recvbuf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        try
        {
            final Region data = Region.typed(recvbuf, count, type);
            jmpi().scan(copyOf(data, 0, data.count), 0, data.target, data.offset, data.count, op.forType(type));
            data.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("scan", ex);
        }
    }

    /**
     * MPI_Exscan: process i receives the reduction of the items of processes 0..i-1; process 0's receive buffer
     * is left as it was.
     *
     * @param sendbuf send buffer.
     * @param recvbuf the exclusive prefix reduction.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void exScan(final Object sendbuf, final Object recvbuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        try
        {
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            jmpi().exscan(send.target, send.offset, recv.target, recv.offset, send.count, op.forType(type));
            recv.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("exScan", ex);
        }
    }

    /**
     * MPI_Exscan with MPI_IN_PLACE.
     *
     * @param buf   the contribution, then the exclusive prefix reduction.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final void exScan(final Object buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        try
        {
            final Region data = Region.typed(buf, count, type);
            jmpi().exscan(copyOf(data, 0, data.count), 0, data.target, data.offset, data.count, op.forType(type));
            data.unpack();
        }
        catch (final MpiException ex)
        {
            throw raise("exScan", ex);
        }
    }

    /**
     * MPI_Iscan: {@link #scan} as a request.
     *
     * @param sendbuf a direct send buffer.
     * @param recvbuf a direct buffer of the inclusive prefix reduction.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScan(final Buffer sendbuf, final Buffer recvbuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            return Request.of(this, jmpi().iscan(send.target, send.offset, recv.target, recv.offset, send.count,
                op.forType(type)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iScan", ex);
        }
    }

    /**
     * MPI_Iscan with MPI_IN_PLACE.
     *
     * @param buf   a direct buffer: the contribution, then the inclusive prefix reduction.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iScan(final Buffer buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.typed(buf, count, type);
            return Request.of(this, jmpi().iscan(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset, data.count,
                op.forType(type)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iScan", ex);
        }
    }

    /**
     * MPI_Iexscan: {@link #exScan} as a request.
     *
     * @param sendbuf a direct send buffer.
     * @param recvbuf a direct buffer of the exclusive prefix reduction.
     * @param count   number of items.
     * @param type    their datatype.
     * @param op      reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iExScan(final Buffer sendbuf, final Buffer recvbuf, final int count, final Datatype type,
        final Op op) throws MPIException
    {
        MPI.assertDirectBuffer(sendbuf, recvbuf);
        try
        {
            final Region send = Region.typed(sendbuf, count, type);
            final Region recv = Region.typed(recvbuf, count, type);
            return Request.of(this, jmpi().iexscan(send.target, send.offset, recv.target, recv.offset, send.count,
                op.forType(type)), recv);
        }
        catch (final MpiException ex)
        {
            throw raise("iExScan", ex);
        }
    }

    /**
     * MPI_Iexscan with MPI_IN_PLACE.
     *
     * @param buf   a direct buffer: the contribution, then the exclusive prefix reduction.
     * @param count number of items.
     * @param type  their datatype.
     * @param op    reduction operation.
     * @return the request.
     * @throws MPIException under ERRORS_RETURN.
     */
    public final Request iExScan(final Buffer buf, final int count, final Datatype type, final Op op)
        throws MPIException
    {
        MPI.assertDirectBuffer(buf);
        try
        {
            final Region data = Region.typed(buf, count, type);
            return Request.of(this, jmpi().iexscan(io.jmpi.Mpi.IN_PLACE, 0, data.target, data.offset, data.count,
                op.forType(type)), data);
        }
        catch (final MpiException ex)
        {
            throw raise("iExScan", ex);
        }
    }

    private Intracomm child(final io.jmpi.Comm made)
    {
        return new Intracomm(made, errhandler(), null);
    }

    private GraphComm distGraph(final int[] sources, final int[] degrees, final int[] destinations,
        final int[] weights) throws MPIException
    {
        try
        {
            final GraphComm graph = Topologies.distGraph(this, jmpi(), sources, degrees, destinations, weights);
            return graph;
        }
        catch (final MpiException ex)
        {
            throw raise("createDistGraph", ex);
        }
    }

    private GraphComm adjacent(final int[] sources, final int[] sourceWeights, final int[] destinations,
        final int[] destWeights) throws MPIException
    {
        try
        {
            final io.jmpi.Comm c = jmpi();
            Topologies.checkRanks(sources, c.size());
            Topologies.checkRanks(destinations, c.size());
            final GraphComm graph = GraphComm.distGraph(c.dup(), errhandler(), sources.clone(),
                null == sourceWeights ? null : sourceWeights.clone(), destinations.clone(),
                null == destWeights ? null : destWeights.clone());
            return graph;
        }
        catch (final MpiException ex)
        {
            throw raise("createDistGraphAdjacent", ex);
        }
    }
}
