package io.jmpi.failure;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Request;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sender killed with SIGKILL during a large transfer to a rank on its host, with {@code --grace} so that the
 * receiver reports: killed with the data ring full and most of the message unsent, the receive fails with
 * ERR_PROC_FAILED; killed before the receive matched, a message that would come through the ring fails too, while
 * one sent from shared memory ({@link Mpi#allocMem}) is whole in the sender's buffer and is delivered intact, as an
 * eager message already in the inbox would be. Nothing hangs, and the job leaves nothing behind.
 */
class TransferFailureTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final int LENGTH = 8 << 20;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ring-mid-transfer     | recv: ERR_PROC_FAILED",
        "ring-before-match     | recv: ERR_PROC_FAILED",
        "shared-before-match   | recv: intact",
    })
    void receiverOfAKilledSenderGetsAnErrorOrTheWholeMessage(final String how, final String expected)
    {
        final String jobId = JobRunner.newJobId();
        try (RunningJob job = JobRunner.start(
            "-np", "2", "--job-id", jobId, "--grace", "10", KilledSender.class.getName(), how))
        {
            final JobResult result = job.await(JOB_TIMEOUT);
            assertEquals(137, result.exitCode(), result.toString());
            assertEquals(List.of("jrun: rank 1 was killed by signal 9 (SIGKILL)"), result.jrunMessages(), result.toString());
            assertEquals(List.of(expected, "survived"), result.linesOfRank(0), result.toString());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    public static final class KilledSender
    {
        public static void main(final String[] args) throws Exception
        {
            final String how = args[0];
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final boolean midTransfer = how.equals("ring-mid-transfer");
                if (1 == world.rank())
                {
                    final byte[] bytes = new byte[LENGTH];
                    Ranks.fill(bytes, LENGTH, 5);
                    final Object buffer = how.startsWith("shared") ? mpi.allocMem(LENGTH).put(bytes).clear() : bytes;
                    final Request request = world.isend(buffer, 0, LENGTH, 0, 1);
                    world.send(new byte[1], 0, 1, 0, 2);
                    if (midTransfer)
                    {
                        // the receiver matched and sleeps: this fills the ring, then waits for room
                        final long until = System.nanoTime() + 300_000_000L;
                        while (System.nanoTime() < until)
                        {
                            request.test();
                        }
                    }
                    Ranks.say("dying");
                    Ranks.die("kill9");
                }

                final byte[] into = new byte[LENGTH];
                // matched while receiving the notice behind the envelope, in the mid-transfer case only
                final Request receive = midTransfer ? world.irecv(into, 0, LENGTH, 1, 1) : null;
                world.recv(new byte[1], 0, 1, 1, 2);
                Thread.sleep(1_500);
                try
                {
                    (midTransfer ? receive : world.irecv(into, 0, LENGTH, 1, 1)).waitFor();
                    Ranks.check(into, LENGTH, 5, "message of the killed sender");
                    Ranks.say("recv: intact");
                }
                catch (final MpiException ex)
                {
                    Ranks.say("recv: " + ex.errorClass());
                }
                Ranks.say("survived");
            }
        }
    }
}
