package io.jmpi.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hosts of a job across hosts and their slots, from {@code --host}, {@code --hostfile} or a Slurm allocation.
 */
final class HostList
{
    /**
     * A host and how many ranks it takes.
     *
     * @param name  the name the launch agent reaches it by.
     * @param slots number of ranks it takes when ranks are placed by slot.
     */
    record Host(String name, int slots)
    {
    }

    private HostList()
    {
    }

    /**
     * Parse {@code --host h1:2,h2:2}: a host without {@code :slots} has one slot, as in Open MPI.
     *
     * @param spec the option's value.
     * @return the hosts in order.
     * @throws UsageException naming a malformed entry.
     */
    static List<Host> parseHostOption(final String spec) throws UsageException
    {
        final List<Host> hosts = new ArrayList<>();
        for (final String entry : spec.split(","))
        {
            final String trimmed = entry.trim();
            final int colon = trimmed.lastIndexOf(':');
            final String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
            final int slots = colon < 0 ? 1 : slots(trimmed.substring(colon + 1), "--host entry '" + trimmed + "'");
            add(hosts, name, slots, "--host entry '" + trimmed + "'");
        }
        if (hosts.isEmpty())
        {
            throw new UsageException("--host '" + spec + "' names no host");
        }
        return hosts;
    }

    /**
     * Read a hostfile in Open MPI's format: one host per line, {@code name [slots=N] [max_slots=M]}, comments
     * after {@code #}; a host without {@code slots=} has one slot.
     *
     * @param file the hostfile.
     * @return the hosts in order.
     * @throws UsageException if the file cannot be read or a line is malformed.
     */
    static List<Host> readHostfile(final Path file) throws UsageException
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file);
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read hostfile " + file + ": " + ex.getMessage());
        }

        final List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).replaceFirst("#.*", "").trim();
            if (line.isEmpty())
            {
                continue;
            }
            final String where = file + " line " + (i + 1);
            final String[] words = line.split("\\s+");
            int slots = 1;
            for (int w = 1; w < words.length; w++)
            {
                if (words[w].startsWith("slots="))
                {
                    slots = slots(words[w].substring("slots=".length()), where);
                }
                else if (!words[w].startsWith("max_slots="))
                {
                    throw new UsageException(where + ": unknown word '" + words[w] + "'");
                }
            }
            add(hosts, words[0], slots, where);
        }
        if (hosts.isEmpty())
        {
            throw new UsageException("hostfile " + file + " names no host");
        }
        return hosts;
    }

    /**
     * The hosts of the Slurm allocation this jrun runs in, from {@code SLURM_JOB_NODELIST} (e.g.
     * {@code node[01-03,07],gpu5}) and {@code SLURM_TASKS_PER_NODE} (e.g. {@code 2(x3),1}).
     *
     * @param env the environment.
     * @return the hosts, or an empty list outside an allocation.
     * @throws UsageException if the variables are malformed.
     */
    static List<Host> fromSlurm(final Map<String, String> env) throws UsageException
    {
        final String nodeList = env.get("SLURM_JOB_NODELIST");
        if (null == nodeList || nodeList.isEmpty())
        {
            return List.of();
        }
        final List<String> names = expandNodeList(nodeList);
        final List<Integer> tasks = expandTasksPerNode(env.getOrDefault("SLURM_TASKS_PER_NODE", ""), names.size());
        final List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
        {
            add(hosts, names.get(i), tasks.get(i), "SLURM_JOB_NODELIST");
        }
        return hosts;
    }

    static List<String> expandNodeList(final String nodeList) throws UsageException
    {
        final List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= nodeList.length(); i++)
        {
            final char c = i < nodeList.length() ? nodeList.charAt(i) : ',';
            depth += '[' == c ? 1 : ']' == c ? -1 : 0;
            if (',' == c && 0 == depth)
            {
                expandOne(nodeList.substring(start, i).trim(), names);
                start = i + 1;
            }
        }
        return names;
    }

    private static void expandOne(final String entry, final List<String> names) throws UsageException
    {
        final int open = entry.indexOf('[');
        if (open < 0)
        {
            if (!entry.isEmpty())
            {
                names.add(entry);
            }
            return;
        }
        if (!entry.endsWith("]"))
        {
            throw new UsageException("cannot read Slurm node list entry '" + entry + "'");
        }
        final String prefix = entry.substring(0, open);
        for (final String range : entry.substring(open + 1, entry.length() - 1).split(","))
        {
            final int dash = range.indexOf('-');
            try
            {
                if (dash < 0)
                {
                    names.add(prefix + range);
                    continue;
                }
                final String low = range.substring(0, dash);
                final int from = Integer.parseInt(low);
                final int to = Integer.parseInt(range.substring(dash + 1));
                for (int n = from; n <= to; n++)
                {
                    names.add(prefix + String.format("%0" + low.length() + "d", n));
                }
            }
            catch (final NumberFormatException ex)
            {
                throw new UsageException("cannot read Slurm node range '" + range + "' in '" + entry + "'");
            }
        }
    }

    static List<Integer> expandTasksPerNode(final String spec, final int nodes) throws UsageException
    {
        final List<Integer> tasks = new ArrayList<>();
        if (!spec.isEmpty())
        {
            for (final String entry : spec.split(","))
            {
                final int paren = entry.indexOf("(x");
                try
                {
                    final int count = Integer.parseInt(paren < 0 ? entry : entry.substring(0, paren));
                    final int repeat = paren < 0 ? 1 :
                        Integer.parseInt(entry.substring(paren + 2, entry.length() - 1));
                    for (int i = 0; i < repeat; i++)
                    {
                        tasks.add(count);
                    }
                }
                catch (final NumberFormatException | StringIndexOutOfBoundsException ex)
                {
                    throw new UsageException("cannot read SLURM_TASKS_PER_NODE entry '" + entry + "'");
                }
            }
        }
        while (tasks.size() < nodes)
        {
            tasks.add(1);
        }
        return tasks.subList(0, nodes);
    }

    private static int slots(final String value, final String where) throws UsageException
    {
        try
        {
            final int slots = Integer.parseInt(value);
            if (slots >= 1)
            {
                return slots;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw new UsageException(where + ": slots must be a positive number, not '" + value + "'");
    }

    private static void add(final List<Host> hosts, final String name, final int slots, final String where)
        throws UsageException
    {
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._\\-]+"))
        {
            throw new UsageException(where + ": '" + name + "' is not a host name");
        }
        hosts.add(new Host(name, slots));
    }
}
