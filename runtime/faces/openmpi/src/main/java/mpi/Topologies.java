package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import org.agrona.collections.IntArrayList;

/**
 * Checks and constructions shared by the topology calls of {@link Intracomm}.
 */
final class Topologies
{
    private Topologies()
    {
    }

    /**
     * @return the number of processes of a Cartesian grid.
     * @throws MpiException ERR_DIMS for a dimension below 1 or arrays of different lengths.
     */
    static int product(final int[] dims, final boolean[] periods)
    {
        if (null == dims || null == periods || dims.length != periods.length)
        {
            throw new FaceException(MPI.ERR_DIMS, "dims and periods need one entry per dimension");
        }
        long nodes = 1;
        for (final int dim : dims)
        {
            if (dim < 1)
            {
                throw new FaceException(MPI.ERR_DIMS, "dimension of " + dim + " processes");
            }
            nodes *= dim;
        }
        return (int)Math.min(Integer.MAX_VALUE, nodes);
    }

    /**
     * @throws MpiException ERR_ARG unless index and edges describe a graph of at most {@code size} nodes.
     */
    static void checkGraph(final int[] index, final int[] edges, final int size)
    {
        if (null == index || null == edges || index.length > size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "a graph of more nodes than the " + size + " processes");
        }
        int previous = 0;
        for (final int end : index)
        {
            if (end < previous || end > edges.length)
            {
                throw new MpiException(ErrorClass.ERR_ARG, "index must grow from 0 to the number of edges");
            }
            previous = end;
        }
        checkRanks(edges, index.length);
    }

    /**
     * @throws MpiException ERR_RANK for a rank not in {@code 0..size-1}.
     */
    static void checkRanks(final int[] ranks, final int size)
    {
        if (null == ranks)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "neighbour ranks are null");
        }
        for (final int rank : ranks)
        {
            if (rank < 0 || rank >= size)
            {
                throw new MpiException(ErrorClass.ERR_RANK, "neighbour " + rank + " is not in 0.." + (size - 1));
            }
        }
    }

    /**
     * MPI_Dist_graph_create: every process's edges are gathered by all, and each keeps those that start or end at
     * itself, in the order of the gathering (by process, then as given).
     */
    static GraphComm distGraph(final Comm parent, final io.jmpi.Comm c, final int[] sources, final int[] degrees,
        final int[] destinations, final int[] weights)
    {
        if (null == sources || null == degrees || sources.length != degrees.length)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "sources and degrees need one entry per source");
        }
        checkRanks(sources, c.size());
        checkRanks(destinations, c.size());
        final IntArrayList mine = new IntArrayList();
        int next = 0;
        for (int i = 0; i < sources.length; i++)
        {
            for (int d = 0; d < degrees[i]; d++, next++)
            {
                mine.addInt(sources[i]);
                mine.addInt(destinations[next]);
                mine.addInt(null == weights ? 1 : weights[next]);
            }
        }
        final int[] counts = new int[c.size()];
        c.allgather(new int[]{ mine.size() }, 0, 1, counts, 0, 1);
        final int[] displs = new int[c.size()];
        for (int r = 1; r < counts.length; r++)
        {
            displs[r] = displs[r - 1] + counts[r - 1];
        }
        final int[] edges = new int[displs[counts.length - 1] + counts[counts.length - 1]];
        c.allgatherv(mine.toIntArray(), 0, mine.size(), edges, 0, counts, displs);
        final IntArrayList in = new IntArrayList();
        final IntArrayList inWeights = new IntArrayList();
        final IntArrayList out = new IntArrayList();
        final IntArrayList outWeights = new IntArrayList();
        for (int e = 0; e < edges.length; e += 3)
        {
            if (edges[e + 1] == c.rank())
            {
                in.addInt(edges[e]);
                inWeights.addInt(edges[e + 2]);
            }
            if (edges[e] == c.rank())
            {
                out.addInt(edges[e + 1]);
                outWeights.addInt(edges[e + 2]);
            }
        }
        return GraphComm.distGraph(c.dup(), parent.errhandler(), in.toIntArray(),
            null == weights ? null : inWeights.toIntArray(), out.toIntArray(),
            null == weights ? null : outWeights.toIntArray());
    }
}
