package io.jmpi.failure;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import io.jmpi.launcher.RunningJob;
import io.jmpi.transport.Channels;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process of the same user outside the job, which knows the job's id but not its secret, writes garbage and
 * forged frames onto the ranks' inboxes: through publications of its own on the job's driver, and straight into
 * the log buffers of the ranks' inboxes. The forged frames carry the token the job's id would give, and include a
 * BYE from each rank: the ranks drop them all, count them, and still exchange their real messages intact.
 */
public class StrangerTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    /** Tag of the real exchange; the forged frames use it too, so a forged frame taken for real fails a check. */
    public static final int TAG = 21;
    public static final int[] SIZES = { 0, 1, 100, 4096, 200_000 };

    @TempDir
    Path tempDir;

    @Test
    void ranksDropWhatAStrangerWritesOntoTheirInboxes() throws IOException
    {
        final String jobId = JobRunner.newJobId();
        final Path go = tempDir.resolve("go");
        try (RunningJob job = JobRunner.start("-np", "2", "--job-id", jobId, Exchange.class.getName(), go.toString()))
        {
            job.awaitStdout(out -> out.contains("[0] ready\n") && out.contains("[1] ready\n"), JOB_TIMEOUT);

            try (RunningJob stranger = JobRunner.startJava(
                Stranger.class, JobRunner.aeronDir(jobId).toString(), jobId))
            {
                final JobResult strangerResult = stranger.await(JOB_TIMEOUT);
                assertEquals(0, strangerResult.exitCode(), strangerResult.toString());
                assertTrue(strangerResult.stdout().contains(" frames into inbox logs"), strangerResult.toString());
            }
            Files.createFile(go);

            assertExchangedAndDropped(job.await(JOB_TIMEOUT).assertSuccess());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * @param result the result of a job of two ranks running {@link Exchange}.
     * @throws AssertionError unless both ranks exchanged intact and dropped frames.
     */
    public static void assertExchangedAndDropped(final JobResult result)
    {
        for (int rank = 0; rank < 2; rank++)
        {
            final List<String> lines = result.linesOfRank(rank);
            assertTrue(lines.contains("exchange ok"), result.toString());
            final long dropped = lines.stream().filter(line -> line.startsWith("dropped frames: "))
                .mapToLong(line -> Long.parseLong(line.substring("dropped frames: ".length())))
                .findFirst().orElse(-1);
            assertTrue(dropped > 0, "rank " + rank + " dropped " + dropped + "\n" + result);
        }
    }

    /**
     * Both ranks wait for the test's go, then exchange messages of every size in both directions with the tag the
     * stranger forges, checking every byte; then they say how many frames they dropped.
     */
    public static final class Exchange
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int peer = 1 - me;
                Ranks.say("ready");
                Ranks.awaitFile(Path.of(args[0]), 60);

                for (final int size : SIZES)
                {
                    final byte[] out = new byte[size];
                    final byte[] in = new byte[size];
                    Ranks.fill(out, size, seed(me, size));
                    if (0 == me)
                    {
                        world.send(out, 0, size, peer, TAG);
                        world.recv(in, 0, size, peer, TAG);
                    }
                    else
                    {
                        world.recv(in, 0, size, peer, TAG);
                        world.send(out, 0, size, peer, TAG);
                    }
                    Ranks.check(in, size, seed(peer, size), "message of " + size + " B from rank " + peer);
                }
                world.barrier();
                Ranks.say("exchange ok");
                Ranks.say("dropped frames: " + mpi.droppedFrames());
            }
        }

        static long seed(final int source, final int size)
        {
            return source * 1_000_003L + size;
        }
    }

    /**
     * Not a rank: connects to the job's driver ({@code args[0]}) as a plain Aeron client and writes the
     * {@link ForgedFrames} of the job's id ({@code args[1]}), and the same with another token, onto every inbox
     * through a shared and an exclusive publication; then appends them to every inbox log in the job's directory.
     */
    public static final class Stranger
    {
        public static void main(final String[] args) throws InterruptedException
        {
            final long token = ForgedFrames.tokenOfJobId(args[1]);
            final List<byte[]> frames = new ArrayList<>(ForgedFrames.frames(token, 2, TAG, SIZES));
            frames.addAll(ForgedFrames.frames(~token, 2, TAG, SIZES));
            int written = 0;
            try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(args[0])))
            {
                for (int rank = 0; rank < 2; rank++)
                {
                    final Publication shared = aeron.addPublication(Channels.IPC_CHANNEL, Channels.inboxStreamId(rank));
                    final ExclusivePublication exclusive = aeron.addExclusivePublication(
                        Channels.IPC_CHANNEL, Channels.inboxStreamId(rank));
                    for (final byte[] frame : frames)
                    {
                        offer(shared, frame);
                        offer(exclusive, frame);
                        written += 2;
                    }
                    shared.close();
                    exclusive.close();
                }
            }
            System.out.println("stranger wrote " + written + " frames through publications");
            final int appended = InboxLogs.appendToAll(Path.of(args[0]), frames);
            if (0 == appended)
            {
                throw new IllegalStateException("found no inbox log to append to in " + args[0]);
            }
            System.out.println("stranger wrote " + appended + " frames into inbox logs");
        }

        private static void offer(final Publication publication, final byte[] frame) throws InterruptedException
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(frame);
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long result;
            while ((result = publication.offer(buffer, 0, frame.length)) < 0)
            {
                if (System.nanoTime() > deadlineNs)
                {
                    throw new IllegalStateException("cannot write onto " + publication.streamId() + ": " + result);
                }
                Thread.sleep(1);
            }
        }
    }
}
