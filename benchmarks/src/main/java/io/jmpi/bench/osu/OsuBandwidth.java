package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Request;
import io.jmpi.Status;

/**
 * The OSU bandwidth test (osu_bw) on jmpi, for exactly 2 ranks: for each size, rank 0 starts a window of
 * {@link #WINDOW} MPI_Isend of one buffer and waits for all of them, rank 1 posts as many MPI_Irecv into one buffer,
 * waits, and acknowledges the window with a 4-byte message. The bandwidth is the bytes of the timed windows over
 * their time, in MB/s (10^6 bytes per second).
 * <pre>{@code
 * bin/jrun -np 2 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.OsuBandwidth [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 * Sizes 1 B to 4 MiB; windows and warmup windows as {@link OsuSchedule#bandwidth(String[])}.
 */
public final class OsuBandwidth
{
    /** Messages in flight per window (OSU's default window size). */
    public static final int WINDOW = 64;

    private static final int DATA_TAG = 100;
    private static final int ACK_TAG = 101;
    private static final int ACK_LENGTH = 4;

    private OsuBandwidth()
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
            final OsuStart begin = OsuStart.of(world, args, "osu_bw", true, OsuSchedule::bandwidth, System.out);
            final OsuSchedule schedule = begin.schedule();
            if (null == schedule)
            {
                return begin.exitCode();
            }
            final int rank = world.rank();
            final int peer = 1 - rank;
            final byte[] buffer = new byte[schedule.maxSize()];
            final byte[] ack = new byte[ACK_LENGTH];
            final Request[] window = new Request[WINDOW];
            final Status status = new Status();
            final OsuTable table = 0 == rank ?
                new OsuTable(System.out, "OSU MPI Bandwidth Test", "Bandwidth (MB/s)") : null;
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
                        for (int j = 0; j < WINDOW; j++)
                        {
                            window[j] = world.isend(buffer, 0, size, peer, DATA_TAG);
                        }
                        Request.waitAll(window);
                        world.recv(ack, 0, ACK_LENGTH, peer, ACK_TAG, status);
                    }
                    else
                    {
                        for (int j = 0; j < WINDOW; j++)
                        {
                            window[j] = world.irecv(buffer, 0, size, peer, DATA_TAG);
                        }
                        Request.waitAll(window);
                        world.send(ack, 0, ACK_LENGTH, peer, ACK_TAG);
                    }
                }
                final long elapsedNs = System.nanoTime() - start;
                if (null != table)
                {
                    table.row(size, (double)size * WINDOW * iterations / 1e6 / (elapsedNs / 1e9));
                }
            }
        }
        return OsuStart.SUCCESS;
    }
}
