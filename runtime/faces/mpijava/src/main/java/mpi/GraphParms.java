package mpi;

/**
 * The topology of a {@link Graphcomm}, from {@link Graphcomm#Get()} (MPI_Graph_get; the numbers of nodes and
 * edges, MPI_Graphdims_get, are the lengths of the arrays).
 */
public class GraphParms
{
    /** Cumulative neighbour counts: node i's neighbours end at {@code index[i]}. */
    public int[] index;
    /** The neighbours of every node, one node after another. */
    public int[] edges;

    GraphParms(final int[] index, final int[] edges)
    {
        this.index = index;
        this.edges = edges;
    }
}
