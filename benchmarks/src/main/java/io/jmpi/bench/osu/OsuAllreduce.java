package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.Op;

/**
 * The OSU allreduce latency test (osu_allreduce) on jmpi: every rank contributes a vector of floats of each size
 * to an MPI_Allreduce with MPI_SUM; each rank times its calls, separated by barriers, and the table shows the
 * average over the ranks.
 * <pre>{@code
 * bin/jrun -np 4 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.OsuAllreduce [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 * Sizes 4 B (one float) to 1 MiB; iterations and warmup as {@link OsuSchedule#collective(String[], int)}.
 */
public final class OsuAllreduce
{
    private OsuAllreduce()
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
            final OsuStart begin = OsuStart.of(world, args, "osu_allreduce", false,
                options -> OsuSchedule.collective(options, Float.BYTES), System.out);
            final OsuSchedule schedule = begin.schedule();
            if (null == schedule)
            {
                return begin.exitCode();
            }
            final float[] contribution = new float[schedule.maxSize() / Float.BYTES];
            final float[] result = new float[contribution.length];
            OsuCollectiveLoop.run(
                world, schedule, "OSU MPI Allreduce Latency Test",
                (size) -> world.allreduce(contribution, 0, result, 0, size / Float.BYTES, Op.SUM));
        }
        return OsuStart.SUCCESS;
    }
}
