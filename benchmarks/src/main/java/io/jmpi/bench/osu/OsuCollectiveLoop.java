package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Op;

import java.util.function.IntConsumer;

/**
 * The measuring loop of the OSU collective latency tests (osu_bcast, osu_allreduce, ...): for each size, every
 * rank times each call of the collective alone and enters a barrier between calls; a rank's latency is the
 * average of its timed calls, and the table shows the average over the ranks, in microseconds.
 */
final class OsuCollectiveLoop
{
    private OsuCollectiveLoop()
    {
    }

    /**
     * Measure every size of the schedule and print the table at rank 0.
     *
     * @param comm       the communicator the collective runs on.
     * @param schedule   sizes and loop counts.
     * @param title      the test's name, e.g. {@code OSU MPI Broadcast Latency Test}.
     * @param collective one call of the collective for a message of the given size in bytes.
     */
    static void run(final Comm comm, final OsuSchedule schedule, final String title, final IntConsumer collective)
    {
        final OsuTable table = 0 == comm.rank() ? new OsuTable(System.out, title, "Avg Latency(us)") : null;
        final double[] latency = new double[1];
        final double[] sum = new double[1];
        for (final int size : schedule.sizes())
        {
            final int iterations = schedule.iterations(size);
            final int warmup = schedule.warmup(size);
            long timedNs = 0;
            comm.barrier();
            for (int i = 0; i < warmup + iterations; i++)
            {
                final long start = System.nanoTime();
                collective.accept(size);
                final long elapsedNs = System.nanoTime() - start;
                if (i >= warmup)
                {
                    timedNs += elapsedNs;
                }
                comm.barrier();
            }
            latency[0] = timedNs / 1e3 / iterations;
            comm.reduce(latency, 0, sum, 0, 1, Op.SUM, 0);
            if (null != table)
            {
                table.row(size, sum[0] / comm.size());
            }
        }
    }
}
