package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * A communicator with a graph topology (MPI_Graph_create) or, as in Open MPI, a distributed graph topology
 * (MPI_Dist_graph_create and MPI_Dist_graph_create_adjacent). The neighbour collectives receive from the
 * in-neighbours and send to the out-neighbours in the order of {@link #getDistGraphNeighbors()}; in a graph both
 * are the node's neighbours.
 */
public final class GraphComm extends Intracomm
{
    private final int[] index;
    private final int[] edges;
    private final int[] sources;
    private final int[] sourceWeights;
    private final int[] destinations;
    private final int[] destWeights;

    private GraphComm(final io.jmpi.Comm comm, final Errhandler errhandler, final int[] index, final int[] edges,
        final int[] sources, final int[] sourceWeights, final int[] destinations, final int[] destWeights)
    {
        super(comm, errhandler, null);
        this.index = index;
        this.edges = edges;
        this.sources = sources;
        this.sourceWeights = sourceWeights;
        this.destinations = destinations;
        this.destWeights = destWeights;
    }

    static GraphComm graph(final io.jmpi.Comm comm, final Errhandler errhandler, final int[] index,
        final int[] edges)
    {
        final int[] own = null == comm ? new int[0] : neighboursOf(index, edges, comm.rank());
        return new GraphComm(comm, errhandler, index, edges, own, null, own, null);
    }

    static GraphComm distGraph(final io.jmpi.Comm comm, final Errhandler errhandler, final int[] sources,
        final int[] sourceWeights, final int[] destinations, final int[] destWeights)
    {
        return new GraphComm(comm, errhandler, null, null, sources, sourceWeights, destinations, destWeights);
    }

    /**
     * MPI_Comm_dup, keeping the topology.
     *
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public GraphComm dup() throws MPIException
    {
        try
        {
            return new GraphComm(jmpi().dup(), errhandler(), index, edges, sources, sourceWeights,
                destinations, destWeights);
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
    public GraphComm dupWithInfo(final Info info) throws MPIException
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
    public GraphComm iDup() throws MPIException
    {
        final GraphComm copy = dup();
        copy.completedDup();
        return copy;
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return the copy.
     */
    @Override
    public GraphComm clone()
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
     * @return {@link MPI#GRAPH} or {@link MPI#DIST_GRAPH}.
     */
    @Override
    public int getTopology()
    {
        return null == index ? MPI.DIST_GRAPH : MPI.GRAPH;
    }

    /**
     * MPI_Graph_get.
     *
     * @return index and edges of the graph.
     * @throws MPIException under ERRORS_RETURN: ERR_TOPOLOGY for a distributed graph.
     */
    public GraphParms getDims() throws MPIException
    {
        try
        {
            return new GraphParms(graphIndex().clone(), edges.clone());
        }
        catch (final MpiException ex)
        {
            throw raise("getDims", ex);
        }
    }

    /**
     * MPI_Graph_neighbors.
     *
     * @param rank a node of the graph.
     * @return its neighbours.
     * @throws MPIException under ERRORS_RETURN: ERR_RANK for a rank out of range, ERR_TOPOLOGY for a distributed
     *                      graph.
     */
    public int[] getNeighbors(final int rank) throws MPIException
    {
        try
        {
            if (rank < 0 || rank >= graphIndex().length)
            {
                throw new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " is not a node of the graph");
            }
            return neighboursOf(index, edges, rank);
        }
        catch (final MpiException ex)
        {
            throw raise("getNeighbors", ex);
        }
    }

    /**
     * MPI_Dist_graph_neighbors_count and MPI_Dist_graph_neighbors.
     *
     * @return this process's in- and out-neighbours.
     * @throws MPIException never; declared as in Open MPI.
     */
    public DistGraphNeighbors getDistGraphNeighbors() throws MPIException
    {
        return new DistGraphNeighbors(sources.clone(), null == sourceWeights ? null : sourceWeights.clone(),
            destinations.clone(), null == destWeights ? null : destWeights.clone());
    }

    /**
     * MPI_Graph_map: the rank this process would have in such a graph, without reordering.
     *
     * @param index as for createGraph.
     * @param edges as for createGraph.
     * @return this process's rank, or {@link MPI#UNDEFINED} if the graph leaves it out.
     * @throws MPIException under ERRORS_RETURN.
     */
    public int map(final int[] index, final int[] edges) throws MPIException
    {
        try
        {
            Topologies.checkGraph(index, edges, jmpi().size());
            return jmpi().rank() < index.length ? jmpi().rank() : MPI.UNDEFINED;
        }
        catch (final MpiException ex)
        {
            throw raise("map", ex);
        }
    }

    @Override
    int[][] neighbours()
    {
        return new int[][]{ sources, destinations };
    }

    private int[] graphIndex()
    {
        if (null == index)
        {
            throw new FaceException(MPI.ERR_TOPOLOGY, "a distributed graph has no global index and edges");
        }
        return index;
    }

    private static int[] neighboursOf(final int[] index, final int[] edges, final int rank)
    {
        if (rank >= index.length)
        {
            return new int[0];
        }
        return Arrays.copyOfRange(edges, 0 == rank ? 0 : index[rank - 1], index[rank]);
    }
}
