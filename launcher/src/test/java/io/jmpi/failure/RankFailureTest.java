package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rank that dies (SIGKILL), throws out of main, calls abort, or leaves without closing jmpi never leaves the job
 * hanging: jrun says which rank failed and how, ends the others within 5 s and exits non-zero. With
 * {@code --grace}, the survivors see the failure themselves: their calls on the dead rank raise ERR_PROC_FAILED.
 */
public class RankFailureTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /** From the failure to the end of jrun, when jrun ends the others at once. */
    private static final long MAX_END_MS = 5_000;
    /**
     * From the failure to the end of jrun, when the survivors must notice it and finish: jrun tells the driver that
     * the dead rank's client is dead, and the driver closes its inbox within a second (its client liveness timeout,
     * 30 s, would be too late).
     */
    private static final long MAX_DETECTION_END_MS = 8_000;

    @ParameterizedTest(name = "rank 1 fails by {0}")
    @CsvSource(delimiter = '|', value = {
        "kill9 | 137 | jrun: rank 1 was killed by signal 9 (SIGKILL)",
        "throw | 1   | jrun: rank 1 exited with code 1 (java.lang.IllegalStateException: boom)",
        "abort | 3   | jrun: rank 1 exited with code 3 (called abort(3))",
        "exit  | 1   | jrun: rank 1 exited with code 0 without closing jmpi",
        "halt  | 1   | jrun: rank 1 exited with code 0 without closing jmpi",
    })
    void jrunReportsTheFailureAndEndsTheOthers(final String how, final int exitCode, final String message)
    {
        final String jobId = JobRunner.newJobId();
        final Timed timed = runUntilDeath(jobId, List.of(), 3, FailWhileOthersWait.class, how);
        final JobResult result = timed.result;

        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(List.of(message), result.jrunMessages(), result.toString());
        assertTrue(timed.endMs < MAX_END_MS, "ended " + timed.endMs + " ms after the failure\n" + result);
        switch (how)
        {
            case "throw" -> assertTrue(result.stderrLines().contains(
                "[1] Exception in thread \"main\" java.lang.IllegalStateException: boom"), result.toString());
            case "abort" -> assertTrue(result.stderrLines().contains("[1] jmpi: rank 1 called abort(3)"),
                result.toString());
            default ->
            {
                // the exit status says it all
            }
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @ParameterizedTest(name = "rank 1 fails by {0}")
    @CsvSource(delimiter = '|', value = {
        "kill9 | 137 | jrun: rank 1 was killed by signal 9 (SIGKILL)",
        "halt  | 1   | jrun: rank 1 exited with code 0 without closing jmpi",
    })
    void survivorsBlockedOnTheDeadRankGetErrProcFailed(final String how, final int exitCode, final String message)
    {
        final String jobId = JobRunner.newJobId();
        final Timed timed = runUntilDeath(jobId, List.of("--grace", "10"), 2, SurviveAFailure.class, how);
        final JobResult result = timed.result;

        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(List.of(message), result.jrunMessages(), result.toString());
        final List<String> expected = new ArrayList<>();
        for (final String operation : SurviveAFailure.OPERATIONS)
        {
            expected.add(operation + ": ERR_PROC_FAILED");
        }
        final List<String> survivor = result.linesOfRank(0);
        assertEquals(expected, survivor.stream().filter(line -> line.contains(": ")).sorted().toList(),
            result.toString());
        assertEquals("survived", survivor.get(survivor.size() - 1), result.toString());
        assertTrue(timed.endMs < MAX_DETECTION_END_MS, "ended " + timed.endMs + " ms after the failure\n" + result);
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Run a job whose rank 1 says "dying" just before it fails, and time the rest of the job from that line.
     */
    private static Timed runUntilDeath(
        final String jobId, final List<String> options, final int np, final Class<?> program, final String how)
    {
        final List<String> args = new ArrayList<>(List.of("-np", Integer.toString(np), "--job-id", jobId));
        args.addAll(options);
        args.add(program.getName());
        args.add(how);
        try (RunningJob job = JobRunner.start(args.toArray(new String[0])))
        {
            job.awaitStdout(out -> out.contains("[1] dying\n"), JOB_TIMEOUT);
            final long dyingNs = System.nanoTime();
            final JobResult result = job.await(JOB_TIMEOUT);
            return new Timed(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dyingNs));
        }
    }

    private record Timed(JobResult result, long endMs)
    {
    }

    /**
     * Rank 1 fails as {@code args[0]} says while rank 0 and rank 2 wait in recv from it.
     */
    public static final class FailWhileOthersWait
    {
        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final byte[] buffer = new byte[16];
                if (1 == world.rank())
                {
                    // let the others block first
                    Thread.sleep(500);
                    Ranks.say("dying");
                    switch (args[0])
                    {
                        case "throw" -> throw new IllegalStateException("boom");
                        case "abort" -> mpi.abort(3);
                        default -> Ranks.die(args[0]);
                    }
                }
                world.recv(buffer, 0, buffer.length, 1, world.rank());
                Ranks.say("received from a dead rank");
            }
        }
    }

    /**
     * Rank 1 dies without closing jmpi (as {@code args[0]} says) while rank 0 waits on it in five ways at once, one
     * per thread; rank 0 reports what each call raised and closes jmpi.
     */
    public static final class SurviveAFailure
    {
        static final List<String> OPERATIONS = List.of("barrier", "bcast", "recv", "ssend", "wait");

        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                // collectives of different threads need communicators of their own
                final Comm forBcast = world.dup();
                final Comm forBarrier = world.dup();
                if (1 == world.rank())
                {
                    Thread.sleep(1000);
                    Ranks.say("dying");
                    Ranks.die(args[0]);
                }

                final byte[] data = new byte[64];
                final List<Thread> threads = new ArrayList<>();
                threads.add(call("recv", () -> world.recv(new byte[64], 0, 64, 1, 1)));
                threads.add(call("wait", () -> world.irecv(new byte[64], 0, 64, 1, 2).waitFor()));
                threads.add(call("ssend", () -> world.ssend(data, 0, data.length, 1, 3)));
                threads.add(call("bcast", () -> forBcast.bcast(new byte[64], 0, 64, 1)));
                threads.add(call("barrier", forBarrier::barrier));
                for (final Thread thread : threads)
                {
                    thread.join();
                }
                Ranks.say("survived");
            }
        }

        private static Thread call(final String name, final Runnable operation)
        {
            final Thread thread = new Thread(() ->
            {
                try
                {
                    operation.run();
                    Ranks.say(name + ": returned");
                }
                catch (final MpiException ex)
                {
                    Ranks.say(name + ": " + ex.errorClass());
                    System.err.println(name + ": " + ex.getMessage());
                }
                catch (final RuntimeException ex)
                {
                    Ranks.say(name + ": unexpected " + ex);
                }
            }, name);
            thread.start();
            return thread;
        }
    }
}
