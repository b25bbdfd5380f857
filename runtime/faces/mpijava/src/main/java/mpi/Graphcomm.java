package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.util.Arrays;

/**
 * A communicator with a graph topology (from {@link Intracomm#Create_graph}). Rank r of the graph is rank r of
 * the communicator it was made from (no reordering); the topology is only the neighbour lists.
 */
public class Graphcomm extends Intracomm
{
    private final int[] index;
    private final int[] edges;

    Graphcomm(final io.jmpi.Comm comm, final int[] index, final int[] edges)
    {
        super(comm);
        this.index = index;
        this.edges = edges;
    }

    /**
     * MPI_Comm_dup of a graph communicator: a new context, the same topology.
     *
     * @return the duplicate.
     */
    public Graphcomm Dup() throws MPIException
    {
        try
        {
            return new Graphcomm(comm.dup(), index, edges);
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Topo_test.
     *
     * @return {@link MPI#GRAPH}.
     */
    public int Topo_test() throws MPIException
    {
        return MPI.GRAPH;
    }

    /**
     * MPI_Graph_get.
     *
     * @return copies of the index and edges arrays.
     */
    public GraphParms Get() throws MPIException
    {
        return new GraphParms(index.clone(), edges.clone());
    }

    /**
     * MPI_Graph_map: the rank this process would have in a graph topology of this communicator's processes. jmpi
     * does not reorder (as Open MPI's default does not): a process keeps its rank if it is a node.
     *
     * @param index cumulative neighbour counts of the nodes.
     * @param edges the neighbours.
     * @return this process's rank in the graph, or {@link MPI#UNDEFINED} if the graph has fewer nodes.
     * @throws MPIException ERR_ARG if the arrays do not describe a graph of at most this communicator's size.
     */
    public int Map(final int[] index, final int[] edges) throws MPIException
    {
        try
        {
            checkGraph(index, edges, comm.size());
            return comm.rank() < index.length ? comm.rank() : MPI.UNDEFINED;
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Graph_neighbors (mpiJava's spelling).
     *
     * @param rank a node of the graph.
     * @return its neighbours, in the order given to {@link Intracomm#Create_graph}.
     * @throws MPIException ERR_RANK if the rank is not a node.
     */
    public int[] Neighbours(final int rank) throws MPIException
    {
        if (rank < 0 || rank >= index.length)
        {
            throw failed(new MpiException(ErrorClass.ERR_RANK, "rank " + rank + " is not in 0.." +
                (index.length - 1)));
        }
        return Arrays.copyOfRange(edges, 0 == rank ? 0 : index[rank - 1], index[rank]);
    }

    /**
     * Check the arguments of a graph topology.
     *
     * @param index cumulative neighbour counts.
     * @param edges neighbours.
     * @param size  processes available.
     */
    static void checkGraph(final int[] index, final int[] edges, final int size)
    {
        if (index.length > size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "a graph of " + index.length + " nodes needs more than the " +
                size + " processes of the communicator");
        }
        for (int i = 0; i < index.length; i++)
        {
            if (index[i] < (0 == i ? 0 : index[i - 1]))
            {
                throw new MpiException(ErrorClass.ERR_ARG, "index " + Arrays.toString(index) + " decreases");
            }
        }
        if ((0 == index.length ? 0 : index[index.length - 1]) != edges.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "index ends at " + index[index.length - 1] + " but there are " +
                edges.length + " edges");
        }
        for (final int edge : edges)
        {
            if (edge < 0 || edge >= index.length)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "edge to " + edge + " is not a node in 0.." +
                    (index.length - 1));
            }
        }
    }
}
