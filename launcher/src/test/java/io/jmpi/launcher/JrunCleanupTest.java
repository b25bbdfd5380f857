package io.jmpi.launcher;

import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever way a job ends, no rank process and no Aeron directory of it is left.
 */
class JrunCleanupTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /** Far below the time a sleeping rank would take: proves that jrun ended it. */
    private static final long MAX_ENDED_JOB_MS = 30_000;

    @Test
    void cleansUpAfterSuccess()
    {
        final String jobId = JobRunner.newJobId();

        JobRunner.run(List.of("--job-id", jobId), JOB_TIMEOUT, 2, ReadyThenExit.class).assertSuccess();

        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * A rank killed by a signal cannot remove a file of its own, so a rank keeps none: the JVM's performance counters
     * stay in its memory, and no pid-named file in the temporary directory can be left or clash with another's.
     */
    @Test
    void ranksKeepNoPerformanceDataFile()
    {
        final JobResult result = JobRunner.run(List.of(), JOB_TIMEOUT, 2, ReportPerfDataFile.class);

        result.assertSuccess();
        assertEquals(List.of("perf data file: false"), result.linesOfRank(0), result.toString());
        assertEquals(List.of("perf data file: false"), result.linesOfRank(1), result.toString());
    }

    @Test
    void endsTheJobAtItsTimeout()
    {
        final String jobId = JobRunner.newJobId();
        final long startMs = System.currentTimeMillis();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId, "--timeout", "2"), JOB_TIMEOUT, 2, ReadyThenSleep.class);

        assertTrue(System.currentTimeMillis() - startMs < MAX_ENDED_JOB_MS, result.toString());
        assertEquals(Job.TIMEOUT_EXIT_CODE, result.exitCode(), result.toString());
        assertEquals(
            List.of("jrun: job timed out after 2 s"), result.jrunMessages(),
            result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void killsARankThatDoesNotEndOnSigterm()
    {
        final String jobId = JobRunner.newJobId();
        final long startMs = System.currentTimeMillis();

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId), JOB_TIMEOUT, 3, FailWhileOthersHang.class);

        assertTrue(System.currentTimeMillis() - startMs < MAX_ENDED_JOB_MS, result.toString());
        assertEquals(5, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 0 exited with code 5 before joining the job"), result.jrunMessages(),
            result.toString());
        assertEquals(List.of("hanging"), result.linesOfRank(1), result.toString());
        assertEquals(List.of("hanging"), result.linesOfRank(2), result.toString());
        JobRunner.assertCleanedUp(jobId);
    }

    @ParameterizedTest
    @CsvSource({ "TERM, 143", "INT, 130" })
    void endsTheRanksWhenJrunIsSignalled(final String signal, final int exitCode) throws Exception
    {
        final String jobId = JobRunner.newJobId();
        final int np = 3;
        try (RunningJob job = JobRunner.start(
            "-np", Integer.toString(np), "--job-id", jobId, ReadyThenSleep.class.getName()))
        {
            job.awaitStdout(out -> out.lines().filter(line -> line.endsWith("ready")).count() == np, JOB_TIMEOUT);

            signal(job.process().pid(), signal);
            final JobResult result = job.await(JOB_TIMEOUT);

            assertEquals(exitCode, result.exitCode(), result.toString());
            assertEquals(List.of(), result.jrunMessages(), result.toString());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    private static void signal(final long pid, final String signal) throws IOException, InterruptedException
    {
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start().waitFor());
    }

    static int rank()
    {
        return Integer.parseInt(System.getenv(JobEnvironment.RANK));
    }

    static final class ReadyThenExit
    {
        public static void main(final String[] args)
        {
            System.out.println("ready");
        }
    }

    static final class ReportPerfDataFile
    {
        public static void main(final String[] args)
        {
            final Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "hsperfdata_" + System.getProperty("user.name"), Long.toString(ProcessHandle.current().pid()));
            System.out.println("perf data file: " + Files.exists(file));
        }
    }

    static final class ReadyThenSleep
    {
        public static void main(final String[] args) throws InterruptedException
        {
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * Rank 0 fails once the others have made their shutdown hang, so that only SIGKILL ends them.
     */
    static final class FailWhileOthersHang
    {
        public static void main(final String[] args) throws Exception
        {
            final int size = Integer.parseInt(System.getenv(JobEnvironment.SIZE));
            final File aeronDir = new File(System.getenv(JobEnvironment.AERON_DIR));
            if (0 == rank())
            {
                for (int rank = 1; rank < size; rank++)
                {
                    while (!new File(aeronDir, "hanging-" + rank).exists())
                    {
                        Thread.sleep(10);
                    }
                }
                System.exit(5);
            }

            Runtime.getRuntime().addShutdownHook(new Thread(FailWhileOthersHang::hang));
            Files.createFile(new File(aeronDir, "hanging-" + rank()).toPath());
            Thread.sleep(Long.MAX_VALUE);
        }

        private static void hang()
        {
            System.out.println("hanging");
            while (true)
            {
                try
                {
                    Thread.sleep(Long.MAX_VALUE);
                }
                catch (final InterruptedException ignore)
                {
                    // keep hanging
                }
            }
        }
    }
}
