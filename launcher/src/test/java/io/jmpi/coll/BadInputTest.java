package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static io.jmpi.coll.TestArrays.check;
import static io.jmpi.coll.TestArrays.force;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments to collectives raise MpiException with the MPI error class of the fault at the ranks that can see
 * it, and leave the communicator usable: after each case a correct collective must still give the right result,
 * even where other ranks went ahead and sent data for the failed call (a root whose broadcast only sends, by
 * multicast or binomial tree, completes while the others reject their buffers).
 */
class BadInputTest
{
    @Test
    void badArgumentsRaiseTheirErrorClassAndLeaveTheCommunicatorUsable()
    {
        final JobResult result = JobRunner.run(3, Program.class).assertSuccess();
        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals("bad input ok", result.linesOfRank(rank).get(result.linesOfRank(rank).size() - 1),
                result.toString());
        }
        final List<String> messages = result.linesOfRank(0);
        assertTrue(messages.contains("ERR_BUFFER: buffer is null"), result.toString());
        assertTrue(messages.contains("ERR_OP: SUM is not defined on BOOLEAN"), result.toString());
        assertTrue(messages.contains("ERR_ARG: recvCounts has 2 entries: it needs one per rank, 3"), result.toString());
        // the count given, not the product of one block per rank
        assertTrue(messages.contains("ERR_COUNT: sendBuffer: count=-1 is negative"), result.toString());
        assertTrue(messages.contains("ERR_COUNT: recvBuffer: count=-1 is negative"), result.toString());
    }

    public static final class Program
    {
        private static Comm world;

        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                world = mpi.world();
                final boolean root = 0 == world.rank();
                final int size = world.size();
                final int[] ints = new int[8];
                final int[] big = new int[8 * size];

                expect(ErrorClass.ERR_BUFFER, true, () -> world.bcast(null, 0, 1, 0), true);
                expect(ErrorClass.ERR_COUNT, true, () -> world.bcast(ints, 0, -1, 0), false);
                expect(ErrorClass.ERR_ROOT, true, () -> world.bcast(ints, 0, 1, size), false);
                expect(ErrorClass.ERR_TYPE, true, () -> world.bcast("text", 0, 1, 0), false);
                expect(ErrorClass.ERR_BUFFER, true, () -> world.bcast(ints, 4, 5, 0), false);
                for (final String algorithm : new String[]{ "multicast", "binomial" })
                {
                    force("bcast", algorithm);
                    final ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();
                    expect(ErrorClass.ERR_BUFFER, !root,
                        () -> world.bcast(root ? ByteBuffer.allocate(8) : readOnly, 0, 8, 0), false);
                }
                force("bcast", "multicast");
                expect(ErrorClass.ERR_TRUNCATE, 1 == world.rank(),
                    () -> world.bcast(ints, 0, 1 == world.rank() ? 3 : 4, 0), false);
                expect(ErrorClass.ERR_ARG, true, () -> forcedBcast("nope", ints), false);
                force("bcast", "");

                expect(ErrorClass.ERR_OP, true, () -> world.allreduce(ints, 0, big, 0, 1, null), false);
                expect(ErrorClass.ERR_OP, true,
                    () -> world.allreduce(new boolean[1], 0, new boolean[1], 0, 1, Op.SUM), true);
                expect(ErrorClass.ERR_OP, true,
                    () -> world.allreduce(new double[1], 0, new double[1], 0, 1, Op.BAND), false);
                expect(ErrorClass.ERR_COUNT, true, () -> world.allreduce(ints, 0, big, 0, 3, Op.MINLOC), false);
                expect(ErrorClass.ERR_TYPE, true, () -> world.allreduce(ints, 0, new long[1], 0, 1, Op.SUM), false);
                expect(ErrorClass.ERR_BUFFER, true, () -> world.allreduce(ints, 0, big, 0, big.length + 1, Op.SUM),
                    false);
                expect(ErrorClass.ERR_OP, true, () -> Op.user(null, true), false);
                expect(ErrorClass.ERR_BUFFER, root, () -> world.reduce(ints, 0, null, 0, 1, Op.SUM, 0), false);

                expect(ErrorClass.ERR_BUFFER, root, () -> world.gather(ints, 0, 8, ints, 0, 8, 0), false);
                expect(ErrorClass.ERR_TRUNCATE, root, () -> world.gather(ints, 0, 8, big, 0, 7, 0), false);
                force("gather", "linear");
                expect(ErrorClass.ERR_TRUNCATE, root,
                    () -> world.gather(ints, 0, 1 == world.rank() ? 8 : 7, big, 0, 7, 0), false);
                force("gather", "");
                expect(ErrorClass.ERR_ARG, root,
                    () -> world.gatherv(ints, 0, 1, big, 0, new int[size - 1], new int[size - 1], 0), false);
                expect(ErrorClass.ERR_ARG, true,
                    () -> world.allgatherv(ints, 0, 1, big, 0, new int[]{ 1, 1, 1 }, null), false);
                expect(ErrorClass.ERR_BUFFER, true,
                    () -> world.allgatherv(ints, 0, 1, big, 0, new int[]{ 1, 1, 1 }, new int[]{ 0, 1, 99 }), false);
                expect(ErrorClass.ERR_BUFFER, true, () -> world.allgather(ints, 0, 8, ints, 0, 8), false);
                expect(ErrorClass.ERR_TRUNCATE, true, () -> world.allgather(ints, 0, 2, big, 0, 1), false);
                expect(ErrorClass.ERR_COUNT, true, () -> world.alltoall(big, 0, 1, big, 0, 2), false);
                expect(ErrorClass.ERR_COUNT, true, () -> world.alltoall(big, 0, -1, big, 0, -1), true);
                expect(ErrorClass.ERR_COUNT, true, () -> world.allgather(ints, 0, 1, big, 0, -1), true);
                expect(ErrorClass.ERR_COUNT, true,
                    () -> world.alltoallv(big, 0, new int[]{ 1, -1, 1 }, new int[3], big, 0, new int[3], new int[3]),
                    false);
                expect(ErrorClass.ERR_ARG, true,
                    () -> world.reduceScatter(big, 0, ints, 0, new int[size - 1], Op.SUM), true);
                expect(ErrorClass.ERR_COUNT, true,
                    () -> world.reduceScatter(big, 0, ints, 0, new int[]{ 2, 3, 2 }, Op.MAXLOC), false);
                expect(ErrorClass.ERR_BUFFER, true, () -> world.scan(ints, 0, ints, 4, 5, Op.SUM), false);

                shmMismatches();

                final Comm freed = world.dup();
                freed.free();
                expect(ErrorClass.ERR_COMM, true, freed::barrier, false);
                System.out.println("bad input ok");
            }
        }

        /**
         * Counts that differ between members, through the shared-memory segment, over one fragment and over many:
         * each member reads what the others wrote and reports ERR_TRUNCATE (more than its arguments allow) or
         * ERR_COUNT (less), and none waits for data that does not come.
         */
        private static void shmMismatches()
        {
            final boolean one = 1 == world.rank();
            final int[] longBuffer = new int[100_000];
            force("bcast", "shm");
            expect(ErrorClass.ERR_TRUNCATE, one, () -> world.bcast(longBuffer, 0, one ? 50_000 : 100_000, 0), false);
            expect(ErrorClass.ERR_COUNT, one, () -> world.bcast(longBuffer, 0, one ? 100_000 : 50_000, 0), false);
            force("bcast", "");

            force("allreduce", "shm");
            final double[] vector = new double[20_000];
            final double[] result = new double[20_000];
            for (final int count : new int[]{ 4, 20_000 })
            {
                expect(one ? ErrorClass.ERR_COUNT : ErrorClass.ERR_TRUNCATE, true,
                    () -> world.allreduce(vector, 0, result, 0, one ? count : count / 2, Op.SUM), false);
            }
            force("allreduce", "");

            force("gather", "shm");
            final int[] block = new int[8];
            final int[] gathered = new int[8 * world.size()];
            expect(ErrorClass.ERR_TRUNCATE, 0 == world.rank(),
                () -> world.gather(block, 0, one ? 8 : 7, gathered, 0, 7, 0), false);
            force("gather", "");

            force("alltoall", "shm");
            final int[] sent = new int[2 * world.size()];
            final int[] received = new int[2 * world.size()];
            expect(one ? ErrorClass.ERR_COUNT : ErrorClass.ERR_TRUNCATE, true,
                () -> world.alltoall(sent, 0, one ? 2 : 1, received, 0, one ? 2 : 1), false);
            force("alltoall", "");
        }

        private static void forcedBcast(final String algorithm, final int[] buffer)
        {
            force("bcast", algorithm);
            try
            {
                world.bcast(buffer, 0, 1, 0);
            }
            finally
            {
                force("bcast", "");
            }
        }

        /**
         * Run a call at every rank; it must fail with the error class where {@code here}, and succeed elsewhere.
         * Then check that the communicator still works: an allreduce and a multicast broadcast give the right
         * results.
         */
        private static void expect(
            final ErrorClass expected, final boolean here, final Runnable call, final boolean print)
        {
            try
            {
                call.run();
                check(!here, "no error, expected " + expected);
            }
            catch (final MpiException ex)
            {
                if (!here || ex.errorClass() != expected)
                {
                    throw new AssertionError("expected " + (here ? expected : "no error") + ", got " + ex, ex);
                }
                check(ex.getMessage().length() > expected.name().length() + 10, "a message that says more");
                if (print || ErrorClass.ERR_ARG == expected)
                {
                    System.out.println(ex.getMessage());
                }
            }
            stillWorks();
        }

        private static void stillWorks()
        {
            final int[] rank = { world.rank() };
            final int[] sum = new int[1];
            world.allreduce(rank, 0, sum, 0, 1, Op.SUM);
            check(sum[0] == world.size() * (world.size() - 1) / 2, "allreduce after the error gave " + sum[0]);
            final int[] data = new int[4];
            final int root = world.size() - 1;
            if (world.rank() == root)
            {
                data[3] = 42;
            }
            world.bcast(data, 0, 4, root);
            check(42 == data[3], "bcast after the error gave " + data[3]);
        }
    }
}
