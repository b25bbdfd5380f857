package io.jmpi.bench.osu;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a result table in the layout of the OSU micro-benchmarks, so that jmpi's table can be set beside the one
 * a C MPI prints: a title line naming the OSU release whose loops and format these follow, a column header, then
 * one row per message size, the size left-aligned in 10 characters and the value right-aligned in 20 with two
 * decimals ({@code %-10d%20.2f}, OSU's FIELD_WIDTH and FLOAT_PRECISION).
 * <pre>
 * # OSU MPI Latency Test v7.4
 * # Size            Latency (us)
 * 0                         0.25
 * </pre>
 */
public final class OsuTable
{
    private static final int SIZE_WIDTH = 10;
    private static final int FIELD_WIDTH = 20;
    /** The OSU micro-benchmarks release whose output these tables reproduce. */
    static final String OSU_VERSION = "7.4";

    private final PrintStream out;

    /**
     * Print the title and the column header.
     *
     * @param out    where the table goes.
     * @param title  the test's name, e.g. {@code OSU MPI Latency Test}.
     * @param column the value's column header, e.g. {@code Latency (us)}.
     */
    public OsuTable(final PrintStream out, final String title, final String column)
    {
        this.out = out;
        out.println(header(title, column));
        out.flush();
    }

    /**
     * Print one row.
     *
     * @param size  message size in bytes.
     * @param value the measured value.
     */
    public void row(final int size, final double value)
    {
        out.println(formatRow(size, value));
        out.flush();
    }

    /**
     * @param title  the test's name.
     * @param column the value's column header.
     * @return the title line and the column header line of a table.
     */
    static String header(final String title, final String column)
    {
        return "# " + title + " v" + OSU_VERSION + System.lineSeparator() +
            String.format(Locale.ROOT, "%-" + SIZE_WIDTH + "s%" + FIELD_WIDTH + "s", "# Size", column);
    }

    /**
     * @param size  message size in bytes.
     * @param value the measured value.
     * @return the row.
     */
    static String formatRow(final int size, final double value)
    {
        return String.format(Locale.ROOT, "%-" + SIZE_WIDTH + "d%" + FIELD_WIDTH + ".2f", size, value);
    }
}
