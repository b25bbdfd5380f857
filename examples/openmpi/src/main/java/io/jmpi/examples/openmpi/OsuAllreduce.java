package io.jmpi.examples.openmpi;

import mpi.MPI;
import mpi.MPIException;

/**
 * osu_allreduce in Open MPI's Java API: {@code allReduce} of floats with SUM for each size from 4 bytes; the table
 * shows the mean latency averaged over the ranks, in microseconds.
 * <pre>{@code
 * bin/jrun -np 4 io.jmpi.examples.openmpi.OsuAllreduce [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 */
public final class OsuAllreduce
{
    private OsuAllreduce()
    {
    }

    /**
     * @param args OSU options.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        final OsuSchedule schedule = OsuStart.schedule(MPI.COMM_WORLD, args, "osu_allreduce", false,
            options -> OsuSchedule.collective(options, Float.BYTES));
        final float[] contribution = new float[schedule.maxSize() / Float.BYTES];
        final float[] result = new float[contribution.length];
        OsuCollective.measure(MPI.COMM_WORLD, schedule, "OSU MPI Allreduce Latency Test",
            size -> MPI.COMM_WORLD.allReduce(contribution, result, size / Float.BYTES, MPI.FLOAT, MPI.SUM));
        MPI.Finalize();
    }
}
