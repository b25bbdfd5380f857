package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A paused rank (SIGSTOP, as a debugger or a long garbage collection pauses it) is not a dead one: the job waits
 * for it and finishes correctly once it runs again; a rank that never runs again is bounded by {@code --timeout},
 * whose report names it as the rank that is stopped.
 */
public class PauseTest
{
    static final int RANKS = 4;
    static final int STOPPED_RANK = 2;
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    /** Beyond the 30 s that the driver and clients waited for one another before. */
    private static final long LONG_PAUSE_MS = 40_000;
    private static final Pattern PID = Pattern.compile("\\[" + STOPPED_RANK + "] pid (\\d+)\n");

    @Test
    void aRankPausedForFortySecondsIsWaitedFor() throws Exception
    {
        final String jobId = JobRunner.newJobId();
        pauseAndFinish(List.of("--job-id", jobId), LONG_PAUSE_MS);
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Run {@link Exchange} with these jrun options, stop rank 2 for a while the others wait on it, and check that
     * the job finishes with the right results.
     *
     * @param options jrun options before the program, e.g. the hosts.
     * @param pauseMs how long rank 2 stays stopped.
     */
    public static void pauseAndFinish(final List<String> options, final long pauseMs) throws Exception
    {
        final Path go = Files.createTempFile("jmpi-pause", ".go");
        Files.delete(go);
        final List<String> args = new ArrayList<>(List.of("-np", Integer.toString(RANKS)));
        args.addAll(options);
        args.addAll(List.of(Exchange.class.getName(), go.toString()));
        try (RunningJob job = JobRunner.start(args.toArray(new String[0])))
        {
            final long pid = stopTheRank(job);
            // the others now block on the stopped rank in every round
            Files.createFile(go);
            Thread.sleep(pauseMs);
            signal("CONT", pid);

            final JobResult result = job.await(JOB_TIMEOUT);
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(List.of(), result.jrunMessages(), result.toString());
            for (int rank = 0; rank < RANKS; rank++)
            {
                assertEquals("checked " + Exchange.ROUNDS + " rounds, sum " + Exchange.expectedSum(),
                    lastLine(result.linesOfRank(rank)), result.toString());
            }
        }
        finally
        {
            Files.deleteIfExists(go);
        }
    }

    @Test
    void theTimeoutNamesARankThatStaysStopped() throws Exception
    {
        final String jobId = JobRunner.newJobId();
        stopUntilTheTimeout(List.of("--job-id", jobId), "");
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Run {@link Exchange} with these jrun options and {@code --timeout 20}, stop rank 2 for good, and check that the
     * timeout ends the job and its report names the stopped rank.
     *
     * @param options jrun options before the program, e.g. the hosts.
     * @param where   where rank 2 runs, as jrun says it: {@code " on host jmpih3"}, or empty.
     */
    public static void stopUntilTheTimeout(final List<String> options, final String where) throws Exception
    {
        final Path go = Files.createTempFile("jmpi-pause", ".go");
        Files.delete(go);
        final List<String> args = new ArrayList<>(List.of("-np", Integer.toString(RANKS), "--timeout", "20"));
        args.addAll(options);
        args.addAll(List.of(Exchange.class.getName(), go.toString()));
        try (RunningJob job = JobRunner.start(args.toArray(new String[0])))
        {
            stopTheRank(job);
            Files.createFile(go);
            final long stoppedNs = System.nanoTime();

            final JobResult result = job.await(JOB_TIMEOUT);
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedNs);
            assertEquals(124, result.exitCode(), result.toString());
            assertEquals(List.of(
                "jrun: rank " + STOPPED_RANK + where + " did not answer: its process is stopped",
                "jrun: job timed out after 20 s"), result.jrunMessages(), result.toString());
            // the others say where they wait; the stopped rank cannot
            assertTrue(result.errorLinesOfRank(1).stream().anyMatch(
                line -> line.startsWith("jmpi: rank 1 blocked in sendrecv(dest=" + STOPPED_RANK)), result.toString());
            assertTrue(result.errorLinesOfRank(STOPPED_RANK).isEmpty(), result.toString());
            // started before the stop: the job's 20 s end at most that much after it, plus the report and the kill
            assertTrue(seconds <= 20 + 10, "ended " + seconds + " s after the stop\n" + result);
        }
        finally
        {
            Files.deleteIfExists(go);
        }
    }

    private static long stopTheRank(final RunningJob job)
    {
        job.awaitStdout(out -> PID.matcher(out).find(), JOB_TIMEOUT);
        final Matcher matcher = PID.matcher(job.stdoutSoFar());
        assertTrue(matcher.find());
        final long pid = Long.parseLong(matcher.group(1));
        signal("STOP", pid);
        return pid;
    }

    private static void signal(final String signal, final long pid)
    {
        try
        {
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor());
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new AssertionError("cannot send SIG" + signal + " to " + pid, ex);
        }
    }

    private static String lastLine(final List<String> lines)
    {
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    /**
     * Every rank says its pid; rank 2 then waits for the file {@code args[0]} (which the test creates once it has
     * stopped it), the others go on at once. Then rounds of a ring exchange, eager and rendezvous, checked byte by
     * byte, and an allreduce.
     */
    public static final class Exchange
    {
        static final int ROUNDS = 20;
        private static final int[] LENGTHS = { 100, 300_000 };

        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int rank = world.rank();
                final int size = world.size();
                Ranks.say("pid " + ProcessHandle.current().pid());
                if (STOPPED_RANK == rank)
                {
                    Ranks.awaitFile(Path.of(args[0]), 60);
                }
                final byte[] out = new byte[LENGTHS[1]];
                final byte[] in = new byte[LENGTHS[1]];
                final long[] sum = new long[1];
                final Status status = new Status();
                for (int round = 0; round < ROUNDS; round++)
                {
                    for (final int length : LENGTHS)
                    {
                        final int next = (rank + 1) % size;
                        final int previous = (rank + size - 1) % size;
                        Ranks.fill(out, length, seed(rank, round, length));
                        world.sendrecv(out, 0, length, next, round, in, 0, length, previous, round, status);
                        Ranks.check(in, length, seed(previous, round, length), "round " + round);
                    }
                    final long[] mine = { rank + round };
                    world.allreduce(mine, 0, sum, 0, 1, Op.SUM);
                    if (sum[0] != roundSum(size, round))
                    {
                        throw new IllegalStateException("round " + round + ": sum " + sum[0]);
                    }
                }
                Ranks.say("checked " + ROUNDS + " rounds, sum " + sum[0]);
            }
        }

        static long expectedSum()
        {
            return roundSum(RANKS, ROUNDS - 1);
        }

        private static long roundSum(final int size, final int round)
        {
            return (long)size * (size - 1) / 2 + (long)size * round;
        }

        private static long seed(final int rank, final int round, final int length)
        {
            return ((long)rank << 40) ^ ((long)round << 20) ^ length;
        }
    }
}
