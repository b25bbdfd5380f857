package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.CartParms;
import mpi.Cartcomm;
import mpi.GraphParms;
import mpi.Graphcomm;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.ShiftParms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cartesian and graph topologies: Dims_create, Create_cart, Get, Rank, Coords, Shift with a halo exchange, Sub,
 * Create_graph, Neighbours; on 7 ranks, so that one rank is outside a 3x2 grid.
 */
class TopologiesTest
{
    @Test
    void cartesianAndGraphTopologies()
    {
        assertEquals(List.of("ok"), JobRunner.run(7, Topologies.class).assertSuccess().linesOfRank(0));
    }

    public static final class Topologies
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();

            dimsCreate();
            cartesian(world, rank);
            graph(world, rank);

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        private static void dimsCreate() throws Exception
        {
            final int[] two = new int[2];
            Cartcomm.Dims_create(6, two);
            Check.equal(new int[]{ 3, 2 }, two, "Dims_create(6, 2 dims)");
            final int[] three = { 0, 3, 0 };
            Cartcomm.Dims_create(12, three);
            Check.equal(new int[]{ 2, 3, 2 }, three, "Dims_create with a fixed dimension");
            final int[] cube = new int[3];
            Cartcomm.Dims_create(16, cube);
            Check.equal(new int[]{ 4, 2, 2 }, cube, "Dims_create(16, 3 dims)");
            final int[] prime = new int[2];
            Cartcomm.Dims_create(7, prime);
            Check.equal(new int[]{ 7, 1 }, prime, "Dims_create of a prime");
            try
            {
                Cartcomm.Dims_create(6, new int[]{ 4, 0 });
                Check.fail("Dims_create with a dimension that does not divide");
            }
            catch (final MPIException expected)
            {
                Check.equal(13, expected.getErrorClass(), "Dims_create that cannot work (MPI_ERR_ARG)");
            }
        }

        private static void cartesian(final Intracomm world, final int rank) throws Exception
        {
            final Cartcomm grid = world.Create_cart(new int[]{ 3, 2 }, new boolean[]{ true, false }, false);
            if (6 == rank)
            {
                Check.that(null == grid, "the rank outside the grid gets null");
                return;
            }
            Check.equal(6, grid.Size(), "grid size");
            Check.equal(rank, grid.Rank(), "no reordering");
            Check.equal(MPI.CART, grid.Topo_test(), "Topo_test of a grid");
            final CartParms parms = grid.Get();
            Check.equal(new int[]{ 3, 2 }, parms.dims, "dims");
            Check.equal(new boolean[]{ true, false }, parms.periods, "periods");
            Check.equal(new int[]{ rank / 2, rank % 2 }, parms.coords, "coordinates in row-major order");
            for (int r = 0; r < 6; r++)
            {
                Check.equal(r, grid.Rank(grid.Coords(r)), "Rank(Coords(" + r + "))");
            }
            Check.equal(5, grid.Rank(new int[]{ -1, 1 }), "a periodic coordinate wraps around");
            try
            {
                grid.Rank(new int[]{ 0, 2 });
                Check.fail("a coordinate beyond a non-periodic edge");
            }
            catch (final MPIException expected)
            {
                Check.equal(13, expected.getErrorClass(), "coordinate beyond the edge (MPI_ERR_ARG)");
            }

            final ShiftParms rows = grid.Shift(0, 1);
            Check.equal(((rank / 2 + 2) % 3) * 2 + rank % 2, rows.rank_source, "periodic Shift source");
            Check.equal(((rank / 2 + 1) % 3) * 2 + rank % 2, rows.rank_dest, "periodic Shift destination");
            final ShiftParms across = grid.Shift(1, 1);
            Check.equal(0 == rank % 2 ? MPI.PROC_NULL : rank - 1, across.rank_source, "non-periodic Shift source");
            Check.equal(0 == rank % 2 ? rank + 1 : MPI.PROC_NULL, across.rank_dest, "non-periodic Shift destination");
            final int[] halo = { -1 };
            grid.Sendrecv(new int[]{ rank }, 0, 1, MPI.INT, across.rank_dest, 1,
                halo, 0, 1, MPI.INT, across.rank_source, 1);
            Check.equal(0 == rank % 2 ? -1 : rank - 1, halo[0], "halo exchange along the shift");
            final ShiftParms back = grid.Shift(0, -1);
            Check.equal(rows.rank_dest, back.rank_source, "a negative shift reverses source and destination");

            final Cartcomm column = grid.Sub(new boolean[]{ true, false });
            Check.equal(3, column.Size(), "Sub keeping dimension 0");
            Check.equal(rank / 2, column.Rank(), "rank in the sub-grid");
            Check.equal(new int[]{ 3 }, column.Get().dims, "dims of the sub-grid");
            final int[] sum = new int[1];
            column.Allreduce(new int[]{ rank }, 0, sum, 0, 1, MPI.INT, MPI.SUM);
            Check.equal(rank % 2 == 0 ? 0 + 2 + 4 : 1 + 3 + 5, sum[0], "Allreduce along a sub-grid");
            final Cartcomm row = grid.Sub(new boolean[]{ false, true });
            Check.equal(2, row.Size(), "Sub keeping dimension 1");
            final Cartcomm point = grid.Sub(new boolean[]{ false, false });
            Check.equal(1, point.Size(), "Sub keeping no dimension");
            final Cartcomm copy = grid.Dup();
            Check.equal(new int[]{ 3, 2 }, copy.Get().dims, "Dup keeps the topology");
            copy.Free();
            try
            {
                world.Create_cart(new int[]{ 4, 2 }, new boolean[2], false);
                Check.fail("a grid larger than the communicator");
            }
            catch (final MPIException expected)
            {
                Check.equal(13, expected.getErrorClass(), "a grid too large (MPI_ERR_ARG)");
            }
        }

        private static void graph(final Intracomm world, final int rank) throws Exception
        {
            final int[] index = { 2, 4, 6, 8 };
            final int[] edges = { 1, 3, 0, 2, 1, 3, 2, 0 };
            final Graphcomm ring = world.Create_graph(index, edges, false);
            if (rank >= 4)
            {
                Check.that(null == ring, "ranks outside the graph get null");
                return;
            }
            Check.equal(MPI.GRAPH, ring.Topo_test(), "Topo_test of a graph");
            final GraphParms parms = ring.Get();
            Check.equal(index, parms.index, "graph index");
            Check.equal(edges, parms.edges, "graph edges");
            final int[] neighbours = ring.Neighbours(rank);
            Check.equal(new int[]{ edges[2 * rank], edges[2 * rank + 1] }, neighbours, "Neighbours");
            final int[] fromNeighbour = new int[1];
            ring.Sendrecv(new int[]{ rank }, 0, 1, MPI.INT, (rank + 1) % 4, 2,
                fromNeighbour, 0, 1, MPI.INT, (rank + 3) % 4, 2);
            Check.equal((rank + 3) % 4, fromNeighbour[0], "messages around the graph ring");
            try
            {
                world.Create_graph(new int[]{ 1, 1 }, new int[]{ 5 }, false);
                Check.fail("an edge to a missing node");
            }
            catch (final MPIException expected)
            {
                Check.equal(13, expected.getErrorClass(), "an edge to a missing node (MPI_ERR_ARG)");
            }
        }
    }
}
