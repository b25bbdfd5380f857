package io.jmpi.examples.openmpi;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * osu_latency in Open MPI's Java API, for 2 ranks: rank 0 sends each message with {@code send}, rank 1 sends it
 * back; the latency is half the mean round trip, in microseconds.
 * <pre>{@code
 * bin/jrun -np 2 io.jmpi.examples.openmpi.OsuLatency [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 */
public final class OsuLatency
{
    private static final int TAG = 1;

    private OsuLatency()
    {
    }

    /**
     * @param args OSU options.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        final Intracomm world = MPI.COMM_WORLD;
        final OsuSchedule schedule = OsuStart.schedule(world, args, "osu_latency", true, OsuSchedule::latency);
        final int rank = world.getRank();
        final int peer = 1 - rank;
        final byte[] buffer = new byte[schedule.maxSize()];
        final OsuTable table = 0 == rank ? new OsuTable("OSU MPI Latency Test", "Latency (us)") : null;
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
                    world.send(buffer, size, MPI.BYTE, peer, TAG);
                    world.recv(buffer, size, MPI.BYTE, peer, TAG);
                }
                else
                {
                    world.recv(buffer, size, MPI.BYTE, peer, TAG);
                    world.send(buffer, size, MPI.BYTE, peer, TAG);
                }
            }
            final long elapsedNs = System.nanoTime() - start;
            if (null != table)
            {
                table.row(size, elapsedNs / 1e3 / (2.0 * iterations));
            }
        }
        MPI.Finalize();
    }
}
