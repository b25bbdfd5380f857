package io.jmpi.multihost;

import io.jmpi.failure.RankFailureTest;
import io.jmpi.failure.TimeoutTest;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures in a job across three hosts behave as on one host: jrun names the failed rank, its host and how it
 * failed (its exception, an exit without closing jmpi), ends the others and exits with the rank's code; with
 * {@code --grace} the survivors on other hosts see ERR_PROC_FAILED themselves; the timeout asks every rank what it
 * is blocked in. Ranks are placed round-robin, so rank 1 runs on jmpih2.
 */
@ExtendWith(TestHosts.Lifecycle.class)
class MultiHostFailureTest
{
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @ParameterizedTest(name = "rank 1 on another host fails by {0}")
    @CsvSource(delimiter = '|', value = {
        "throw | 1   | jrun: rank 1 exited with code 1 on host jmpih2 (java.lang.IllegalStateException: boom)",
        "exit  | 1   | jrun: rank 1 exited with code 0 without closing jmpi on host jmpih2",
        "kill9 | 137 | jrun: rank 1 was killed by signal 9 (SIGKILL) on host jmpih2",
    })
    void jrunNamesTheFailedRankAndItsHost(final String how, final int exitCode, final String message)
    {
        TestHosts.require();
        final JobResult result = run(List.of(), 3, RankFailureTest.FailWhileOthersWait.class, how);

        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(List.of(message), result.jrunMessages(), result.toString());
    }

    @Test
    void survivorsOnOtherHostsGetErrProcFailedDuringTheGrace()
    {
        TestHosts.require();
        final JobResult result =
            run(List.of("--grace", "20"), 3, RankFailureTest.SurviveAFailure.class, "kill9");

        assertEquals(137, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 1 was killed by signal 9 (SIGKILL) on host jmpih2"), result.jrunMessages(),
            result.toString());
        final List<String> survivor = result.linesOfRank(0);
        assertTrue(survivor.contains("recv: ERR_PROC_FAILED"), result.toString());
        assertTrue(survivor.contains("bcast: ERR_PROC_FAILED"), result.toString());
        assertEquals("survived", survivor.get(survivor.size() - 1), result.toString());
    }

    @Test
    void theTimeoutAsksRanksOnEveryHostWhatTheyAreBlockedIn()
    {
        TestHosts.require();
        final JobResult result = run(List.of("--timeout", "8"), 2, TimeoutTest.Deadlock.class);

        assertEquals(124, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: job timed out after 8 s"), result.jrunMessages(), result.toString());
        for (final int rank : new int[]{ 0, 1 })
        {
            assertTrue(result.errorLinesOfRank(rank).stream().anyMatch(
                line -> line.startsWith("jmpi: rank " + rank + " blocked in recv(source=" + (1 - rank))),
                result.toString());
        }
    }

    @Test
    void aHostThatCannotBeReachedIsNamedWithinSeconds()
    {
        TestHosts.require();
        final long startNs = System.nanoTime();
        final JobResult result = JobRunner.run(
            List.of("--host", "jmpih1:1,jmpih9:1", "--launch-agent", TestHosts.LAUNCH_AGENT), TIMEOUT, 2,
            TimeoutTest.Deadlock.class);
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.jrunMessages().size(), result.toString());
        assertTrue(result.jrunMessages().get(0).startsWith("jrun: cannot reach host jmpih9: its launch agent ended"),
            result.toString());
        assertTrue(seconds < 15, "took " + seconds + " s\n" + result);
    }

    private static JobResult run(
        final List<String> extra, final int np, final Class<?> program, final String... args)
    {
        final List<String> options = new ArrayList<>(List.of(
            "--host", "jmpih1:1,jmpih2:1,jmpih3:1", "--map-by", "node", "--launch-agent", TestHosts.LAUNCH_AGENT));
        options.addAll(extra);
        return JobRunner.run(options, TIMEOUT, np, program, args);
    }
}
