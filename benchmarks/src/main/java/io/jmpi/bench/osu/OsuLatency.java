package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Status;

/**
 * The OSU latency test (osu_latency) on jmpi, for exactly 2 ranks: for each size, rank 0 sends a message with
 * MPI_Send and rank 1 sends it back; the latency is half the average round trip, in microseconds.
 * <pre>{@code
 * bin/jrun -np 2 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.OsuLatency [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 * Sizes 0 B to 4 MiB; iterations and warmup as {@link OsuSchedule#latency(String[])}.
 */
public final class OsuLatency
{
    private static final int TAG = 1;

    private OsuLatency()
    {
    }

    /**
     * Run the test and print the table at rank 0.
     *
     * @param args OSU options, see {@link OsuSchedule}.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    private static int run(final String[] args)
    {
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final OsuStart begin = OsuStart.of(world, args, "osu_latency", true, OsuSchedule::latency, System.out);
            final OsuSchedule schedule = begin.schedule();
            if (null == schedule)
            {
                return begin.exitCode();
            }
            final int rank = world.rank();
            final int peer = 1 - rank;
            final byte[] buffer = new byte[schedule.maxSize()];
            final Status status = new Status();
            final OsuTable table = 0 == rank ? new OsuTable(System.out, "OSU MPI Latency Test", "Latency (us)") : null;
            for (final int size : schedule.sizes())
            {
                final int iterations = schedule.iterations(size);
                final int warmup = schedule.warmup(size);
                world.barrier();
                long start = 0;
                for (int i = 0; i < warmup + iterations; i++)
                {
                    if (i == warmup)
                    {
                        start = System.nanoTime();
                    }
                    if (0 == rank)
                    {
                        world.send(buffer, 0, size, peer, TAG);
                        world.recv(buffer, 0, size, peer, TAG, status);
                    }
                    else
                    {
                        world.recv(buffer, 0, size, peer, TAG, status);
                        world.send(buffer, 0, size, peer, TAG);
                    }
                }
                final long elapsedNs = System.nanoTime() - start;
                if (null != table)
                {
                    table.row(size, elapsedNs / 1e3 / (2.0 * iterations));
                }
            }
        }
        return OsuStart.SUCCESS;
    }
}
