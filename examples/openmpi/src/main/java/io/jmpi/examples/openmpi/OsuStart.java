package io.jmpi.examples.openmpi;

import mpi.Comm;
import mpi.MPI;
import mpi.MPIException;

import java.util.List;
import java.util.function.Function;

/**
 * How an OSU program begins, as OSU's own do: after Init, {@code -h} or {@code --help} prints the usage at rank 0
 * and ends every rank with 0; a bad option, or a point-to-point test on other than 2 ranks, is one line from rank 0
 * and ends every rank with 1.
 */
final class OsuStart
{
    private OsuStart()
    {
    }

    /**
     * @param world    the job's communicator.
     * @param args     the program's arguments.
     * @param program  the OSU program's name, e.g. {@code osu_latency}.
     * @param pair     whether the test needs exactly 2 ranks.
     * @param schedule parses the options into the test's schedule.
     * @return the schedule to run; when the program is to end instead, it has finalized MPI and exits.
     * @throws MPIException if a call fails.
     */
    static OsuSchedule schedule(
        final Comm world, final String[] args, final String program, final boolean pair,
        final Function<String[], OsuSchedule> schedule) throws MPIException
    {
        final boolean speaks = 0 == world.getRank();
        if (List.of(args).contains("-h") || List.of(args).contains("--help"))
        {
            if (speaks)
            {
                System.out.println("Usage: " + program + " [options]");
                System.out.println("  -m, --message-size [MIN:]MAX  sizes from MIN (default the test's) to MAX bytes");
                System.out.println("  -i, --iterations ITERATIONS   timed iterations of every size");
                System.out.println("  -x, --warmup WARMUP           untimed iterations before them");
                System.out.println("  -h, --help                    print this help");
            }
            end(0);
        }
        if (pair && 2 != world.getSize())
        {
            if (speaks)
            {
                System.out.println("This test requires exactly two processes");
            }
            end(1);
        }
        try
        {
            return schedule.apply(args);
        }
        catch (final IllegalArgumentException ex)
        {
            if (speaks)
            {
                System.out.println(program + ": " + ex.getMessage());
            }
            end(1);
            return null;
        }
    }

    private static void end(final int exitCode) throws MPIException
    {
        MPI.Finalize();
        System.exit(exitCode);
    }
}
