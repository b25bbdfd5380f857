package io.jmpi.examples.openmpi;

import java.util.Locale;

/**
 * The output of the OSU tests: {@code # title}, a column header, and one row per message size, a left-aligned
 * size of 10 characters and a value of 18 with two decimals, as OSU prints them.
 */
final class OsuTable
{
    OsuTable(final String title, final String column)
    {
        System.out.println("# " + title);
        System.out.println(String.format(Locale.ROOT, "%-10s%18s", "# Size", column));
        System.out.flush();
    }

    void row(final int size, final double value)
    {
        System.out.println(String.format(Locale.ROOT, "%-10d%18.2f", size, value));
        System.out.flush();
    }
}
