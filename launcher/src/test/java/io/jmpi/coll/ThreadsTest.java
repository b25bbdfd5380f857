package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicReference;

import static io.jmpi.coll.TestArrays.check;

/**
 * Two communicators used by two threads at once, each through its own shared-memory segment: allreduces short and
 * long enough to be shared out in parts, broadcasts from every root and barriers, interleaved in time between the
 * threads, every result checked.
 */
class ThreadsTest
{
    static final int ROUNDS = 1_000;
    static final int LONG_COUNT = 100_000;

    @ParameterizedTest
    @ValueSource(ints = { 2, 3, 4 })
    void twoCommunicatorsServeTwoThreadsAtOnce(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "threads");
    }

    static final class Area
    {
        static void run(final Comm world) throws InterruptedException
        {
            final Comm[] comms = { world.dup(), world.dup() };
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread[] threads = new Thread[comms.length];
            for (int t = 0; t < comms.length; t++)
            {
                final Comm comm = comms[t];
                final long salt = 1_000_000L * (t + 1);
                threads[t] = new Thread(() ->
                {
                    try
                    {
                        rounds(comm, salt);
                    }
                    catch (final Throwable ex)
                    {
                        failure.compareAndSet(null, ex);
                    }
                }, "collectives-" + t);
                threads[t].start();
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
            for (final Comm comm : comms)
            {
                comm.free();
            }
            if (null != failure.get())
            {
                throw new AssertionError("a thread failed: " + failure.get(), failure.get());
            }
        }

        private static void rounds(final Comm comm, final long salt)
        {
            final int rank = comm.rank();
            final int size = comm.size();
            final long[] value = new long[1];
            final long[] sum = new long[1];
            final int[] broadcast = new int[16 * 1024];
            final double[] vector = new double[LONG_COUNT];
            final double[] total = new double[LONG_COUNT];
            for (int round = 0; round < ROUNDS; round++)
            {
                value[0] = salt + round + rank;
                comm.allreduce(value, 0, sum, 0, 1, Op.SUM);
                check(sum[0] == size * (salt + round) + (long)size * (size - 1) / 2,
                    "allreduce of round " + round + " gave " + sum[0]);
                if (0 == round % 10)
                {
                    final int root = round / 10 % size;
                    for (int i = 0; i < broadcast.length; i++)
                    {
                        broadcast[i] = rank == root ? (int)(salt + round + i) : -1;
                    }
                    comm.bcast(broadcast, 0, broadcast.length, root);
                    for (int i = 0; i < broadcast.length; i++)
                    {
                        check(broadcast[i] == (int)(salt + round + i), "bcast of round " + round + " at " + i);
                    }
                    comm.barrier();
                }
                if (0 == round % 100)
                {
                    for (int i = 0; i < LONG_COUNT; i++)
                    {
                        vector[i] = rank + i + round;
                    }
                    comm.allreduce(vector, 0, total, 0, LONG_COUNT, Op.SUM);
                    for (int i = 0; i < LONG_COUNT; i++)
                    {
                        check(total[i] == (double)size * (i + round) + size * (size - 1) / 2.0,
                            "long allreduce of round " + round + " at " + i + " gave " + total[i]);
                    }
                }
            }
        }
    }
}
