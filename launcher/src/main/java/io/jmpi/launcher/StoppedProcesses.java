package io.jmpi.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a stopped process (SIGSTOP, a debugger) from a running one, so that a rank that cannot answer the timeout's
 * report is named for what it is: Linux gives the state in {@code /proc/PID/stat}, after the parenthesised name.
 */
final class StoppedProcesses
{
    private StoppedProcesses()
    {
    }

    /**
     * @param pid a process id.
     * @return true if the process exists and is stopped; false elsewhere, also where there is no /proc.
     */
    static boolean isStopped(final long pid)
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the name may hold spaces and parentheses: the state follows the last ") "
            final int end = stat.lastIndexOf(") ");
            if (end < 0 || end + 2 >= stat.length())
            {
                return false;
            }
            final char state = stat.charAt(end + 2);
            return 'T' == state || 't' == state;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /**
     * @param rank  a rank that did not answer the timeout's report because its process is stopped.
     * @param where where it runs, as {@link Failure#of} takes it: {@code " on host h1"}, or empty.
     * @return jrun's line about it, after {@code jrun: }.
     */
    static String silence(final int rank, final String where)
    {
        return "rank " + rank + where + " did not answer: its process is stopped";
    }
}
