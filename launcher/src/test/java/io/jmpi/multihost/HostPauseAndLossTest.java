package io.jmpi.multihost;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;
import io.jmpi.failure.ExitBeforeJoiningTest;
import io.jmpi.failure.PauseTest;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Across hosts a paused rank is waited for as on one host and named by the timeout's report when it stays stopped,
 * a rank that exits before joining is named at once, and
 * a host that the network loses is named, not one of the ranks that can no longer reach it. Ranks are placed
 * round-robin over jmpih1..3.
 */
@ExtendWith(TestHosts.Lifecycle.class)
class HostPauseAndLossTest
{
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> HOSTS =
        List.of("--host", "jmpih1:2,jmpih2:1,jmpih3:1", "--map-by", "node", "--launch-agent", TestHosts.LAUNCH_AGENT);

    @Test
    void aRankPausedOnAnotherHostIsWaitedFor() throws Exception
    {
        TestHosts.require();
        // the stopped rank 2 runs on jmpih3, its ring neighbours on the other two hosts
        PauseTest.pauseAndFinish(HOSTS, 10_000);
    }

    @Test
    void theTimeoutNamesARankStoppedOnAnotherHost() throws Exception
    {
        TestHosts.require();
        PauseTest.stopUntilTheTimeout(HOSTS, " on host jmpih3");
    }

    @Test
    void aRankThatExitsBeforeJoiningIsNamedWithItsHost()
    {
        TestHosts.require();
        final JobResult result = JobRunner.run(HOSTS, TIMEOUT, 2, ExitBeforeJoiningTest.ExitBeforeInit.class, "0");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(List.of("jrun: rank 1 exited with code 0 before joining the job on host jmpih2"),
            result.jrunMessages(), result.toString());
    }

    @Test
    void aHostWhoseLinkIsDownIsNamed()
    {
        TestHosts.require();
        try (RunningJob job = JobRunner.start(
            "-np", "3", "--host", "jmpih1:1,jmpih2:1,jmpih3:1", "--launch-agent", TestHosts.LAUNCH_AGENT,
            RingForever.class.getName()))
        {
            job.awaitStdout(out -> out.lines().filter(line -> line.endsWith("] ringing")).count() == 3, TIMEOUT);
            assertNull(TestHosts.link("jmpih2", false));

            final JobResult result = job.await(TIMEOUT);
            assertEquals(1, result.exitCode(), result.toString());
            assertEquals(List.of("jrun: lost host jmpih2: the agents on jmpih1, jmpih3 have not heard from it for 10 s"),
                result.jrunMessages(), result.toString());
        }
        finally
        {
            TestHosts.link("jmpih2", true);
        }
    }

    /**
     * The ranks pass a message round the ring until they are ended.
     */
    public static final class RingForever
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int next = (world.rank() + 1) % world.size();
                final int previous = (world.rank() + world.size() - 1) % world.size();
                final byte[] out = new byte[64];
                final byte[] in = new byte[64];
                final Status status = new Status();
                for (long round = 0; ; round++)
                {
                    world.sendrecv(out, 0, out.length, next, 0, in, 0, in.length, previous, 0, status);
                    if (10 == round)
                    {
                        System.out.println("ringing");
                        System.out.flush();
                    }
                }
            }
        }
    }
}
