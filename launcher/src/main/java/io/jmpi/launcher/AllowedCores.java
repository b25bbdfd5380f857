package io.jmpi.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cores this process may run on (Linux's {@code Cpus_allowed_list}), which {@code --bind-to core} deals to the
 * ranks of its host in turn; where that cannot be read, {@code 0..availableProcessors-1}.
 */
final class AllowedCores
{
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String FIELD = "Cpus_allowed_list:";

    private AllowedCores()
    {
    }

    static List<Integer> of()
    {
        try
        {
            for (final String line : Files.readAllLines(STATUS))
            {
                if (line.startsWith(FIELD))
                {
                    return parse(line.substring(FIELD.length()).trim());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // not Linux, or a kernel without the field: fall back below
        }
        final List<Integer> cores = new ArrayList<>();
        for (int core = 0; core < Runtime.getRuntime().availableProcessors(); core++)
        {
            cores.add(core);
        }
        return cores;
    }

    /**
     * @param list a list such as {@code 0-3,8,10-11}.
     * @return the cores it names, in order.
     */
    static List<Integer> parse(final String list)
    {
        final List<Integer> cores = new ArrayList<>();
        for (final String part : list.split(","))
        {
            final int dash = part.indexOf('-');
            final int first = Integer.parseInt((dash < 0 ? part : part.substring(0, dash)).trim());
            final int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1).trim());
            for (int core = first; core <= last; core++)
            {
                cores.add(core);
            }
        }
        return cores;
    }
}
