package io.jmpi.examples.openmpi;

import java.util.Locale;

/**
 * The output of the OSU tests: {@code # title v7.4} (the OSU release whose loops and format these follow), a
 * column header, and one row per message size, {@code %-10d%20.2f} as OSU prints them.
 */
final class OsuTable
{
    OsuTable(final String title, final String column)
    {
        System.out.println("# " + title + " v7.4");
        System.out.println(String.format(Locale.ROOT, "%-10s%20s", "# Size", column));
        System.out.flush();
    }

    void row(final int size, final double value)
    {
        System.out.println(String.format(Locale.ROOT, "%-10d%20.2f", size, value));
        System.out.flush();
    }
}
