package mpi;

/**
 * The topology of a graph {@link GraphComm} (MPI_Graph_get): index and edges as given to createGraph.
 */
public final class GraphParms
{
    private final int[] index;
    private final int[] edges;

    GraphParms(final int[] index, final int[] edges)
    {
        this.index = index;
        this.edges = edges;
    }

    /**
     * @return the number of nodes.
     */
    public int getIndexCount()
    {
        return index.length;
    }

    /**
     * @param i a node.
     * @return the number of edges of nodes 0..i.
     */
    public int getIndex(final int i)
    {
        return index[i];
    }

    /**
     * @return the number of edges.
     */
    public int getEdgeCount()
    {
        return edges.length;
    }

    /**
     * @param i an edge.
     * @return its neighbour.
     */
    public int getEdge(final int i)
    {
        return edges[i];
    }
}
