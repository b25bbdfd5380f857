package io.jmpi.launcher;

import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How jrun's exit reflects the ranks': success, a failing rank, a throwing rank, a rank killed by a signal.
 */
class JrunExitTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /** Far below the time a sleeping rank would take: proves that jrun ended it. */
    private static final long MAX_FAILED_JOB_MS = 30_000;

    @Test
    void exitsWithZeroWhenEveryRankDoes()
    {
        final JobResult result = JobRunner.run(3, Succeed.class).assertSuccess();

        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals(List.of("ok"), result.linesOfRank(rank), result.toString());
        }
        assertEquals(List.of(), result.jrunMessages(), result.toString());
    }

    @Test
    void reportsTheRankAndCodeOfAFailureAndEndsTheOthers()
    {
        final String jobId = JobRunner.newJobId();
        final long startMs = System.currentTimeMillis();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId), JOB_TIMEOUT, 4, ExitOrSleep.class, "2", "3");

        assertTrue(System.currentTimeMillis() - startMs < MAX_FAILED_JOB_MS, result.toString());
        assertEquals(3, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 2 exited with code 3 before joining the job"), result.jrunMessages(),
            result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void reportsARankThatThrowsAfterItsStackTrace()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(List.of("--job-id", jobId), JOB_TIMEOUT, 3, Throw.class);

        final String verdict =
            "jrun: rank 1 exited with code 1 before joining the job (java.lang.IllegalStateException: boom)";
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(List.of(verdict), result.jrunMessages(), result.toString());
        final List<String> stderr = result.stderrLines();
        final int traceLine = stderr.indexOf("[1] Exception in thread \"main\" java.lang.IllegalStateException: boom");
        assertTrue(traceLine >= 0, result.toString());
        assertTrue(traceLine < stderr.indexOf(verdict), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void reportsARankKilledByASignal()
    {
        final String jobId = JobRunner.newJobId();

        final JobResult result = JobRunner.run(List.of("--job-id", jobId), JOB_TIMEOUT, 2, KillItself.class);

        assertEquals(128 + 9, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 1 was killed by signal 9 (SIGKILL) before joining the job"),
            result.jrunMessages(), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    static int rank()
    {
        return Integer.parseInt(System.getenv(JobEnvironment.RANK));
    }

    static void sleepForever() throws InterruptedException
    {
        Thread.sleep(Long.MAX_VALUE);
    }

    static final class Succeed
    {
        public static void main(final String[] args)
        {
            System.out.println("ok");
        }
    }

    /**
     * Rank {@code args[0]} exits with code {@code args[1]}; the others would sleep forever.
     */
    static final class ExitOrSleep
    {
        public static void main(final String[] args) throws InterruptedException
        {
            if (rank() == Integer.parseInt(args[0]))
            {
                System.exit(Integer.parseInt(args[1]));
            }
            sleepForever();
        }
    }

    static final class Throw
    {
        public static void main(final String[] args) throws InterruptedException
        {
            if (1 == rank())
            {
                throw new IllegalStateException("boom");
            }
            sleepForever();
        }
    }

    static final class KillItself
    {
        public static void main(final String[] args) throws Exception
        {
            if (1 == rank())
            {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            }
            sleepForever();
        }
    }
}
