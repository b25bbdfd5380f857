package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jrun killed with SIGKILL cannot end its ranks or remove its job's directory: the ranks notice that their media
 * driver is gone and exit, and the next jrun removes the directory.
 */
class JrunKilledTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The ranks check every 250 ms that jrun, which hosts their driver, is alive, and must be gone well within this
     * (their driver timeout, 30 s, would be too late).
     */
    private static final Duration RANKS_GONE_WITHIN = Duration.ofSeconds(15);
    /** Older than jrun's limit for stale directories (10 s), with a margin. */
    private static final long OLD_MS = TimeUnit.SECONDS.toMillis(30);
    /** jrun takes a driver that has been silent for 5 s for dead; with a margin. */
    private static final long DRIVER_DEAD_MS = TimeUnit.SECONDS.toMillis(6);

    @Test
    void ranksExitWhenJrunIsKilledAndTheNextJrunRemovesTheDirectory() throws IOException, InterruptedException
    {
        final String jobId = JobRunner.newJobId();
        final int np = 3;
        final Path aeronDir = JobRunner.aeronDir(jobId);
        final long killedNs;
        try (RunningJob job = JobRunner.start("-np", Integer.toString(np), "--job-id", jobId,
            BlockForever.class.getName()))
        {
            job.awaitStdout(out -> out.lines().filter(line -> line.endsWith("blocking")).count() == np, JOB_TIMEOUT);
            assertEquals(np, JobRunner.processesOf(jobId).size());

            job.process().toHandle().destroyForcibly();
            killedNs = System.nanoTime();
            awaitNoProcesses(jobId, RANKS_GONE_WITHIN);
            System.out.println("ranks gone " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedNs) +
                " ms after jrun was killed");
        }

        assertTrue(Files.isDirectory(aeronDir), "nobody removed the directory of the killed jrun");
        assertNextJrunRemoves(aeronDir, killedNs);
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void theNextJrunKeepsTheDirectoryOfALiveJob() throws IOException
    {
        final String liveJob = JobRunner.newJobId();
        final Path liveDir = JobRunner.aeronDir(liveJob);
        try (RunningJob live = JobRunner.start("-np", "2", "--job-id", liveJob, "--timeout", "50",
            BlockForever.class.getName()))
        {
            live.awaitStdout(out -> out.lines().filter(line -> line.endsWith("blocking")).count() == 2, JOB_TIMEOUT);
            // however old it looks, its driver runs
            age(liveDir);

            final JobResult other = JobRunner.run(1, Quick.class).assertSuccess();

            assertFalse(other.stderr().contains(liveDir.toString()), other.toString());
            assertTrue(Files.isDirectory(liveDir));
            assertTrue(live.process().isAlive(), live.stderrSoFar());
        }
        JobRunner.assertCleanedUp(liveJob);
    }

    private static void assertNextJrunRemoves(final Path aeronDir, final long killedNs)
        throws IOException, InterruptedException
    {
        // jrun leaves young directories alone (they may belong to a job that is starting), and those whose driver
        // heartbeated lately
        age(aeronDir);
        final long driverSilentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedNs);
        Thread.sleep(Math.max(0, DRIVER_DEAD_MS - driverSilentMs));

        final JobResult next = JobRunner.run(1, Quick.class).assertSuccess();

        assertTrue(next.stderrLines().contains("jrun: removed stale job directory " + aeronDir), next.toString());
        assertFalse(Files.exists(aeronDir), next.toString());
    }

    private static void awaitNoProcesses(final String jobId, final Duration within)
    {
        final long deadlineNs = System.nanoTime() + within.toNanos();
        Set<ProcessHandle> left = JobRunner.processesOf(jobId);
        while (!left.isEmpty())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("processes of job " + jobId + " still run " + within + " after jrun was " +
                    "killed: " + left.stream().map(ProcessHandle::pid).toList());
            }
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            left = JobRunner.processesOf(jobId);
        }
    }

    /**
     * Make the directory and everything in it look last modified long ago.
     */
    private static void age(final Path dir) throws IOException
    {
        final FileTime then = FileTime.fromMillis(System.currentTimeMillis() - OLD_MS);
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.toList())
            {
                Files.setLastModifiedTime(path, then);
            }
        }
    }

    /**
     * Every rank waits in a receive that nothing matches.
     */
    public static final class BlockForever
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                Ranks.say("blocking");
                world.recv(new byte[8], 0, 8, Mpi.ANY_SOURCE, 12345);
            }
        }
    }

    public static final class Quick
    {
        public static void main(final String[] args)
        {
            Ranks.say("done");
        }
    }

}
