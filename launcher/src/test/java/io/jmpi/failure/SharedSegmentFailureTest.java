package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member killed with SIGKILL while the others wait for it in a collective through the shared-memory segment:
 * jrun ends the job at once, or, with {@code --grace}, the survivors' barrier or allreduce raises ERR_PROC_FAILED.
 * Either way the segment leaves nothing behind: its file is gone from the job's directory as soon as every member
 * has mapped it, and the directory is gone when the job ends.
 */
class SharedSegmentFailureTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /** From the failure to the end of jrun, when jrun ends the others at once. */
    private static final long MAX_END_MS = 5_000;
    /**
     * From the failure to the survivors' error: jrun tells the driver that the dead rank's client is dead, the driver
     * closes its inbox within a second, and the survivors check their peers again.
     */
    private static final long MAX_DETECTION_MS = 8_000;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "barrier", "allreduce" })
    void jrunEndsTheJobWhenAMemberDiesInASharedMemoryCollective(final String collective)
    {
        final String jobId = JobRunner.newJobId();
        final List<String> args = List.of("-np", "3", "--job-id", jobId, DieInSharedCollective.class.getName(),
            collective);
        try (RunningJob job = JobRunner.start(args.toArray(new String[0])))
        {
            job.awaitStdout(out -> out.contains("[1] dying\n"), JOB_TIMEOUT);
            final long dyingNs = System.nanoTime();
            final JobResult result = job.await(JOB_TIMEOUT);
            final long endMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dyingNs);

            assertEquals(137, result.exitCode(), result.toString());
            assertEquals(List.of("jrun: rank 1 was killed by signal 9 (SIGKILL)"), result.jrunMessages(),
                result.toString());
            assertTrue(result.linesOfRank(0).contains("segment files: 0"), result.toString());
            assertTrue(endMs < MAX_END_MS, "ended " + endMs + " ms after the failure\n" + result);
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = { "barrier", "allreduce" })
    void survivorsWaitingInASharedMemoryCollectiveGetErrProcFailed(final String collective)
    {
        final String jobId = JobRunner.newJobId();
        final List<String> args = new ArrayList<>(List.of("-np", "3", "--job-id", jobId, "--grace", "20",
            DieInSharedCollective.class.getName(), collective));
        try (RunningJob job = JobRunner.start(args.toArray(new String[0])))
        {
            job.awaitStdout(out -> out.contains("[1] dying\n"), JOB_TIMEOUT);
            final long dyingNs = System.nanoTime();
            job.awaitStdout(out -> out.contains("[0] " + collective + ": ") && out.contains("[2] " + collective + ": "),
                JOB_TIMEOUT);
            final long detectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dyingNs);
            final JobResult result = job.await(JOB_TIMEOUT);

            assertEquals(137, result.exitCode(), result.toString());
            for (final int survivor : new int[]{ 0, 2 })
            {
                assertTrue(result.linesOfRank(survivor).contains(collective + ": ERR_PROC_FAILED"),
                    result.toString());
            }
            assertTrue(detectedMs < MAX_DETECTION_MS, "detected " + detectedMs + " ms after the failure\n" + result);
        }
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Every member makes collective calls through the segment; then rank 1 kills itself while the others wait for
     * it in a barrier or an allreduce ({@code args[0]}). Rank 0 says how many segment files its job directory holds
     * once the segment is in use.
     */
    public static final class DieInSharedCollective
    {
        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final double[] value = { world.rank() };
                final double[] sum = new double[1];
                world.barrier();
                world.allreduce(value, 0, sum, 0, 1, Op.SUM);
                if (0 == world.rank())
                {
                    final File[] segments = new File(System.getenv(JobEnvironment.AERON_DIR))
                        .listFiles((directory, name) -> name.endsWith(".shm"));
                    Ranks.say("segment files: " + (null == segments ? -1 : segments.length));
                }
                world.barrier();
                if (1 == world.rank())
                {
                    Thread.sleep(500);
                    Ranks.say("dying");
                    Ranks.die("kill9");
                }
                try
                {
                    if ("barrier".equals(args[0]))
                    {
                        world.barrier();
                    }
                    else
                    {
                        world.allreduce(value, 0, sum, 0, 1, Op.SUM);
                    }
                    Ranks.say(args[0] + ": returned");
                }
                catch (final MpiException ex)
                {
                    Ranks.say(args[0] + ": " + ex.errorClass());
                    System.err.println(args[0] + ": " + ex.getMessage());
                }
            }
        }
    }
}
