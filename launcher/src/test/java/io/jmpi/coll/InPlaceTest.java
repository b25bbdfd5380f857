package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static io.jmpi.coll.NonblockingCollectivesTest.counts;
import static io.jmpi.coll.NonblockingCollectivesTest.data;
import static io.jmpi.coll.NonblockingCollectivesTest.extent;
import static io.jmpi.coll.NonblockingCollectivesTest.pair;
import static io.jmpi.coll.NonblockingCollectivesTest.reverseDisplacements;
import static io.jmpi.coll.NonblockingCollectivesTest.same;
import static io.jmpi.coll.NonblockingCollectivesTest.sum;
import static io.jmpi.coll.TestArrays.COMPOSE;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.check;
import static io.jmpi.coll.TestArrays.fold;
import static io.jmpi.coll.TestArrays.operands;
import static io.jmpi.coll.TestArrays.seed;

/**
 * {@link Mpi#IN_PLACE} in every collective that MPI-3.1 allows it in, blocking and nonblocking, against values
 * computed locally, with the offsets and counts that go with IN_PLACE set to nonsense (they are ignored); then bad
 * input: IN_PLACE where MPI does not allow it, cancelling a collective request, bad arguments of nonblocking
 * collectives, after which the communicator still works.
 */
class InPlaceTest
{
    /** What MPI ignores next to IN_PLACE: nonsense values must not matter. */
    private static final int IGNORED = 123_456;

    @ParameterizedTest
    @ValueSource(ints = { 3, 8 })
    void inPlaceCollectivesMatchTheirDefinitionAndBadInputRaisesItsErrorClass(final int ranks)
    {
        final JobResult result = JobRunner.run(List.of(), CollectiveSuite.TIMEOUT, ranks, Program.class);
        for (int rank = 0; rank < ranks; rank++)
        {
            check(result.linesOfRank(rank).contains("in place ok"), "in place failed at rank " + rank + ": " + result);
            check(result.linesOfRank(rank).contains("bad input ok"), "bad input failed at rank " + rank + ": " + result);
        }
        result.assertSuccess();
    }

    public static final class Program
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                try
                {
                    for (final boolean nonblocking : new boolean[]{ false, true })
                    {
                        for (final int count : new int[]{ 3, 1500 })
                        {
                            inPlace(world, nonblocking, count);
                        }
                        byteBuffer(world, nonblocking);
                        nonCommutative(world, nonblocking);
                    }
                    System.out.println("in place ok");
                    badInput(world);
                    System.out.println("bad input ok");
                }
                catch (final AssertionError ex)
                {
                    System.out.println("FAILED: " + ex.getMessage());
                    ex.printStackTrace();
                    mpi.abort(1);
                }
            }
        }

        /**
         * Run a collective in the form asked for: the nonblocking one is waited for.
         */
        private static void call(final boolean nonblocking, final Runnable blocking, final Nonblocking start)
        {
            if (nonblocking)
            {
                start.start().waitFor();
            }
            else
            {
                blocking.run();
            }
        }

        @FunctionalInterface
        interface Nonblocking
        {
            Request start();
        }

        private static void inPlace(final Comm world, final boolean nonblocking, final int count)
        {
            final int size = world.size();
            final int rank = world.rank();
            final String form = (nonblocking ? "nonblocking" : "blocking") + " count " + count + ": ";
            final Object in = Mpi.IN_PLACE;

            final int reduceRoot = 1 % size;
            final int[] reduced = data(1, rank, count);
            if (rank == reduceRoot)
            {
                call(nonblocking, () -> world.reduce(in, IGNORED, reduced, 0, count, Op.SUM, reduceRoot),
                    () -> world.ireduce(in, IGNORED, reduced, 0, count, Op.SUM, reduceRoot));
                same(sum(1, 0, size, count), reduced, form + "reduce in place at the root");
            }
            else
            {
                call(nonblocking, () -> world.reduce(reduced, 0, new int[count], 0, count, Op.SUM, reduceRoot),
                    () -> world.ireduce(reduced, 0, new int[count], 0, count, Op.SUM, reduceRoot));
            }

            final int[] allReduced = new int[count + 2];
            System.arraycopy(data(2, rank, count), 0, allReduced, 1, count);
            allReduced[0] = -1;
            allReduced[count + 1] = -2;
            call(nonblocking, () -> world.allreduce(in, IGNORED, allReduced, 1, count, Op.SUM),
                () -> world.iallreduce(in, IGNORED, allReduced, 1, count, Op.SUM));
            final int[] expectedAll = new int[count + 2];
            System.arraycopy(sum(2, 0, size, count), 0, expectedAll, 1, count);
            expectedAll[0] = -1;
            expectedAll[count + 1] = -2;
            same(expectedAll, allReduced, form + "allreduce in place");

            gathers(world, nonblocking, count, form);
            scatters(world, nonblocking, count, form);
            allgathers(world, nonblocking, count, form);
            alltoalls(world, nonblocking, count, form);

            final int[] blockCounts = counts(size, count);
            final int total = Arrays.stream(blockCounts).sum();
            final int start = Arrays.stream(blockCounts, 0, rank).sum();
            final int[] scattered = data(9, rank, total);
            call(nonblocking, () -> world.reduceScatter(in, IGNORED, scattered, 0, blockCounts, Op.SUM),
                () -> world.ireduceScatter(in, IGNORED, scattered, 0, blockCounts, Op.SUM));
            same(Arrays.copyOfRange(sum(9, 0, size, total), start, start + blockCounts[rank]),
                Arrays.copyOf(scattered, blockCounts[rank]), form + "reduceScatter in place");

            final int[] blockScattered = data(10, rank, size * count);
            call(nonblocking, () -> world.reduceScatterBlock(in, IGNORED, blockScattered, 0, count, Op.SUM),
                () -> world.ireduceScatterBlock(in, IGNORED, blockScattered, 0, count, Op.SUM));
            same(Arrays.copyOfRange(sum(10, 0, size, size * count), rank * count, (rank + 1) * count),
                Arrays.copyOf(blockScattered, count), form + "reduceScatterBlock in place");

            final int[] scanned = data(11, rank, count);
            call(nonblocking, () -> world.scan(in, IGNORED, scanned, 0, count, Op.SUM),
                () -> world.iscan(in, IGNORED, scanned, 0, count, Op.SUM));
            same(sum(11, 0, rank + 1, count), scanned, form + "scan in place");

            final int[] exscanned = data(12, rank, count);
            call(nonblocking, () -> world.exscan(in, IGNORED, exscanned, 0, count, Op.SUM),
                () -> world.iexscan(in, IGNORED, exscanned, 0, count, Op.SUM));
            if (rank > 0)
            {
                same(sum(12, 0, rank, count), exscanned, form + "exscan in place");
            }
        }

        private static void gathers(final Comm world, final boolean nonblocking, final int count, final String form)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int root = size - 1;
            final int[] gathered = new int[size * count];
            if (rank == root)
            {
                System.arraycopy(data(3, root, count), 0, gathered, root * count, count);
                call(nonblocking, () -> world.gather(Mpi.IN_PLACE, IGNORED, IGNORED, gathered, 0, count, root),
                    () -> world.igather(Mpi.IN_PLACE, IGNORED, IGNORED, gathered, 0, count, root));
                final int[] expected = new int[size * count];
                for (int r = 0; r < size; r++)
                {
                    System.arraycopy(data(3, r, count), 0, expected, r * count, count);
                }
                same(expected, gathered, form + "gather in place at the root");
            }
            else
            {
                call(nonblocking, () -> world.gather(data(3, rank, count), 0, count, gathered, 0, count, root),
                    () -> world.igather(data(3, rank, count), 0, count, gathered, 0, count, root));
            }

            final int[] counts = counts(size, count);
            final int[] displacements = reverseDisplacements(counts);
            final int[] gatheredv = new int[extent(counts, displacements)];
            if (rank == root)
            {
                System.arraycopy(data(4, root, counts[root]), 0, gatheredv, displacements[root], counts[root]);
                call(nonblocking, () -> world.gatherv(
                        Mpi.IN_PLACE, IGNORED, IGNORED, gatheredv, 0, counts, displacements, root),
                    () -> world.igatherv(Mpi.IN_PLACE, IGNORED, IGNORED, gatheredv, 0, counts, displacements, root));
                final int[] expected = new int[gatheredv.length];
                for (int r = 0; r < size; r++)
                {
                    System.arraycopy(data(4, r, counts[r]), 0, expected, displacements[r], counts[r]);
                }
                same(expected, gatheredv, form + "gatherv in place at the root");
            }
            else
            {
                call(nonblocking, () -> world.gatherv(
                        data(4, rank, counts[rank]), 0, counts[rank], gatheredv, 0, counts, displacements, root),
                    () -> world.igatherv(
                        data(4, rank, counts[rank]), 0, counts[rank], gatheredv, 0, counts, displacements, root));
            }
        }

        private static void scatters(final Comm world, final boolean nonblocking, final int count, final String form)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int root = 0;
            final int[] blocks = new int[size * count];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(5, r, count), 0, blocks, r * count, count);
            }
            if (rank == root)
            {
                final int[] send = blocks.clone();
                call(nonblocking, () -> world.scatter(send, 0, count, Mpi.IN_PLACE, IGNORED, IGNORED, root),
                    () -> world.iscatter(send, 0, count, Mpi.IN_PLACE, IGNORED, IGNORED, root));
                same(blocks, send, form + "scatter in place leaves the root's buffer as it was");
            }
            else
            {
                final int[] recv = new int[count];
                call(nonblocking, () -> world.scatter(null, 0, count, recv, 0, count, root),
                    () -> world.iscatter(null, 0, count, recv, 0, count, root));
                same(data(5, rank, count), recv, form + "scatter with the root in place");
            }

            final int[] counts = counts(size, count);
            final int[] displacements = reverseDisplacements(counts);
            final int[] blocksv = new int[extent(counts, displacements)];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(6, r, counts[r]), 0, blocksv, displacements[r], counts[r]);
            }
            if (rank == root)
            {
                final int[] send = blocksv.clone();
                call(nonblocking, () -> world.scatterv(
                        send, 0, counts, displacements, Mpi.IN_PLACE, IGNORED, IGNORED, root),
                    () -> world.iscatterv(send, 0, counts, displacements, Mpi.IN_PLACE, IGNORED, IGNORED, root));
                same(blocksv, send, form + "scatterv in place leaves the root's buffer as it was");
            }
            else
            {
                final int[] recv = new int[counts[rank]];
                call(nonblocking, () -> world.scatterv(null, 0, counts, displacements, recv, 0, counts[rank], root),
                    () -> world.iscatterv(null, 0, counts, displacements, recv, 0, counts[rank], root));
                same(data(6, rank, counts[rank]), recv, form + "scatterv with the root in place");
            }
        }

        private static void allgathers(
            final Comm world, final boolean nonblocking, final int count, final String form)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int[] gathered = new int[size * count];
            System.arraycopy(data(7, rank, count), 0, gathered, rank * count, count);
            call(nonblocking, () -> world.allgather(Mpi.IN_PLACE, IGNORED, IGNORED, gathered, 0, count),
                () -> world.iallgather(Mpi.IN_PLACE, IGNORED, IGNORED, gathered, 0, count));
            final int[] expected = new int[size * count];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(7, r, count), 0, expected, r * count, count);
            }
            same(expected, gathered, form + "allgather in place");

            final int[] counts = counts(size, count);
            final int[] displacements = reverseDisplacements(counts);
            final int[] gatheredv = new int[extent(counts, displacements)];
            System.arraycopy(data(8, rank, counts[rank]), 0, gatheredv, displacements[rank], counts[rank]);
            call(nonblocking,
                () -> world.allgatherv(Mpi.IN_PLACE, IGNORED, IGNORED, gatheredv, 0, counts, displacements),
                () -> world.iallgatherv(Mpi.IN_PLACE, IGNORED, IGNORED, gatheredv, 0, counts, displacements));
            final int[] expectedv = new int[gatheredv.length];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(8, r, counts[r]), 0, expectedv, displacements[r], counts[r]);
            }
            same(expectedv, gatheredv, form + "allgatherv in place");
        }

        private static void alltoalls(final Comm world, final boolean nonblocking, final int count, final String form)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int[] exchanged = new int[size * count];
            final int[] expected = new int[size * count];
            for (int j = 0; j < size; j++)
            {
                for (int i = 0; i < count; i++)
                {
                    exchanged[j * count + i] = pair(13, rank, j, i);
                    expected[j * count + i] = pair(13, j, rank, i);
                }
            }
            call(nonblocking, () -> world.alltoall(Mpi.IN_PLACE, IGNORED, IGNORED, exchanged, 0, count),
                () -> world.ialltoall(Mpi.IN_PLACE, IGNORED, IGNORED, exchanged, 0, count));
            same(expected, exchanged, form + "alltoall in place");

            // in place, what goes from i to j is what comes from j to i: the counts are symmetric
            final int[] counts = new int[size];
            Arrays.setAll(counts, j -> count + (rank + j) % 3);
            final int[] displacements = reverseDisplacements(counts);
            final int[] exchangedv = new int[extent(counts, displacements)];
            final int[] expectedv = new int[exchangedv.length];
            for (int j = 0; j < size; j++)
            {
                for (int i = 0; i < counts[j]; i++)
                {
                    exchangedv[displacements[j] + i] = pair(14, rank, j, i);
                    expectedv[displacements[j] + i] = pair(14, j, rank, i);
                }
            }
            call(nonblocking, () -> world.alltoallv(
                    Mpi.IN_PLACE, IGNORED, null, null, exchangedv, 0, counts, displacements),
                () -> world.ialltoallv(Mpi.IN_PLACE, IGNORED, null, null, exchangedv, 0, counts, displacements));
            same(expectedv, exchangedv, form + "alltoallv in place");
        }

        private static void byteBuffer(final Comm world, final boolean nonblocking)
        {
            final int size = world.size();
            final int count = 4000;
            final byte[][] contributions = new byte[size][];
            for (int r = 0; r < size; r++)
            {
                contributions[r] = (byte[])operands(Op.SUM, Datatype.BYTE, count, r, seed(900, r));
            }
            final ByteBuffer buffer = ByteBuffer.allocateDirect(count + 8);
            buffer.put(8, contributions[world.rank()]);
            call(nonblocking, () -> world.allreduce(Mpi.IN_PLACE, IGNORED, buffer, 8, count, Op.SUM),
                () -> world.iallreduce(Mpi.IN_PLACE, IGNORED, buffer, 8, count, Op.SUM));
            final byte[] actual = new byte[count];
            buffer.get(8, actual);
            assertSame(fold(Op.SUM, contributions, count), actual, "allreduce in place of a direct ByteBuffer");
        }

        private static void nonCommutative(final Comm world, final boolean nonblocking)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int count = 6;
            final Object[] contributions = new Object[size];
            for (int r = 0; r < size; r++)
            {
                contributions[r] = operands(COMPOSE, Datatype.LONG, count, r, seed(901, r));
            }
            final long[] reduced = ((long[])contributions[rank]).clone();
            call(nonblocking, () -> world.allreduce(Mpi.IN_PLACE, 0, reduced, 0, count, COMPOSE),
                () -> world.iallreduce(Mpi.IN_PLACE, 0, reduced, 0, count, COMPOSE));
            assertSame(fold(COMPOSE, contributions, count), reduced, "allreduce COMPOSE in place");
            final long[] scanned = ((long[])contributions[rank]).clone();
            call(nonblocking, () -> world.scan(Mpi.IN_PLACE, 0, scanned, 0, count, COMPOSE),
                () -> world.iscan(Mpi.IN_PLACE, 0, scanned, 0, count, COMPOSE));
            assertSame(fold(COMPOSE, Arrays.copyOf(contributions, rank + 1), count), scanned, "scan COMPOSE in place");
        }

        /**
         * Every case fails at every rank, so that no rank starts a collective the others do not.
         */
        private static void badInput(final Comm world)
        {
            final int size = world.size();
            final int rank = world.rank();
            final Object in = Mpi.IN_PLACE;
            final int[] ints = new int[8];

            final int[] reduced = new int[4];
            final Request request = world.iallreduce(data(20, rank, 4), 0, reduced, 0, 4, Op.SUM);
            expect(ErrorClass.ERR_REQUEST, "cancel", request::cancel, "cancel of an iallreduce request");
            request.waitFor();
            same(sum(20, 0, size, 4), reduced, "iallreduce after a refused cancel");
            expect(ErrorClass.ERR_REQUEST, "cancel", request::cancel, "cancel of a completed iallreduce request");

            expect(ErrorClass.ERR_BUFFER, "IN_PLACE", () -> world.bcast(in, 0, 4, 0), "bcast of IN_PLACE");
            expect(ErrorClass.ERR_BUFFER, "IN_PLACE", () -> world.ibcast(in, 0, 4, 0), "ibcast of IN_PLACE");
            expect(ErrorClass.ERR_BUFFER, "IN_PLACE", () -> world.allreduce(ints, 0, in, 0, 4, Op.SUM),
                "allreduce into IN_PLACE");
            expect(ErrorClass.ERR_BUFFER, "IN_PLACE", () -> world.iallreduce(ints, 0, in, 0, 4, Op.SUM),
                "iallreduce into IN_PLACE");
            expect(ErrorClass.ERR_BUFFER, "IN_PLACE", () -> world.send(in, 0, 4, (rank + 1) % size, 1),
                "send of IN_PLACE");
            // IN_PLACE is allowed at the root only: the root fails too, for a null receive buffer
            final String nonRoot = 0 == rank ? null : "IN_PLACE";
            expect(ErrorClass.ERR_BUFFER, nonRoot, () -> world.reduce(in, 0, 0 == rank ? null : ints, 0, 4, Op.SUM, 0),
                "reduce with IN_PLACE off the root");
            expect(ErrorClass.ERR_BUFFER, nonRoot,
                () -> world.ireduce(in, 0, 0 == rank ? null : ints, 0, 4, Op.SUM, 0), "ireduce with IN_PLACE off the root");
            expect(ErrorClass.ERR_BUFFER, nonRoot, () -> world.gather(in, 0, 1, 0 == rank ? null : ints, 0, 1, 0),
                "gather with IN_PLACE off the root");
            expect(ErrorClass.ERR_BUFFER, nonRoot, () -> world.igather(in, 0, 1, 0 == rank ? null : ints, 0, 1, 0),
                "igather with IN_PLACE off the root");
            expect(ErrorClass.ERR_BUFFER, nonRoot, () -> world.scatter(0 == rank ? null : ints, 0, 1, in, 0, 1, 0),
                "scatter into IN_PLACE off the root");
            expect(ErrorClass.ERR_BUFFER, nonRoot, () -> world.iscatter(0 == rank ? null : ints, 0, 1, in, 0, 1, 0),
                "iscatter into IN_PLACE off the root");

            expect(ErrorClass.ERR_BUFFER, null, () -> world.ibcast(null, 0, 1, 0), "ibcast of null");
            expect(ErrorClass.ERR_ROOT, null, () -> world.ibcast(ints, 0, 1, size), "ibcast to root size");
            expect(ErrorClass.ERR_OP, null, () -> world.iallreduce(ints, 0, new int[8], 0, 1, null),
                "iallreduce without an operation");
            expect(ErrorClass.ERR_ARG, null, () -> world.ialltoallv(
                ints, 0, new int[size + 1], new int[size], new int[8], 0, new int[size], new int[size]),
                "ialltoallv with too many send counts");
            expect(ErrorClass.ERR_COUNT, null, () -> world.ireduceScatterBlock(ints, 0, new int[8], 0, -1, Op.SUM),
                "ireduceScatterBlock of a negative count");

            // the communicator still works, and its nonblocking collectives still match
            final int[] after = new int[4];
            world.iallreduce(data(21, rank, 4), 0, after, 0, 4, Op.SUM).waitFor();
            same(sum(21, 0, size, 4), after, "iallreduce after bad input");
            world.allreduce(data(22, rank, 4), 0, after, 0, 4, Op.SUM);
            same(sum(22, 0, size, 4), after, "allreduce after bad input");
        }

        private static void expect(
            final ErrorClass errorClass, final String mentioned, final Runnable call, final String what)
        {
            try
            {
                call.run();
            }
            catch (final MpiException ex)
            {
                check(errorClass == ex.errorClass(), what + ": " + ex.getMessage() + ", expected " + errorClass);
                check(null == mentioned || ex.getMessage().contains(mentioned),
                    what + ": " + ex.getMessage() + " does not mention " + mentioned);
                return;
            }
            throw new AssertionError(what + ": no exception, expected " + errorClass);
        }
    }
}
