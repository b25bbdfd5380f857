package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jrun --timeout} ends a deadlocked job, and before that every rank says what it is blocked in, so that the
 * user sees the deadlock. The timeouts leave a loaded machine time to start the ranks: a rank still starting has
 * nothing to report.
 */
public class TimeoutTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void showsWhatEachRankOfADeadlockIsBlockedIn()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--timeout", "5"), JOB_TIMEOUT, 2, Deadlock.class);

        assertEquals(124, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: job timed out after 5 s"), result.jrunMessages(), result.toString());
        final List<String> rank0 = result.errorLinesOfRank(0);
        final List<String> rank1 = result.errorLinesOfRank(1);
        assertTrue(rank0.stream().anyMatch(line -> line.startsWith("jmpi: rank 0 blocked in recv(source=1, tag=7")),
            result.toString());
        assertTrue(rank1.stream().anyMatch(line -> line.startsWith("jmpi: rank 1 blocked in recv(source=0, tag=7")),
            result.toString());
        // the reports come before jrun's verdict
        final List<String> stderr = result.stderrLines();
        final int verdict = stderr.indexOf("jrun: job timed out after 5 s");
        for (int i = 0; i < stderr.size(); i++)
        {
            if (stderr.get(i).contains("blocked in recv"))
            {
                assertTrue(i < verdict, result.toString());
            }
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void namesTheCollectiveTheUserCalledNotItsAlgorithmsCalls()
    {
        final JobResult result = JobRunner.run(List.of("--timeout", "5"), JOB_TIMEOUT, 3, StuckInCollectives.class);

        assertEquals(124, result.exitCode(), result.toString());
        assertTrue(result.errorLinesOfRank(1).contains(
            "jmpi: rank 1 blocked in bcast(root=0, count=3, comm=WORLD) on thread main"), result.toString());
        assertTrue(result.errorLinesOfRank(2).contains(
            "jmpi: rank 2 blocked in allreduce(count=2, comm=WORLD) on thread main"), result.toString());
        assertTrue(result.errorLinesOfRank(0).contains("jmpi: rank 0 is not blocked in jmpi"), result.toString());
    }

    @Test
    void namesEveryBlockedThreadAndTheRanksThatAreNotBlocked()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--timeout", "8"), JOB_TIMEOUT, 3, ThreadsBlocked.class);

        assertEquals(124, result.exitCode(), result.toString());
        final List<String> rank0 = result.errorLinesOfRank(0);
        assertTrue(rank0.stream().anyMatch(line -> line.startsWith("jmpi: rank 0 blocked in recv(source=ANY_SOURCE") &&
            line.endsWith(" on thread waiter-any")), result.toString());
        assertTrue(rank0.stream().anyMatch(line -> line.startsWith("jmpi: rank 0 blocked in recv(source=2, tag=9") &&
            line.endsWith(" on thread waiter-2")), result.toString());
        assertTrue(result.errorLinesOfRank(1).contains("jmpi: rank 1 is not blocked in jmpi"), result.toString());
        assertTrue(result.errorLinesOfRank(2).contains("jmpi: rank 2 is not blocked in jmpi"), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void namesWhatWaitAnyWaitAllAndWaitSomeWaitFor()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--timeout", "8"), JOB_TIMEOUT, 2, WaitingForRequests.class);

        assertEquals(124, result.exitCode(), result.toString());
        final List<String> rank0 = result.errorLinesOfRank(0);
        for (final String report : List.of(
            "jmpi: rank 0 blocked in waitAny(recv(source=1, tag=5, comm=WORLD), " +
                "recv(source=ANY_SOURCE, tag=ANY_TAG, comm=WORLD)) on thread waiter-any",
            "jmpi: rank 0 blocked in waitAll(send(dest=1, tag=8, comm=WORLD)) on thread waiter-all",
            "jmpi: rank 0 blocked in waitSome(recv(source=1, tag=9, comm=WORLD)) on thread waiter-some"))
        {
            assertTrue(rank0.contains(report), report + " in " + result);
        }
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Rank 0 waits for requests in three threads (waitAll for one it has completed and a send too large to go
     * before its receive); rank 1 computes outside jmpi.
     */
    public static final class WaitingForRequests
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (0 == world.rank())
                {
                    final byte[] small = new byte[8];
                    final Request done = world.isend(small, 0, 8, 0, 7);
                    world.recv(small, 0, 8, 0, 7);
                    final List<Thread> waiters = List.of(
                        new Thread(() -> Request.waitAny(world.irecv(new byte[8], 0, 8, 1, 5),
                            world.irecv(new byte[8], 0, 8, Mpi.ANY_SOURCE, Mpi.ANY_TAG)), "waiter-any"),
                        new Thread(() -> Request.waitAll(done, world.isend(new byte[1 << 20], 0, 1 << 20, 1, 8)),
                            "waiter-all"),
                        new Thread(() -> Request.waitSome(null, world.irecv(new byte[8], 0, 8, 1, 9)), "waiter-some"));
                    for (final Thread waiter : waiters)
                    {
                        waiter.start();
                    }
                    for (final Thread waiter : waiters)
                    {
                        waiter.join();
                    }
                }
                else
                {
                    Ranks.sleepForever();
                }
            }
        }
    }

    /**
     * Both ranks receive from each other first: neither ever sends.
     */
    public static final class Deadlock
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int peer = 1 - world.rank();
                final byte[] buffer = new byte[8];
                world.recv(buffer, 0, buffer.length, peer, 7);
                world.send(buffer, 0, buffer.length, peer, 7);
            }
        }
    }

    /**
     * Rank 0 waits in two threads; ranks 1 and 2 compute (sleep) outside jmpi.
     */
    public static final class ThreadsBlocked
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (0 == world.rank())
                {
                    final Thread any = new Thread(
                        () -> world.recv(new byte[8], 0, 8, Mpi.ANY_SOURCE, Mpi.ANY_TAG), "waiter-any");
                    final Thread two = new Thread(() -> world.recv(new byte[8], 0, 8, 2, 9), "waiter-2");
                    any.start();
                    two.start();
                    any.join();
                    two.join();
                }
                else
                {
                    Ranks.sleepForever();
                }
            }
        }
    }

    /**
     * Rank 0 never broadcasts: rank 1 waits in the bcast, rank 2 in an allreduce that rank 1 never reaches.
     */
    public static final class StuckInCollectives
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (1 == world.rank())
                {
                    world.bcast(new int[3], 0, 3, 0);
                }
                else if (2 == world.rank())
                {
                    world.allreduce(new long[2], 0, new long[2], 0, 2, Op.SUM);
                }
                Thread.sleep(60_000);
            }
        }
    }
}
