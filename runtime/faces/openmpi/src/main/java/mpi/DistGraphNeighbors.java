package mpi;

/**
 * The neighbours of this process in a distributed graph (MPI_Dist_graph_neighbors): its in-neighbours (sources)
 * and out-neighbours (destinations), with their weights if the graph has any.
 */
public final class DistGraphNeighbors
{
    private final int[] sources;
    private final int[] sourceWeights;
    private final int[] destinations;
    private final int[] destWeights;

    DistGraphNeighbors(final int[] sources, final int[] sourceWeights, final int[] destinations,
        final int[] destWeights)
    {
        this.sources = sources;
        this.sourceWeights = sourceWeights;
        this.destinations = destinations;
        this.destWeights = destWeights;
    }

    /**
     * @return the number of in-neighbours.
     */
    public int getInDegree()
    {
        return sources.length;
    }

    /**
     * @return the number of out-neighbours.
     */
    public int getOutDegree()
    {
        return destinations.length;
    }

    /**
     * @return true if the graph was made with weights.
     */
    public boolean isWeighted()
    {
        return null != sourceWeights;
    }

    /**
     * @param i an in-neighbour.
     * @return its rank.
     */
    public int getSource(final int i)
    {
        return sources[i];
    }

    /**
     * @param i an in-neighbour.
     * @return the weight of its edge.
     */
    public int getSourceWeight(final int i)
    {
        return sourceWeights[i];
    }

    /**
     * @param i an out-neighbour.
     * @return its rank.
     */
    public int getDestination(final int i)
    {
        return destinations[i];
    }

    /**
     * @param i an out-neighbour.
     * @return the weight of its edge.
     */
    public int getDestinationWeight(final int i)
    {
        return destWeights[i];
    }
}
