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
import io.jmpi.transport.JobEnvironment;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process outside the job connects to the job's media driver and writes garbage, truncated and forged frames
 * onto the ranks' inboxes: the ranks drop them, count them, and still exchange their real messages intact.
 */
class StrangerTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    /** Tag of the real exchange; the forged frames use it too, so a forged frame taken for real fails a check. */
    static final int TAG = 21;
    static final int[] SIZES = { 0, 1, 100, 4096, 200_000 };

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
                assertTrue(strangerResult.stdout().contains("stranger wrote "), strangerResult.toString());
            }
            Files.createFile(go);

            final JobResult result = job.await(JOB_TIMEOUT).assertSuccess();
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
        JobRunner.assertCleanedUp(jobId);
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
     * Not a rank: connects to the job's driver ({@code args[0]}) as a plain Aeron client and writes onto every
     * inbox, through a shared and an exclusive publication: random bytes, frames cut short, frames whose fields
     * are out of range (with the job's own token, {@code args[1]} being the job id), and well-formed messages on
     * the real tag with a wrong token.
     */
    public static final class Stranger
    {
        // the frame layout of io.jmpi.engine.Wire
        private static final int HEADER_LENGTH = 48;
        private static final byte EAGER = 1;
        private static final byte CTS = 3;
        private static final byte DATA = 4;
        private static final byte ACK = 5;

        public static void main(final String[] args) throws InterruptedException
        {
            final long token = JobEnvironment.fromEnvironment(Map.of(
                JobEnvironment.RANK, "0", JobEnvironment.SIZE, "1", JobEnvironment.JOB_ID, args[1],
                JobEnvironment.AERON_DIR, args[0])).frameToken();
            final List<byte[]> frames = frames(token);
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
            System.out.println("stranger wrote " + written + " frames");
        }

        private static List<byte[]> frames(final long token)
        {
            final List<byte[]> frames = new ArrayList<>();
            final SplittableRandom random = new SplittableRandom(42);
            for (final int length : new int[]{ 1, 3, 8, 16, 31, 47, 48, 64, 1000, 4096, 60_000 })
            {
                final byte[] garbage = new byte[length];
                random.nextBytes(garbage);
                frames.add(garbage);
            }
            // the job's token, but cut short or out of range
            frames.add(cut(header(EAGER, 1, 0, TAG, 100, 0, 0, 0, token, 100), 20));
            frames.add(cut(header(EAGER, 1, 0, TAG, 100, 0, 0, 0, token, 100), HEADER_LENGTH - 1));
            frames.add(header(EAGER, 1, 0, TAG, 1000, 0, 0, 0, token, 10));
            frames.add(header(EAGER, 1, 0, TAG, -5, 0, 0, 0, token, 0));
            frames.add(header((byte)99, 1, 0, TAG, 8, 0, 0, 0, token, 8));
            frames.add(header(EAGER, 999, 0, TAG, 8, 0, 0, 0, token, 8));
            frames.add(header(EAGER, -3, 0, TAG, 8, 0, 0, 0, token, 8));
            frames.add(header(DATA, 1, 0, TAG, 200_000, 0, 7, 123_456_789L, token, 64));
            frames.add(header(DATA, 1, 0, TAG, 200_000, -64, 7, 123_456_789L, token, 64));
            frames.add(header(CTS, 1, 0, TAG, 200_000, 0, 987_654_321L, 7, token, 0));
            frames.add(header(ACK, 1, 0, TAG, 0, 0, 987_654_321L, 7, token, 0));
            // well formed, on the real tag and context, from the real peer, but not of this job
            for (final int size : SIZES)
            {
                if (size < 60_000)
                {
                    frames.add(header(EAGER, 0, 0, TAG, size, 0, 0, 0, ~token, size));
                    frames.add(header(EAGER, 1, 0, TAG, size, 0, 0, 0, ~token, size));
                }
            }
            return frames;
        }

        private static byte[] header(
            final byte type, final int source, final int context, final int tag, final int length,
            final int dataOffset, final long senderOp, final long receiverOp, final long token, final int payload)
        {
            final ByteBuffer frame = ByteBuffer.allocate(HEADER_LENGTH + payload).order(ByteOrder.LITTLE_ENDIAN);
            frame.put(0, type);
            frame.putInt(4, source);
            frame.putInt(8, context);
            frame.putInt(12, tag);
            frame.putInt(16, length);
            frame.putInt(20, dataOffset);
            frame.putLong(24, senderOp);
            frame.putLong(32, receiverOp);
            frame.putLong(40, token);
            for (int i = 0; i < payload; i++)
            {
                frame.put(HEADER_LENGTH + i, (byte)0x5A);
            }
            return frame.array();
        }

        private static byte[] cut(final byte[] frame, final int length)
        {
            final byte[] part = new byte[length];
            System.arraycopy(frame, 0, part, 0, length);
            return part;
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
