package io.jmpi.coll;

import com.sun.management.ThreadMXBean;
import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.jmpi.coll.TestArrays.COMPOSE;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.check;
import static io.jmpi.coll.TestArrays.fold;
import static io.jmpi.coll.TestArrays.operands;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Every nonblocking collective (MPI-3.1 section 5.12) against values computed locally, eager and rendezvous sizes:
 * one at a time; all outstanding at once on one communicator and completed by waitAll, by waits in reverse order,
 * by waitAny and by testing while computing; with wildcard point-to-point receives posted on the same communicator
 * before they start, which must get the point-to-point messages only; with blocking collectives between start and
 * wait; as a steady stream, which must allocate little; with direct ByteBuffers; with a non-commutative operation.
 */
class NonblockingCollectivesTest
{
    static final String[] SECTIONS = {
        "one at a time", "wait all", "reverse waits", "wait any", "test while computing", "wildcard p2p",
        "blocking between", "stream", "byte buffers", "non-commutative" };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 5, 8 })
    void nonblockingCollectivesGiveTheirResultsWhateverTheOrderOfCompletion(final int ranks)
    {
        final JobResult result = JobRunner.run(List.of(), CollectiveSuite.TIMEOUT, ranks, Program.class);
        for (int rank = 0; rank < ranks; rank++)
        {
            for (final String section : SECTIONS)
            {
                check(result.linesOfRank(rank).contains(section + " ok"),
                    section + " on " + ranks + " ranks did not pass at rank " + rank + ": " + result);
            }
        }
        result.assertSuccess();
    }

    /**
     * A started collective and the check of its result.
     */
    record Pending(String name, Request request, Runnable check)
    {
        void verify()
        {
            check.run();
        }
    }

    @FunctionalInterface
    interface Starter
    {
        Pending start(Comm comm, int seed, int count);
    }

    /** Every nonblocking collective, each with its own buffers and expected result. */
    static final List<Starter> ALL = List.of(
        NonblockingCollectivesTest::ibarrier,
        NonblockingCollectivesTest::ibcast,
        NonblockingCollectivesTest::ireduce,
        NonblockingCollectivesTest::iallreduce,
        NonblockingCollectivesTest::igather,
        NonblockingCollectivesTest::igatherv,
        NonblockingCollectivesTest::iscatter,
        NonblockingCollectivesTest::iscatterv,
        NonblockingCollectivesTest::iallgather,
        NonblockingCollectivesTest::iallgatherv,
        NonblockingCollectivesTest::ialltoall,
        NonblockingCollectivesTest::ialltoallv,
        NonblockingCollectivesTest::ireduceScatter,
        NonblockingCollectivesTest::ireduceScatterBlock,
        NonblockingCollectivesTest::iscan,
        NonblockingCollectivesTest::iexscan);

    /**
     * @return the i-th element of rank r's data for a seed.
     */
    static int value(final int seed, final int r, final int i)
    {
        return seed * 131 + r * 1009 + i * 7 + 1;
    }

    /**
     * @return element i of the block that rank {@code from} sends to rank {@code to}.
     */
    static int pair(final int seed, final int from, final int to, final int i)
    {
        return seed * 131 + from * 100_003 + to * 1009 + i * 7;
    }

    static int[] data(final int seed, final int r, final int count)
    {
        final int[] array = new int[count];
        Arrays.setAll(array, i -> value(seed, r, i));
        return array;
    }

    static int[] sum(final int seed, final int fromRank, final int toRank, final int count)
    {
        final int[] sum = new int[count];
        for (int r = fromRank; r < toRank; r++)
        {
            for (int i = 0; i < count; i++)
            {
                sum[i] += value(seed, r, i);
            }
        }
        return sum;
    }

    static void same(final int[] expected, final int[] actual, final String what)
    {
        assertSame(expected, actual, what);
    }

    static Pending ibarrier(final Comm comm, final int seed, final int count)
    {
        return new Pending("ibarrier", comm.ibarrier(), () -> { });
    }

    static Pending ibcast(final Comm comm, final int seed, final int count)
    {
        final int root = seed % comm.size();
        final int[] buffer = comm.rank() == root ? data(seed, root, count) : new int[count];
        return new Pending("ibcast", comm.ibcast(buffer, 0, count, root),
            () -> same(data(seed, root, count), buffer, "ibcast root " + root));
    }

    static Pending ireduce(final Comm comm, final int seed, final int count)
    {
        final int root = (seed + 1) % comm.size();
        final int[] recv = new int[count + 1];
        recv[count] = -5;
        return new Pending("ireduce", comm.ireduce(data(seed, comm.rank(), count), 0, recv, 0, count, Op.SUM, root),
            () ->
            {
                final int[] expected = new int[count + 1];
                if (comm.rank() == root)
                {
                    System.arraycopy(sum(seed, 0, comm.size(), count), 0, expected, 0, count);
                }
                expected[count] = -5;
                same(expected, recv, "ireduce root " + root);
            });
    }

    static Pending iallreduce(final Comm comm, final int seed, final int count)
    {
        final int[] recv = new int[count];
        return new Pending("iallreduce", comm.iallreduce(data(seed, comm.rank(), count), 0, recv, 0, count, Op.SUM),
            () -> same(sum(seed, 0, comm.size(), count), recv, "iallreduce"));
    }

    static Pending igather(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int root = (seed + 2) % size;
        final int[] recv = new int[size * count];
        return new Pending("igather", comm.igather(data(seed, comm.rank(), count), 0, count, recv, 0, count, root),
            () ->
            {
                final int[] expected = new int[size * count];
                if (comm.rank() == root)
                {
                    for (int r = 0; r < size; r++)
                    {
                        System.arraycopy(data(seed, r, count), 0, expected, r * count, count);
                    }
                }
                same(expected, recv, "igather root " + root);
            });
    }

    /**
     * Counts that differ per rank, and displacements that place the blocks in reverse rank order with a gap.
     */
    static int[] counts(final int size, final int count)
    {
        final int[] counts = new int[size];
        Arrays.setAll(counts, r -> count + r % 3);
        return counts;
    }

    static int[] reverseDisplacements(final int[] counts)
    {
        final int[] displacements = new int[counts.length];
        int at = 1;
        for (int r = counts.length - 1; r >= 0; r--)
        {
            displacements[r] = at;
            at += counts[r] + 1;
        }
        return displacements;
    }

    static int extent(final int[] counts, final int[] displacements)
    {
        int extent = 0;
        for (int r = 0; r < counts.length; r++)
        {
            extent = Math.max(extent, displacements[r] + counts[r]);
        }
        return extent + 1;
    }

    static Pending igatherv(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int root = (seed + 3) % size;
        final int[] counts = counts(size, count);
        final int[] displacements = reverseDisplacements(counts);
        final int[] recv = new int[extent(counts, displacements)];
        final int rank = comm.rank();
        return new Pending("igatherv", comm.igatherv(
            data(seed, rank, counts[rank]), 0, counts[rank], recv, 0, counts, displacements, root), () ->
            {
                final int[] expected = new int[recv.length];
                if (rank == root)
                {
                    for (int r = 0; r < size; r++)
                    {
                        System.arraycopy(data(seed, r, counts[r]), 0, expected, displacements[r], counts[r]);
                    }
                }
                same(expected, recv, "igatherv root " + root);
            });
    }

    static Pending iscatter(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int root = (seed + 4) % size;
        final int[] send = new int[size * count];
        if (comm.rank() == root)
        {
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(seed, r, count), 0, send, r * count, count);
            }
        }
        final int[] recv = new int[count];
        return new Pending("iscatter", comm.iscatter(send, 0, count, recv, 0, count, root),
            () -> same(data(seed, comm.rank(), count), recv, "iscatter root " + root));
    }

    static Pending iscatterv(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int root = (seed + 5) % size;
        final int[] counts = counts(size, count);
        final int[] displacements = reverseDisplacements(counts);
        final int[] send = new int[extent(counts, displacements)];
        if (comm.rank() == root)
        {
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(data(seed, r, counts[r]), 0, send, displacements[r], counts[r]);
            }
        }
        final int rank = comm.rank();
        final int[] recv = new int[counts[rank]];
        return new Pending("iscatterv",
            comm.iscatterv(send, 0, counts, displacements, recv, 0, counts[rank], root),
            () -> same(data(seed, rank, counts[rank]), recv, "iscatterv root " + root));
    }

    static Pending iallgather(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int[] recv = new int[size * count + 2];
        return new Pending("iallgather", comm.iallgather(data(seed, comm.rank(), count), 0, count, recv, 1, count),
            () ->
            {
                final int[] expected = new int[size * count + 2];
                for (int r = 0; r < size; r++)
                {
                    System.arraycopy(data(seed, r, count), 0, expected, 1 + r * count, count);
                }
                same(expected, recv, "iallgather");
            });
    }

    static Pending iallgatherv(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int rank = comm.rank();
        final int[] counts = counts(size, count);
        final int[] displacements = reverseDisplacements(counts);
        final int[] recv = new int[extent(counts, displacements)];
        return new Pending("iallgatherv", comm.iallgatherv(
            data(seed, rank, counts[rank]), 0, counts[rank], recv, 0, counts, displacements), () ->
            {
                final int[] expected = new int[recv.length];
                for (int r = 0; r < size; r++)
                {
                    System.arraycopy(data(seed, r, counts[r]), 0, expected, displacements[r], counts[r]);
                }
                same(expected, recv, "iallgatherv");
            });
    }

    static Pending ialltoall(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int rank = comm.rank();
        final int[] send = new int[size * count];
        for (int j = 0; j < size; j++)
        {
            for (int i = 0; i < count; i++)
            {
                send[j * count + i] = pair(seed, rank, j, i);
            }
        }
        final int[] recv = new int[size * count];
        return new Pending("ialltoall", comm.ialltoall(send, 0, count, recv, 0, count), () ->
        {
            final int[] expected = new int[size * count];
            for (int j = 0; j < size; j++)
            {
                for (int i = 0; i < count; i++)
                {
                    expected[j * count + i] = pair(seed, j, rank, i);
                }
            }
            same(expected, recv, "ialltoall");
        });
    }

    /**
     * @return elements rank {@code from} sends to rank {@code to} in alltoallv: not symmetric.
     */
    static int pairCount(final int count, final int from, final int to)
    {
        return count + (2 * from + to) % 3;
    }

    static Pending ialltoallv(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int rank = comm.rank();
        final int[] sendCounts = new int[size];
        final int[] recvCounts = new int[size];
        for (int j = 0; j < size; j++)
        {
            sendCounts[j] = pairCount(count, rank, j);
            recvCounts[j] = pairCount(count, j, rank);
        }
        final int[] sendDisplacements = reverseDisplacements(sendCounts);
        final int[] recvDisplacements = reverseDisplacements(recvCounts);
        final int[] send = new int[extent(sendCounts, sendDisplacements)];
        for (int j = 0; j < size; j++)
        {
            for (int i = 0; i < sendCounts[j]; i++)
            {
                send[sendDisplacements[j] + i] = pair(seed, rank, j, i);
            }
        }
        final int[] recv = new int[extent(recvCounts, recvDisplacements)];
        return new Pending("ialltoallv", comm.ialltoallv(
            send, 0, sendCounts, sendDisplacements, recv, 0, recvCounts, recvDisplacements), () ->
            {
                final int[] expected = new int[recv.length];
                for (int j = 0; j < size; j++)
                {
                    for (int i = 0; i < recvCounts[j]; i++)
                    {
                        expected[recvDisplacements[j] + i] = pair(seed, j, rank, i);
                    }
                }
                same(expected, recv, "ialltoallv");
            });
    }

    static Pending ireduceScatter(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int rank = comm.rank();
        final int[] counts = counts(size, count);
        final int total = Arrays.stream(counts).sum();
        int start = 0;
        for (int r = 0; r < rank; r++)
        {
            start += counts[r];
        }
        final int from = start;
        final int[] recv = new int[counts[rank]];
        return new Pending("ireduceScatter",
            comm.ireduceScatter(data(seed, rank, total), 0, recv, 0, counts, Op.SUM),
            () -> same(Arrays.copyOfRange(sum(seed, 0, size, total), from, from + counts[rank]), recv,
                "ireduceScatter"));
    }

    static Pending ireduceScatterBlock(final Comm comm, final int seed, final int count)
    {
        final int size = comm.size();
        final int rank = comm.rank();
        final int[] recv = new int[count];
        return new Pending("ireduceScatterBlock",
            comm.ireduceScatterBlock(data(seed, rank, size * count), 0, recv, 0, count, Op.SUM),
            () -> same(Arrays.copyOfRange(sum(seed, 0, size, size * count), rank * count, (rank + 1) * count), recv,
                "ireduceScatterBlock"));
    }

    static Pending iscan(final Comm comm, final int seed, final int count)
    {
        final int[] recv = new int[count];
        return new Pending("iscan", comm.iscan(data(seed, comm.rank(), count), 0, recv, 0, count, Op.SUM),
            () -> same(sum(seed, 0, comm.rank() + 1, count), recv, "iscan"));
    }

    static Pending iexscan(final Comm comm, final int seed, final int count)
    {
        final int[] recv = new int[count];
        Arrays.fill(recv, -7);
        return new Pending("iexscan", comm.iexscan(data(seed, comm.rank(), count), 0, recv, 0, count, Op.SUM), () ->
        {
            final int[] expected = sum(seed, 0, comm.rank(), count);
            if (0 == comm.rank())
            {
                Arrays.fill(expected, -7);
            }
            same(expected, recv, "iexscan");
        });
    }

    static List<Pending> startAll(final Comm comm, final int seed, final int count)
    {
        final List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++)
        {
            pending.add(ALL.get(i).start(comm, seed + i, count));
        }
        return pending;
    }

    static Request[] requests(final List<Pending> pending)
    {
        return pending.stream().map(Pending::request).toArray(Request[]::new);
    }

    public static final class Program
    {
        private static final int[] COUNTS = { 0, 3, 1500 };

        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                try
                {
                    oneAtATime(world);
                    say("one at a time");
                    for (final int count : COUNTS)
                    {
                        final List<Pending> pending = startAll(world, 10 + count, count);
                        Request.waitAll(requests(pending));
                        pending.forEach(Pending::verify);
                    }
                    say("wait all");
                    reverseWaits(world);
                    say("reverse waits");
                    waitAny(world);
                    say("wait any");
                    testWhileComputing(world);
                    say("test while computing");
                    wildcards(world);
                    say("wildcard p2p");
                    blockingBetween(world);
                    say("blocking between");
                    stream(world);
                    say("stream");
                    byteBuffers(world);
                    say("byte buffers");
                    nonCommutative(world);
                    say("non-commutative");
                }
                catch (final AssertionError ex)
                {
                    System.out.println("FAILED: " + ex.getMessage());
                    ex.printStackTrace();
                    mpi.abort(1);
                }
            }
        }

        private static void say(final String section)
        {
            System.out.println(section + " ok");
        }

        private static void oneAtATime(final Comm world)
        {
            for (final int count : COUNTS)
            {
                for (int i = 0; i < ALL.size(); i++)
                {
                    final Pending pending = ALL.get(i).start(world, 100 + i, count);
                    final Status status = pending.request().waitFor();
                    check(pending.request().isComplete(), pending.name() + " complete after waitFor");
                    check(ErrorClass.SUCCESS == status.error(), pending.name() + " status " + status);
                    pending.verify();
                    check(pending.request().test(), pending.name() + " tests complete again");
                }
            }
        }

        private static void reverseWaits(final Comm world)
        {
            for (final int count : COUNTS)
            {
                final List<Pending> pending = startAll(world, 200 + count, count);
                final List<Pending> reversed = new ArrayList<>(pending);
                Collections.reverse(reversed);
                for (final Pending each : reversed)
                {
                    each.request().waitFor();
                    each.verify();
                }
            }
        }

        private static void waitAny(final Comm world)
        {
            for (final int count : COUNTS)
            {
                final List<Pending> pending = startAll(world, 300 + count, count);
                final Request[] requests = requests(pending);
                for (int done = 0; done < requests.length; done++)
                {
                    final int index = Request.waitAny(requests);
                    check(index >= 0, "waitAny found a request");
                    pending.get(index).verify();
                    requests[index] = null;
                }
                check(Status.UNDEFINED == Request.waitAny(requests), "waitAny of no requests");
            }
        }

        /**
         * Start, compute and test in a loop: tests alone must take the collectives to completion.
         */
        private static void testWhileComputing(final Comm world)
        {
            final List<Pending> pending = startAll(world, 400, 1500);
            final Request[] requests = requests(pending);
            final double[] work = new double[4096];
            while (!Request.testAll(requests))
            {
                for (int i = 0; i < work.length; i++)
                {
                    work[i] = Math.sqrt(work[i] + i);
                }
            }
            pending.forEach(Pending::verify);

            final int[] recv = new int[2000];
            final Request request = world.iallreduce(data(401, world.rank(), 2000), 0, recv, 0, 2000, Op.SUM);
            while (!request.test())
            {
                Thread.onSpinWait();
            }
            same(sum(401, 0, world.size(), 2000), recv, "iallreduce completed by test");
        }

        /**
         * Wildcard receives posted on the communicator before the collectives start must get the point-to-point
         * messages, never a collective's; nothing of the collectives reaches the user's context.
         */
        private static void wildcards(final Comm world)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int magic = 0x5EED;
            for (final int count : COUNTS)
            {
                final int[][] inbox = new int[size - 1][4];
                final Request[] receives = new Request[size - 1];
                for (int k = 0; k < size - 1; k++)
                {
                    receives[k] = world.irecv(inbox[k], 0, 4, Mpi.ANY_SOURCE, Mpi.ANY_TAG);
                }
                final List<Pending> pending = startAll(world, 500 + count, count);
                for (int peer = 0; peer < size; peer++)
                {
                    if (peer != rank)
                    {
                        world.send(new int[]{ magic, rank, peer, count }, 0, 4, peer, 100 + rank);
                    }
                }
                final boolean[] seen = new boolean[size];
                for (int k = 0; k < size - 1; k++)
                {
                    final Status status = receives[k].waitFor();
                    final int[] message = inbox[k];
                    check(magic == message[0] && rank == message[2] && count == message[3] &&
                        status.source() == message[1] && status.tag() == 100 + message[1] && 4 == status.count(),
                        "wildcard receive got " + Arrays.toString(message) + " " + status);
                    check(!seen[message[1]], "two messages from rank " + message[1]);
                    seen[message[1]] = true;
                }
                Request.waitAll(requests(pending));
                pending.forEach(Pending::verify);
                // every point-to-point message to this rank is in: anything more would be a collective's
                check(!world.iprobe(Mpi.ANY_SOURCE, Mpi.ANY_TAG, new Status()),
                    "a message is left on the user's context");
                world.barrier();
            }
        }

        /**
         * Blocking collectives between the start and the wait of nonblocking ones.
         */
        private static void blockingBetween(final Comm world)
        {
            final int size = world.size();
            final int rank = world.rank();
            for (final int count : COUNTS)
            {
                final Pending bcast = ibcast(world, 600, count);
                final Pending allreduce = iallreduce(world, 601, count);
                final int[] blocking = new int[count];
                world.allreduce(data(602, rank, count), 0, blocking, 0, count, Op.SUM);
                same(sum(602, 0, size, count), blocking, "blocking allreduce between");
                world.barrier();
                final int[] broadcast = 0 == rank ? data(603, 0, count) : new int[count];
                world.bcast(broadcast, 0, count, 0);
                same(data(603, 0, count), broadcast, "blocking bcast between");
                final Pending alltoall = ialltoall(world, 604, count);
                final int[] gathered = new int[size * count];
                world.allgather(data(605, rank, count), 0, count, gathered, 0, count);
                allreduce.request().waitFor();
                final Pending scan = iscan(world, 606, count);
                Request.waitAll(alltoall.request(), bcast.request(), scan.request());
                bcast.verify();
                allreduce.verify();
                alltoall.verify();
                scan.verify();
            }
        }

        /**
         * A steady stream of small collectives, which the pooled schedules serve: once warm, a pair of them allocates
         * little more than its two requests (a schedule of its own would take kilobytes).
         */
        private static void stream(final Comm world)
        {
            final int rank = world.rank();
            final int[] contribution = new int[4];
            final int[] reduced = new int[4];
            final int[] broadcast = new int[4];
            final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
            final int warmup = 500;
            final int measured = 2000;
            long allocatedBefore = 0;
            for (int i = 0; i < warmup + measured; i++)
            {
                if (warmup == i)
                {
                    allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                }
                for (int k = 0; k < 4; k++)
                {
                    contribution[k] = value(i, rank, k);
                    broadcast[k] = 0 == rank ? value(i, 0, k) : 0;
                }
                final Request allreduce = world.iallreduce(contribution, 0, reduced, 0, 4, Op.SUM);
                final Request bcast = world.ibcast(broadcast, 0, 4, 0);
                allreduce.waitFor();
                bcast.waitFor();
                if (i < warmup)
                {
                    same(sum(i, 0, world.size(), 4), reduced, "stream iallreduce " + i);
                    same(data(i, 0, 4), broadcast, "stream ibcast " + i);
                }
                else
                {
                    for (int k = 0; k < 4; k++)
                    {
                        int expected = 0;
                        for (int r = 0; r < world.size(); r++)
                        {
                            expected += value(i, r, k);
                        }
                        check(expected == reduced[k] && value(i, 0, k) == broadcast[k], "stream " + i);
                    }
                }
            }
            final long perPair = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / measured;
            check(perPair < 1024, "a pair of nonblocking collectives allocates " + perPair + " bytes");
        }

        private static void byteBuffers(final Comm world)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int count = 3000;
            final byte[][] contributions = new byte[size][];
            for (int r = 0; r < size; r++)
            {
                contributions[r] = (byte[])operands(Op.SUM, Datatype.BYTE, count, r, seed(700, r));
            }
            final ByteBuffer send = ByteBuffer.allocateDirect(count);
            send.put(0, contributions[rank]);
            final ByteBuffer reduced = ByteBuffer.allocateDirect(count);
            final ByteBuffer broadcast = ByteBuffer.allocateDirect(count);
            if (1 % size == rank)
            {
                broadcast.put(0, contributions[rank]);
            }
            final ByteBuffer gathered = ByteBuffer.allocateDirect(size * count);
            final Request[] requests = {
                world.iallreduce(send, 0, reduced, 0, count, Op.SUM),
                world.ibcast(broadcast, 0, count, 1 % size),
                world.iallgather(send, 0, count, gathered, 0, count) };
            Request.waitAll(requests);
            final byte[] actual = new byte[count];
            reduced.get(0, actual);
            assertSame(fold(Op.SUM, contributions, count), actual, "iallreduce of direct ByteBuffers");
            broadcast.get(0, actual);
            assertSame(contributions[1 % size], actual, "ibcast of a direct ByteBuffer");
            for (int r = 0; r < size; r++)
            {
                gathered.get(r * count, actual);
                assertSame(contributions[r], actual, "iallgather of direct ByteBuffers, block " + r);
            }
        }

        /**
         * A non-commutative operation: every reduction must combine in rank order.
         */
        private static void nonCommutative(final Comm world)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int count = 5;
            final Object[] contributions = new Object[size];
            for (int r = 0; r < size; r++)
            {
                contributions[r] = operands(COMPOSE, Datatype.LONG, size * count, r, seed(800, r));
            }
            final Object all = fold(COMPOSE, contributions, size * count);
            final long[] mine = (long[])contributions[rank];
            final int root = size - 1;
            final long[] reduced = new long[size * count];
            final long[] allReduced = new long[size * count];
            final long[] scanned = new long[size * count];
            final long[] exscanned = new long[size * count];
            final long[] scattered = new long[count];
            final Request[] requests = {
                world.ireduce(mine, 0, reduced, 0, size * count, COMPOSE, root),
                world.iallreduce(mine, 0, allReduced, 0, size * count, COMPOSE),
                world.iscan(mine, 0, scanned, 0, size * count, COMPOSE),
                world.iexscan(mine, 0, exscanned, 0, size * count, COMPOSE),
                world.ireduceScatterBlock(mine, 0, scattered, 0, count, COMPOSE) };
            Request.waitAll(requests);
            if (rank == root)
            {
                assertSame(all, reduced, "ireduce COMPOSE at root " + root);
            }
            assertSame(all, allReduced, "iallreduce COMPOSE");
            assertSame(fold(COMPOSE, Arrays.copyOf(contributions, rank + 1), size * count), scanned, "iscan COMPOSE");
            if (rank > 0)
            {
                assertSame(fold(COMPOSE, Arrays.copyOf(contributions, rank), size * count), exscanned,
                    "iexscan COMPOSE");
            }
            assertSame(Arrays.copyOfRange((long[])all, rank * count, (rank + 1) * count), scattered,
                "ireduceScatterBlock COMPOSE");
        }
    }
}
