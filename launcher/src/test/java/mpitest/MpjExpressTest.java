package mpitest;

import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import mpi.Cartcomm;
import mpi.Datatype;
import mpi.Errhandler;
import mpi.Graphcomm;
import mpi.Group;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpi.Status;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What MPJ Express programs were found to need, tried as they use it: its constant values (UNDEFINED is -1),
 * MPI.NUM_OF_PROCESSORS, the null handles, REQUEST_NULL slots in request arrays, attributes, error handlers,
 * Cartcomm.Map and Graphcomm.Map, v-collectives given count arrays longer than the communicator, the empty
 * Struct, and Pack, Unpack and PACKED messages with an mpjbuf.Buffer.
 */
class MpjExpressTest
{
    @Test
    void whatMpjExpressProgramsUseOnFiveRanks()
    {
        final JobResult result = JobRunner.run(5, Program.class).assertSuccess();
        assertEquals(List.of("ok"), result.linesOfRank(0), result.toString());
    }

    @Test
    void errorsAreFatalEndsTheJobNamingTheError()
    {
        final JobResult result = JobRunner.run(2, Fatal.class);
        assertEquals(6, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("ERR_RANK"), result.toString());
        assertTrue(result.stderr().contains("ERRORS_ARE_FATAL"), result.toString());
        assertNotEquals(List.of("survived"), result.linesOfRank(0), result.toString());
    }

    public static final class Program
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();

            Check.equal(-1, MPI.UNDEFINED, "UNDEFINED is MPJ Express's -1");
            Check.equal(Runtime.getRuntime().availableProcessors(), MPI.NUM_OF_PROCESSORS, "NUM_OF_PROCESSORS");
            Check.that(MPI.SEND_OVERHEAD >= 0 && MPI.RECV_OVERHEAD >= 0, "SEND_OVERHEAD and RECV_OVERHEAD");

            nullHandles(world, rank, size);
            requestNull(world, rank, size);
            attributes(world);
            errorHandlers(world, size);
            maps(world, rank, size);
            longCountArrays(world, rank, size);
            emptyStruct(world, rank, size);
            mpjBuffers(world, rank, size);

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        private static void nullHandles(final Intracomm world, final int rank, final int size) throws MPIException
        {
            final Intracomm odd = world.Split(1 == rank % 2 ? 1 : MPI.UNDEFINED, rank);
            Check.that((1 == rank % 2) == (MPI.COMM_NULL != odd), "Split with colour UNDEFINED gives COMM_NULL");
            final Group evens = world.Group().Incl(new int[]{ 0, 2, 4 });
            Check.equal(0 == rank % 2 ? rank / 2 : -1, evens.Rank(), "a process outside a group has rank -1");
            final int[] translated = Group.Translate_ranks(world.Group(), new int[]{ 0, 1 }, evens);
            Check.equal(new int[]{ 0, -1 }, translated, "Translate_ranks gives -1 for a process not in the group");
            final Intracomm created = world.Create(evens);
            Check.that((0 == rank % 2) == (MPI.COMM_NULL != created), "Create gives COMM_NULL outside the group");
            Check.that(null == MPI.GROUP_NULL, "GROUP_NULL");
        }

        private static void requestNull(final Intracomm world, final int rank, final int size) throws MPIException
        {
            final int next = (rank + 1) % size;
            final int previous = (rank + size - 1) % size;
            final int[] out = { rank };
            final int[] in = new int[1];
            final Request[] requests = { MPI.REQUEST_NULL, world.Irecv(in, 0, 1, MPI.INT, previous, 7),
                MPI.REQUEST_NULL, world.Isend(out, 0, 1, MPI.INT, next, 7) };
            Check.that(MPI.REQUEST_NULL.Is_null(), "REQUEST_NULL is null");
            final Status any = Request.Waitany(requests);
            Check.that(1 == any.index || 3 == any.index, "Waitany skips REQUEST_NULL: index " + any.index);
            Request.Waitall(requests);
            Check.equal(previous, in[0], "the message past REQUEST_NULL slots");
            Check.equal(MPI.UNDEFINED, Request.Waitany(new Request[]{ MPI.REQUEST_NULL }).index,
                "Waitany of only REQUEST_NULL");
            Check.that(null != Request.Testany(new Request[]{ MPI.REQUEST_NULL, MPI.REQUEST_NULL }),
                "Testany of only REQUEST_NULL completes");
        }

        private static void attributes(final Intracomm world) throws MPIException
        {
            Check.equal(Integer.MAX_VALUE, ((Integer)world.Attr_get(MPI.TAG_UB)).longValue(), "TAG_UB");
            Check.equal(MPI.PROC_NULL, ((Integer)world.Attr_get(MPI.HOST)).longValue(), "HOST");
            Check.equal(MPI.ANY_SOURCE, ((Integer)world.Attr_get(MPI.IO)).longValue(), "IO");
            Check.equal(0, ((Integer)world.Attr_get(MPI.WTIME_IS_GLOBAL)).longValue(), "WTIME_IS_GLOBAL");
            try
            {
                world.Attr_get(12345);
                Check.fail("Attr_get of an unknown key");
            }
            catch (final MPIException expected)
            {
                Check.that(expected.getMessage().contains("12345"), "the unknown key is named");
            }
        }

        private static void errorHandlers(final Intracomm world, final int size) throws MPIException
        {
            Check.that(MPI.ERRORS_RETURN == world.Errorhandler_get(), "a communicator starts with ERRORS_RETURN");
            world.Errhandler_set(MPI.ERRORS_RETURN);
            try
            {
                world.Send(new int[1], 0, 1, MPI.INT, size, 0);
                Check.fail("a send to rank " + size);
            }
            catch (final MPIException expected)
            {
                Check.equal(6, expected.getErrorClass(), "ERR_RANK of a bad destination");
            }
            world.Errhandler_set(MPI.ERRORS_ARE_FATAL);
            final Intracomm dup = world.Dup();
            Check.that(MPI.ERRORS_ARE_FATAL == dup.Errhandler_get(), "Dup inherits the error handler");
            final Errhandler back = MPI.ERRORS_RETURN;
            world.Errhandler_set(back);
            dup.Errhandler_set(back);
            Check.that(MPI.ERRORS_RETURN == world.Errhandler_get(), "the handler is set back");
        }

        private static void maps(final Intracomm world, final int rank, final int size) throws MPIException
        {
            final Cartcomm grid = world.Create_cart(new int[]{ size }, new boolean[]{ true }, false);
            Check.equal(rank, grid.Map(new int[]{ size }, new boolean[]{ false }), "Cartcomm.Map of the whole grid");
            Check.equal(rank < 2 ? rank : MPI.UNDEFINED, grid.Map(new int[]{ 2 }, new boolean[]{ false }),
                "Cartcomm.Map of a smaller grid");
            final int[] index = new int[size];
            final int[] edges = new int[size];
            for (int i = 0; i < size; i++)
            {
                index[i] = i + 1;
                edges[i] = (i + 1) % size;
            }
            final Graphcomm ring = world.Create_graph(index, edges, false);
            Check.equal(rank, ring.Map(index, edges), "Graphcomm.Map of the whole graph");
            Check.equal(rank < 1 ? rank : MPI.UNDEFINED, ring.Map(new int[]{ 0 }, new int[0]),
                "Graphcomm.Map of one node");
        }

        private static void longCountArrays(final Intracomm world, final int rank, final int size)
            throws MPIException
        {
            final int[] counts = new int[size + 3];
            final int[] displs = new int[size + 3];
            Arrays.fill(counts, 99);
            Arrays.fill(displs, -1);
            for (int r = 0; r < size; r++)
            {
                counts[r] = r + 1;
                displs[r] = r * (r + 1) / 2;
            }
            final int total = size * (size + 1) / 2;
            final int[] mine = new int[rank + 1];
            Arrays.fill(mine, rank);
            final int[] all = new int[total];
            world.Gatherv(mine, 0, rank + 1, MPI.INT, all, 0, counts, displs, MPI.INT, 0);
            final int[] expected = new int[total];
            for (int r = 0; r < size; r++)
            {
                Arrays.fill(expected, displs[r], displs[r] + r + 1, r);
            }
            if (0 == rank)
            {
                Check.equal(expected, all, "Gatherv with longer count arrays");
            }
            final int[] everyone = new int[total];
            world.Allgatherv(mine, 0, rank + 1, MPI.INT, everyone, 0, counts, displs, MPI.INT);
            Check.equal(expected, everyone, "Allgatherv with longer count arrays");
            final int[] back = new int[rank + 1];
            world.Scatterv(expected, 0, counts, displs, MPI.INT, back, 0, rank + 1, MPI.INT, 0);
            Check.equal(mine, back, "Scatterv with longer count arrays");
            final int[] ones = new int[total];
            Arrays.fill(ones, 1);
            final int[] reduced = new int[rank + 1];
            world.Reduce_scatter(ones, 0, reduced, 0, counts, MPI.INT, MPI.SUM);
            final int[] sizes = new int[rank + 1];
            Arrays.fill(sizes, size);
            Check.equal(sizes, reduced, "Reduce_scatter with a longer count array");
        }

        private static void emptyStruct(final Intracomm world, final int rank, final int size) throws MPIException
        {
            final Datatype empty = Datatype.Struct(new int[0], new int[0], new Datatype[0]);
            empty.Commit();
            Check.equal(0, empty.Size(), "the empty Struct has size 0");
            final int[] untouched = { 42 };
            final Status status = world.Sendrecv(new double[0], 0, 3, empty, (rank + 1) % size, 3,
                untouched, 0, 3, empty, (rank + size - 1) % size, 3);
            Check.equal(0, status.Get_count(empty), "an empty message");
            Check.equal(42, untouched[0], "the empty type moves nothing");
        }

        private static void mpjBuffers(final Intracomm world, final int rank, final int size) throws MPIException
        {
            final int next = (rank + 1) % size;
            final int previous = (rank + size - 1) % size;
            final mpjbuf.Buffer out = new mpjbuf.Buffer(mpjbuf.BufferFactory.create(256), 0, 256);
            int position = world.Pack(new int[]{ rank, rank * 10 }, 0, 2, MPI.INT, out, 0);
            position = world.Pack(new double[]{ rank + 0.5 }, 0, 1, MPI.DOUBLE, out, position);
            Check.equal(position, out.getSize(), "Pack grows the buffer's size");
            out.commit();
            final mpjbuf.Buffer in = new mpjbuf.Buffer(mpjbuf.BufferFactory.create(256), 0, 256);
            final Request sent = world.Isend(out, 0, 1, MPI.PACKED, next, 11);
            final Status status = world.Recv(in, 0, 1, MPI.PACKED, previous, 11);
            sent.Wait();
            Check.equal(out.getSize(), in.getSize(), "the whole buffer arrives");
            Check.equal(out.getSize(), status.Get_count(MPI.PACKED), "the status counts its bytes");
            final int[] ints = new int[2];
            final double[] doubles = new double[1];
            final int after = world.Unpack(in, 0, ints, 0, 2, MPI.INT);
            world.Unpack(in, after, doubles, 0, 1, MPI.DOUBLE);
            Check.equal(new int[]{ previous, previous * 10 }, ints, "ints unpacked from the mpjbuf.Buffer");
            Check.equal(previous + 0.5, doubles[0], "a double unpacked after them");
            final mpjbuf.Buffer small = new mpjbuf.Buffer(4);
            try
            {
                world.Pack(new int[2], 0, 2, MPI.INT, small, 0);
                Check.fail("Pack past the capacity");
            }
            catch (final MPIException expected)
            {
                Check.equal(15, expected.getErrorClass(), "ERR_TRUNCATE past the capacity");
            }
        }
    }

    public static final class Fatal
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            world.Errhandler_set(MPI.ERRORS_ARE_FATAL);
            world.Barrier();
            if (0 == world.Rank())
            {
                world.Send(new int[1], 0, 1, MPI.INT, 99, 0);
                System.out.println("survived");
            }
            world.Recv(new int[1], 0, 1, MPI.INT, MPI.ANY_SOURCE, 0);
            MPI.Finalize();
        }
    }
}
