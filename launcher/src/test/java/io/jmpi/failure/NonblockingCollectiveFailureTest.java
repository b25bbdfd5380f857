package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
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
 * A nonblocking collective whose peer dies fails its request with ERR_PROC_FAILED, whether waited for or tested,
 * instead of hanging; and jrun's timeout report names the nonblocking collective a rank waits for.
 */
public class NonblockingCollectiveFailureTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aDeadPeerFailsTheRequestsOfTheSurvivors()
    {
        final String jobId = JobRunner.newJobId();
        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--grace", "10"), JOB_TIMEOUT, 3, SurviveAFailure.class);

        assertEquals(137, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 2 was killed by signal 9 (SIGKILL)"), result.jrunMessages(),
            result.toString());
        for (int rank = 0; rank < 2; rank++)
        {
            assertEquals(List.of("iallreduce: ERR_PROC_FAILED", "ibcast: ERR_PROC_FAILED", "survived"),
                result.linesOfRank(rank), result.toString());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void theTimeoutReportNamesTheCollectiveWaitedFor()
    {
        final String jobId = JobRunner.newJobId();
        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--timeout", "5"), JOB_TIMEOUT, 2, WaitForAnAbsentPeer.class);

        assertEquals(124, result.exitCode(), result.toString());
        final List<String> rank0 = result.errorLinesOfRank(0);
        assertTrue(rank0.contains("jmpi: rank 0 blocked in wait(iallreduce(count=4, comm=WORLD)) on thread main"),
            result.toString());
        assertTrue(rank0.contains(
            "jmpi: rank 0 blocked in waitAll(ibarrier(count=0, comm=WORLD)) on thread waiter-all"), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Rank 2 dies once the others have started an iallreduce and an ibcast from it; they wait for the first and
     * test the second until each fails.
     */
    public static final class SurviveAFailure
    {
        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (2 == world.rank())
                {
                    Thread.sleep(1000);
                    Ranks.die("kill9");
                }
                final Request allreduce = world.iallreduce(new int[16], 0, new int[16], 0, 16, Op.SUM);
                final Request bcast = world.ibcast(new int[16], 0, 16, 2);
                try
                {
                    allreduce.waitFor();
                    Ranks.say("iallreduce: completed");
                }
                catch (final MpiException ex)
                {
                    Ranks.say("iallreduce: " + ex.errorClass());
                }
                try
                {
                    while (!bcast.test())
                    {
                        Thread.onSpinWait();
                    }
                    Ranks.say("ibcast: completed");
                }
                catch (final MpiException ex)
                {
                    Ranks.say("ibcast: " + ex.errorClass());
                }
                Ranks.say("survived");
            }
        }
    }

    /**
     * Rank 0 waits for nonblocking collectives that rank 1 never joins.
     */
    public static final class WaitForAnAbsentPeer
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                if (0 == world.rank())
                {
                    final Request allreduce = world.iallreduce(new int[4], 0, new int[4], 0, 4, Op.SUM);
                    final Request barrier = world.ibarrier();
                    new Thread(() -> Request.waitAll(barrier), "waiter-all").start();
                    allreduce.waitFor();
                }
                else
                {
                    Ranks.sleepForever();
                }
            }
        }
    }
}
