package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Unexpected eager messages are buffered at the receiver until their receives come: once drained, their buffers
 * are given back, and a flood beyond the bound of what a rank holds fails the receives that wanted it with
 * ERR_NO_MEM naming the sender, not with an OutOfMemoryError.
 */
class UnexpectedFloodTest
{
    private static final int FLOOD_TAG = 1;
    private static final int LAST_TAG = 2;
    private static final int MIB = 1024 * 1024;

    @Test
    void theMemoryOfADrainedFloodIsGivenBack()
    {
        // a heap of 2 GiB: the default bound, a quarter of it, holds the flood
        final JobResult result = JobRunner.run(
            List.of("-J-Xmx2g"), JobRunner.DEFAULT_TIMEOUT, 2, Drained.class, "256").assertSuccess();
        assertEquals(List.of("given back"), result.linesOfRank(1), result.toString());
    }

    @Test
    void aFloodBeyondTheBoundFailsWithTheSenderNamedAndTheRankGoesOn()
    {
        // unbounded, 512 MiB of messages would not fit this heap
        final JobResult result = JobRunner.run(
            List.of("-J-Xmx256m", "-J-Djmpi.unexpectedLimit=" + 32 * MIB), JobRunner.DEFAULT_TIMEOUT, 3,
            Flooded.class, "512").assertSuccess();
        final String error = "ERR_NO_MEM: rank 0 of WORLD sent more unexpected messages than this rank holds " +
            "(jmpi.unexpectedLimit=33554432 bytes): its messages from then on are lost; receive sooner, or send " +
            "synchronously";
        assertEquals(List.of(
            "posted receive: " + error,
            "queued messages received in order",
            "receive after them: " + error,
            "probe after them: " + error,
            "still communicating"), result.linesOfRank(1), result.toString());
        final String refused = " failed: the receiver holds as many unexpected messages as it may " +
            "(jmpi.unexpectedLimit) and dropped this one; it must receive sooner";
        assertEquals(List.of(
            "ssend after the flood: ERR_NO_MEM: ssend to rank 1 tag 1" + refused,
            "large send after the flood: ERR_NO_MEM: send to rank 1 tag 1" + refused), result.linesOfRank(0),
            result.toString());
    }

    /**
     * Rank 0 sends its argument's worth of MiB in eager messages of the largest eager size, then one more with
     * another tag. Each message starts with its number.
     */
    static void flood(final Comm world, final int mebibytes)
    {
        final byte[] message = new byte[Mpi.DEFAULT_EAGER_LIMIT];
        final ByteBuffer sequence = ByteBuffer.wrap(message);
        final int count = (int)((long)mebibytes * MIB / message.length);
        for (int i = 0; i < count; i++)
        {
            sequence.putInt(0, i);
            world.send(message, 0, message.length, 1, FLOOD_TAG);
        }
        world.send(message, 0, 1, 1, LAST_TAG);
    }

    static long heapUsedAfterGc()
    {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Rank 1 lets the whole flood arrive unexpected (it probes for the last message, which comes after it), then
     * receives it, and checks that the heap in use after a collection is back within 64 MiB of where it started.
     */
    public static final class Drained
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int mebibytes = Integer.parseInt(args[0]);
                world.barrier();
                if (0 == world.rank())
                {
                    flood(world, mebibytes);
                    world.barrier();
                    return;
                }
                final long before = heapUsedAfterGc();
                world.probe(0, LAST_TAG);
                final long flooded = heapUsedAfterGc();
                Payloads.checkTrue(flooded - before > (long)mebibytes * MIB,
                    "the flood is held: " + (flooded - before) / MIB + " MiB");
                final byte[] message = new byte[Mpi.DEFAULT_EAGER_LIMIT];
                final int count = (int)((long)mebibytes * MIB / message.length);
                for (int i = 0; i < count; i++)
                {
                    world.recv(message, 0, message.length, 0, FLOOD_TAG);
                    Payloads.checkEquals(i, ByteBuffer.wrap(message).getInt(0), "message number");
                }
                world.recv(message, 0, 1, 0, LAST_TAG);
                final long after = heapUsedAfterGc();
                Payloads.checkTrue(after - before < 64L * MIB, "heap in use before the flood " + before / MIB +
                    " MiB, with it " + flooded / MIB + " MiB, after it was drained " + after / MIB + " MiB");
                System.out.println("given back");
                world.barrier();
            }
        }
    }

    /**
     * Rank 0 floods rank 1 beyond its bound. Rank 1 waits in a receive of the last message, which fails; then it
     * receives what was queued, in order, until a receive and a probe from rank 0 fail too; then it still
     * exchanges messages with rank 2, which answers once the queue is drained (the bound is the rank's, not the
     * sender's) and rank 0 is done.
     */
    public static final class Flooded
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int[] word = new int[1];
                if (0 == world.rank())
                {
                    flood(world, Integer.parseInt(args[0]));
                    // a dropped message whose sender waits for an answer is refused, not left to hang
                    final byte[] large = new byte[Mpi.DEFAULT_EAGER_LIMIT * 4];
                    expectOverflow("ssend after the flood", () -> world.ssend(large, 0, 1, 1, FLOOD_TAG));
                    expectOverflow("large send after the flood",
                        () -> world.send(large, 0, large.length, 1, FLOOD_TAG));
                    world.send(word, 0, 1, 2, LAST_TAG);
                }
                else if (2 == world.rank())
                {
                    // rank 1 ends once rank 0 has flooded it all, lest rank 0's sends fail on its departure
                    world.recv(word, 0, 1, 0, LAST_TAG);
                    world.recv(word, 0, 1, 1, LAST_TAG);
                    world.send(word, 0, 1, 1, LAST_TAG);
                }
                else
                {
                    receiveFlood(world);
                    final long before = heapUsedAfterGc();
                    world.send(word, 0, 1, 2, LAST_TAG);
                    word[0] = 0;
                    world.recv(word, 0, 1, 2, LAST_TAG);
                    Payloads.checkTrue(heapUsedAfterGc() - before < 64L * MIB, "memory of the drained flood");
                    System.out.println("still communicating");
                }
            }
        }

        private static void receiveFlood(final Comm world)
        {
            final byte[] message = new byte[Mpi.DEFAULT_EAGER_LIMIT];
            expectOverflow("posted receive", () -> world.recv(message, 0, 1, 0, LAST_TAG));
            int received = 0;
            try
            {
                while (true)
                {
                    world.recv(message, 0, message.length, 0, FLOOD_TAG);
                    Payloads.checkEquals(received, ByteBuffer.wrap(message).getInt(0), "message number");
                    received++;
                }
            }
            catch (final MpiException ex)
            {
                Payloads.checkTrue(received > 0 && (long)received * message.length <= 32L * MIB,
                    received + " messages were queued");
                System.out.println("queued messages received in order");
                System.out.println("receive after them: " + ex.getMessage());
            }
            expectOverflow("probe after them", () -> world.iprobe(0, Mpi.ANY_TAG, new Status()));
        }

        private static void expectOverflow(final String what, final Runnable call)
        {
            try
            {
                call.run();
                throw new AssertionError(what + " raised nothing");
            }
            catch (final MpiException ex)
            {
                Payloads.checkEquals(ErrorClass.ERR_NO_MEM, ex.errorClass(), what);
                System.out.println(what + ": " + ex.getMessage());
            }
        }
    }
}
