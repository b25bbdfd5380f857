package io.jmpi.examples.openmpi;

import mpi.MPI;
import mpi.MPIException;

/**
 * osu_bcast in Open MPI's Java API: rank 0 broadcasts a message of each size; the table shows the mean latency of
 * a {@code bcast} averaged over the ranks, in microseconds.
 * <pre>{@code
 * bin/jrun -np 4 io.jmpi.examples.openmpi.OsuBcast [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 */
public final class OsuBcast
{
    private OsuBcast()
    {
    }

    /**
     * @param args OSU options.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        final OsuSchedule schedule = OsuStart.schedule(MPI.COMM_WORLD, args, "osu_bcast", false,
            options -> OsuSchedule.collective(options, 1));
        final byte[] buffer = new byte[schedule.maxSize()];
        OsuCollective.measure(MPI.COMM_WORLD, schedule, "OSU MPI Broadcast Latency Test",
            size -> MPI.COMM_WORLD.bcast(buffer, size, MPI.BYTE, 0));
        MPI.Finalize();
    }
}
