package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Randomized stress: 4 ranks send 100,000 messages in all, in random modes, sizes from 0 B to 4 MiB and random
 * tags, to random peers; every receive is a wildcard, and every byte is checked. Every rank derives the whole
 * plan from one seed, so a receiver knows what each sender sent, in order: the check covers content, envelope
 * and non-overtaking at once.
 */
public class StressTest
{
    static final int TOTAL = 100_000;
    static final long SEED = 20261123L;

    @Test
    void randomTrafficIsDeliveredIntactAndInOrder()
    {
        final JobResult result = JobRunner.run(List.of(), Duration.ofMinutes(4), 4, Stress.class).assertSuccess();
        long received = 0;
        for (int rank = 0; rank < 4; rank++)
        {
            final String line = result.linesOfRank(rank).get(0);
            received += Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(' ')));
        }
        assertEquals(TOTAL, received, result.toString());
    }

    /**
     * The plan: message i goes from sender(i) to receiver(i), with a size, tag and mode drawn from the seed.
     */
    static final class Plan
    {
        final int total;
        final int[] sender;
        final int[] receiver;
        final int[] length;
        final int[] tag;
        final int[] mode;

        Plan(final int size, final int total, final int maxLength)
        {
            this.total = total;
            sender = new int[total];
            receiver = new int[total];
            length = new int[total];
            tag = new int[total];
            mode = new int[total];
            final SplittableRandom random = new SplittableRandom(SEED);
            for (int i = 0; i < total; i++)
            {
                sender[i] = random.nextInt(size);
                receiver[i] = random.nextInt(size);
                final int bucket = random.nextInt(1000);
                length[i] = Math.min(maxLength, bucket < 900 ? random.nextInt(1025) :
                    bucket < 995 ? random.nextInt(64 * 1024 + 1) : random.nextInt((4 << 20) + 1));
                tag[i] = random.nextInt(16);
                mode[i] = random.nextInt(5);
            }
        }
    }

    /**
     * The stress program; optional arguments: total messages (default 100,000) and largest size (default 4 MiB).
     */
    public static final class Stress
    {
        public static void main(final String[] args) throws InterruptedException
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final int me = world.rank();
                final int total = args.length > 0 ? Integer.parseInt(args[0]) : TOTAL;
                final int maxLength = args.length > 1 ? Integer.parseInt(args[1]) : 4 << 20;
                final Plan plan = new Plan(world.size(), total, maxLength);
                mpi.attachBuffer(new byte[32 << 20]);
                final Thread sender = new Thread(() -> send(world, plan, me));
                sender.start();
                final long start = System.nanoTime();
                final long received = receive(world, plan, me);
                sender.join();
                mpi.detachBuffer();
                System.out.printf("received=%d in %.1f s%n", received, (System.nanoTime() - start) / 1e9);
            }
        }

        private static void send(final Comm world, final Plan plan, final int me)
        {
            final ArrayDeque<Request> window = new ArrayDeque<>();
            for (int i = 0; i < plan.total; i++)
            {
                if (plan.sender[i] != me)
                {
                    continue;
                }
                final int length = plan.length[i];
                final byte[] data = Payloads.bytes(length, i);
                final int to = plan.receiver[i];
                switch (plan.mode[i])
                {
                    case 0 -> world.send(data, 0, length, to, plan.tag[i]);
                    case 1 -> world.ssend(data, 0, length, to, plan.tag[i]);
                    case 2 -> world.bsend(data, 0, length, to, plan.tag[i]);
                    case 3 -> window.add(world.isend(data, 0, length, to, plan.tag[i]));
                    default -> window.add(world.issend(data, 0, length, to, plan.tag[i]));
                }
                while (window.size() > 32)
                {
                    window.poll().waitFor();
                }
            }
            Request.waitAll(window.toArray(new Request[0]));
        }

        private static long receive(final Comm world, final Plan plan, final int me)
        {
            final int size = world.size();
            final int[][] expected = new int[size][];
            final int[] count = new int[size];
            for (int i = 0; i < plan.total; i++)
            {
                if (plan.receiver[i] == me)
                {
                    count[plan.sender[i]]++;
                }
            }
            long total = 0;
            for (int s = 0; s < size; s++)
            {
                expected[s] = new int[count[s]];
                total += count[s];
                count[s] = 0;
            }
            for (int i = 0; i < plan.total; i++)
            {
                if (plan.receiver[i] == me)
                {
                    expected[plan.sender[i]][count[plan.sender[i]]++] = i;
                }
            }

            final byte[] into = new byte[4 << 20];
            final int[] next = new int[size];
            final Status status = new Status();
            for (long k = 0; k < total; k++)
            {
                world.recv(into, 0, into.length, Mpi.ANY_SOURCE, Mpi.ANY_TAG, status);
                final int source = status.source();
                final int i = expected[source][next[source]++];
                if (status.bytes() != plan.length[i] || status.tag() != plan.tag[i])
                {
                    throw new AssertionError("message " + i + " from " + source + ": got " + status +
                        ", expected length " + plan.length[i] + " tag " + plan.tag[i]);
                }
                Payloads.check(into, plan.length[i], i, "message " + i + " from " + source);
            }
            return total;
        }
    }
}
