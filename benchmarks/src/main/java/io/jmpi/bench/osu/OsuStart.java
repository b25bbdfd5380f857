package io.jmpi.bench.osu;

import io.jmpi.Comm;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * How an OSU program begins, as the OSU micro-benchmarks do: after init, {@code -h} or {@code --help} prints the
 * usage at rank 0 and ends every rank with 0; a bad option, or a point-to-point test on other than 2 ranks, is one
 * line from rank 0 and ends every rank with 1. No rank prints a stack trace.
 */
final class OsuStart
{
    /** Exit code of a test that ran, or that printed its help. */
    static final int SUCCESS = 0;
    /** Exit code of a test that could not run: bad options, or the wrong number of ranks. */
    static final int FAILURE = 1;

    private final OsuSchedule schedule;
    private final int exitCode;

    private OsuStart(final OsuSchedule schedule, final int exitCode)
    {
        this.schedule = schedule;
        this.exitCode = exitCode;
    }

    /**
     * @param world    the job's communicator.
     * @param args     the program's arguments.
     * @param program  the OSU program's name, e.g. {@code osu_latency}.
     * @param pair     whether the test needs exactly 2 ranks.
     * @param schedule parses the options into the test's schedule.
     * @param out      where rank 0 prints the help and the errors.
     * @return the start: the schedule to run, or none and the exit code.
     */
    static OsuStart of(
        final Comm world, final String[] args, final String program, final boolean pair,
        final Function<String[], OsuSchedule> schedule, final PrintStream out)
    {
        final boolean speaks = 0 == world.rank();
        if (List.of(args).contains("-h") || List.of(args).contains("--help"))
        {
            if (speaks)
            {
                out.println("Usage: " + program + " [options]");
                out.println("  -m, --message-size [MIN:]MAX  sizes from MIN (default the test's) to MAX bytes");
                out.println("  -i, --iterations ITERATIONS   timed iterations of every size");
                out.println("  -x, --warmup WARMUP           untimed iterations before them");
                out.println("  -h, --help                    print this help");
            }
            return new OsuStart(null, SUCCESS);
        }
        if (pair && 2 != world.size())
        {
            if (speaks)
            {
                out.println("This test requires exactly two processes");
            }
            return new OsuStart(null, FAILURE);
        }
        try
        {
            return new OsuStart(schedule.apply(args), SUCCESS);
        }
        catch (final IllegalArgumentException ex)
        {
            if (speaks)
            {
                out.println(program + ": " + ex.getMessage());
            }
            return new OsuStart(null, FAILURE);
        }
    }

    /**
     * @return the schedule to run, or {@code null} when the program ends at once.
     */
    OsuSchedule schedule()
    {
        return schedule;
    }

    /**
     * @return the process's exit code when the program ends at once.
     */
    int exitCode()
    {
        return exitCode;
    }
}
