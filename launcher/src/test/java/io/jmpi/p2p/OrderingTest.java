package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Non-overtaking: messages from one sender that match the same receive arrive in the order sent, whatever their
 * sizes (eager or rendezvous) and send modes.
 */
class OrderingTest
{
    static final int[] SIZES = { 4, 1 << 20, 0, 100_000, 40_000, 8, 32 * 1024, 32 * 1024 + 1, 3 << 20, 16 };
    static final int MESSAGES = 300;

    @Test
    void mixedSizesAndModesArriveInSendOrder()
    {
        final JobResult result = JobRunner.run(3, MixedStream.class).assertSuccess();
        assertEquals(List.of("in order: " + 2 * MESSAGES), result.linesOfRank(0));
    }

    public static final class MixedStream
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                if (0 == me)
                {
                    receive(world);
                }
                else
                {
                    send(mpi, world, me);
                }
            }
        }

        private static void send(final Mpi mpi, final Comm world, final int me)
        {
            mpi.attachBuffer(new byte[64 << 20]);
            final List<Request> pending = new ArrayList<>();
            final List<byte[]> keep = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++)
            {
                final int length = SIZES[i % SIZES.length];
                final byte[] data = Payloads.bytes(length, Payloads.seed(me, 0, i));
                switch (i % 5)
                {
                    case 0 -> world.send(data, 0, length, 0, i % 3);
                    case 1 -> world.ssend(data, 0, length, 0, i % 3);
                    case 2 -> world.bsend(data, 0, length, 0, i % 3);
                    case 3 ->
                    {
                        pending.add(world.isend(data, 0, length, 0, i % 3));
                        keep.add(data);
                    }
                    default ->
                    {
                        pending.add(world.issend(data, 0, length, 0, i % 3));
                        keep.add(data);
                    }
                }
            }
            Request.waitAll(pending.toArray(new Request[0]));
            mpi.detachBuffer();
        }

        private static void receive(final Comm world)
        {
            final byte[] into = new byte[3 << 20];
            final int[] next = new int[world.size()];
            final Status status = new Status();
            for (int k = 0; k < 2 * MESSAGES; k++)
            {
                world.recv(into, 0, into.length, Mpi.ANY_SOURCE, Mpi.ANY_TAG, status);
                final int source = status.source();
                final int i = next[source]++;
                final int length = SIZES[i % SIZES.length];
                Payloads.checkEquals(i % 3, status.tag(), "tag of message " + i + " from " + source);
                Payloads.checkEquals(length, status.bytes(), "length of message " + i + " from " + source);
                Payloads.check(into, length, Payloads.seed(source, 0, i), "message " + i + " from " + source);
            }
            System.out.println("in order: " + (next[1] + next[2]));
        }
    }
}
