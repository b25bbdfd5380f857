package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.CartComm;
import mpi.CartParms;
import mpi.DistGraphNeighbors;
import mpi.GraphComm;
import mpi.GraphParms;
import mpi.Intracomm;
import mpi.MPI;
import mpi.ShiftParms;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Process topologies of Open MPI's Java API: Cartesian grids, graphs and distributed graphs, and the neighbour
 * collectives over each, with arrays and direct buffers.
 */
class TopologiesTest
{
    @Test
    void topologiesOnSixRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(6, Topologies.class).assertSuccess().linesOfRank(5));
    }

    @Test
    void repeatedNeighboursOnTwoRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(2, Topologies.class).assertSuccess().linesOfRank(0));
    }

    /**
     * Builds every kind of topology and runs the neighbour collectives on it.
     */
    public static final class Topologies
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();
            Check.equal(MPI.UNDEFINED, world.getTopology(), "the world has no topology");

            final int[] dims = new int[2];
            CartComm.createDims(size, dims);
            Check.equal(size, dims[0] * dims[1], "createDims fills the grid");
            Check.that(dims[0] >= dims[1], "createDims orders dimensions");
            final CartComm cart = world.createCart(dims, new boolean[]{ true, false }, false);
            Check.equal(MPI.CART, cart.getTopology(), "topology of a grid");
            final CartParms parms = cart.getTopo();
            Check.equal(2, parms.getDimCount(), "dimension count");
            Check.that(parms.getPeriod(0) && !parms.getPeriod(1), "periods");
            final int[] coords = cart.getCoords(rank);
            Check.equal(rank, coords[0] * dims[1] + coords[1], "row-major coordinates");
            Check.equal(coords[0], parms.getCoord(0), "coordinates in the parameters");
            Check.equal(rank, cart.getRank(coords), "rank of the coordinates");
            final ShiftParms down = cart.shift(0, 1);
            Check.equal(cart.getRank(new int[]{ coords[0] + 1, coords[1] }), down.getRankDest(), "periodic shift");
            Check.equal(cart.getRank(new int[]{ coords[0] - 1, coords[1] }), down.getRankSource(), "periodic source");
            final ShiftParms right = cart.shift(1, 1);
            Check.equal(coords[1] == dims[1] - 1 ? MPI.PROC_NULL : rank + 1, right.getRankDest(), "edge shift");
            final CartComm row = cart.sub(new boolean[]{ false, true });
            Check.equal(dims[1], row.getSize(), "size of a row");
            Check.equal(coords[1], row.getRank(), "rank in a row");
            Check.equal(rank, cart.map(dims, new boolean[]{ true, false }), "map of the same grid");

            final int neighbours = 4;
            final int[] blocks = new int[neighbours];
            cart.neighborAllGather(new int[]{ rank }, 1, MPI.INT, blocks, 1, MPI.INT);
            final int[] expected = {
                down.getRankSource(), down.getRankDest(), right.getRankSource(), right.getRankDest() };
            for (int j = 0; j < neighbours; j++)
            {
                Check.equal(MPI.PROC_NULL == expected[j] ? 0 : expected[j], blocks[j], "cart allgather block " + j);
            }
            final IntBuffer out = MPI.newIntBuffer(neighbours);
            for (int k = 0; k < neighbours; k++)
            {
                out.put(k, rank * 10 + k);
            }
            final IntBuffer in = MPI.newIntBuffer(neighbours);
            cart.neighborAllToAll(out, 1, MPI.INT, in, 1, MPI.INT);
            for (int j = 0; j < neighbours; j++)
            {
                if (MPI.PROC_NULL != expected[j])
                {
                    Check.equal(expected[j] * 10 + (j ^ 1), in.get(j), "cart alltoall block " + j);
                }
            }
            final int[] counts = { 2, 2, 2, 2 };
            final int[] displs = { 6, 4, 2, 0 };
            final int[] gatheredV = new int[8];
            cart.neighborAllGatherv(new int[]{ rank, -rank - 1 }, 2, MPI.INT, gatheredV, counts, displs, MPI.INT);
            for (int j = 0; j < neighbours; j++)
            {
                if (MPI.PROC_NULL != expected[j])
                {
                    Check.equal(-expected[j] - 1, gatheredV[displs[j] + 1], "cart allgatherv block " + j);
                }
            }
            final int[] sendV = new int[8];
            for (int i = 0; i < 8; i++)
            {
                sendV[i] = rank * 100 + i;
            }
            final int[] recvV = new int[8];
            cart.neighborAllToAllv(sendV, new int[]{ 2, 2, 2, 2 }, new int[]{ 0, 2, 4, 6 }, MPI.INT, recvV,
                new int[]{ 2, 2, 2, 2 }, new int[]{ 6, 4, 2, 0 }, MPI.INT);
            for (int j = 0; j < neighbours; j++)
            {
                if (MPI.PROC_NULL != expected[j])
                {
                    Check.equal(expected[j] * 100 + 2 * (j ^ 1) + 1, recvV[6 - 2 * j + 1], "cart alltoallv " + j);
                }
            }

            final int[] index = new int[size];
            final int[] edges = new int[2 * size];
            for (int r = 0; r < size; r++)
            {
                index[r] = 2 * (r + 1);
                edges[2 * r] = (r + 1) % size;
                edges[2 * r + 1] = (r + size - 1) % size;
            }
            final GraphComm ring = world.createGraph(index, edges, false);
            Check.equal(MPI.GRAPH, ring.getTopology(), "topology of a graph");
            final GraphParms graph = ring.getDims();
            Check.equal(size, graph.getIndexCount(), "graph index count");
            Check.equal(2 * size, graph.getEdgeCount(), "graph edge count");
            Check.equal(new int[]{ (rank + 1) % size, (rank + size - 1) % size }, ring.getNeighbors(rank),
                "graph neighbours");
            final int[] fromRing = new int[2];
            ring.neighborAllGather(new int[]{ rank + 1 }, 1, MPI.INT, fromRing, 1, MPI.INT);
            Check.equal(new int[]{ (rank + 1) % size + 1, (rank + size - 1) % size + 1 }, fromRing,
                "graph allgather");

            final int[] sources = { rank };
            final int[] degrees = { 1 };
            final int[] destinations = { (rank + 1) % size };
            final GraphComm dist = world.createDistGraph(sources, degrees, destinations, new int[]{ rank + 5 },
                MPI.INFO_NULL, false);
            Check.equal(MPI.DIST_GRAPH, dist.getTopology(), "topology of a distributed graph");
            final DistGraphNeighbors mine = dist.getDistGraphNeighbors();
            Check.equal(1, mine.getInDegree(), "in-degree");
            Check.equal(1, mine.getOutDegree(), "out-degree");
            Check.that(mine.isWeighted(), "weighted distributed graph");
            Check.equal((rank + size - 1) % size, mine.getSource(0), "in-neighbour");
            Check.equal((rank + size - 1) % size + 5, mine.getSourceWeight(0), "in-neighbour weight");
            Check.equal((rank + 1) % size, mine.getDestination(0), "out-neighbour");
            final int[] fromDist = new int[1];
            dist.neighborAllToAll(new int[]{ rank * 3 }, 1, MPI.INT, fromDist, 1, MPI.INT);
            Check.equal((rank + size - 1) % size * 3, fromDist[0], "distributed graph alltoall");

            final GraphComm adjacent = world.createDistGraphAdjacent(new int[]{ (rank + 1) % size },
                new int[]{ (rank + size - 1) % size }, MPI.INFO_NULL, false);
            Check.that(!adjacent.getDistGraphNeighbors().isWeighted(), "unweighted adjacent graph");
            final int[] fromAdjacent = new int[1];
            adjacent.neighborAllGather(new int[]{ rank }, 1, MPI.INT, fromAdjacent, 1, MPI.INT);
            Check.equal((rank + 1) % size, fromAdjacent[0], "adjacent graph allgather");

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
