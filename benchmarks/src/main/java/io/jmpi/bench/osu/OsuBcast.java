package io.jmpi.bench.osu;

import io.jmpi.Comm;
import io.jmpi.Mpi;

/**
 * The OSU broadcast latency test (osu_bcast) on jmpi: rank 0 broadcasts a message of each size to every rank; each
 * rank times its MPI_Bcast calls, separated by barriers, and the table shows the average over the ranks.
 * <pre>{@code
 * bin/jrun -np 4 --no-prefix -cp benchmarks/target/benchmarks.jar io.jmpi.bench.osu.OsuBcast [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 * Sizes 1 B to 1 MiB; iterations and warmup as {@link OsuSchedule#collective(String[], int)}. jmpi chooses the
 * algorithm; {@code -J-Djmpi.coll.bcast.algorithm=multicast} (or {@code binomial}) forces one.
 */
public final class OsuBcast
{
    private static final int ROOT = 0;

    private OsuBcast()
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
            final OsuStart begin = OsuStart.of(world, args, "osu_bcast", false,
                options -> OsuSchedule.collective(options, 1), System.out);
            final OsuSchedule schedule = begin.schedule();
            if (null == schedule)
            {
                return begin.exitCode();
            }
            final byte[] buffer = new byte[schedule.maxSize()];
            OsuCollectiveLoop.run(
                world, schedule, "OSU MPI Broadcast Latency Test", (size) -> world.bcast(buffer, 0, size, ROOT));
        }
        return OsuStart.SUCCESS;
    }
}
