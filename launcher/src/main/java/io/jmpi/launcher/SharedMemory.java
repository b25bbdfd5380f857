package io.jmpi.launcher;

import io.jmpi.transport.Channels;
import io.jmpi.transport.EmbeddedDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared memory a job needs: each rank's inbox is an IPC log of three terms, and the driver's files and the
 * world's broadcast stream take about two more. The logs are sparse files that fill as the job runs, so a job that
 * does not fit would die of SIGBUS in the middle of its run; jrun refuses it at the start instead.
 */
final class SharedMemory
{
    private static final long LOG_LENGTH = 3L * Channels.IPC_TERM_LENGTH;
    private static final int EXTRA_LOGS = 2;
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private SharedMemory()
    {
    }

    /**
     * @param ranks number of ranks on this host.
     * @return bytes of shared memory the job may fill.
     */
    static long needed(final int ranks)
    {
        return (ranks + (long)EXTRA_LOGS) * LOG_LENGTH;
    }

    /**
     * @param ranks number of ranks to start.
     * @throws UsageException if the job directory's file system has too little free space for them.
     */
    static void check(final int ranks) throws UsageException
    {
        final Path root = Path.of(EmbeddedDriver.aeronDirFor("x")).getParent();
        final long free;
        try
        {
            free = Files.getFileStore(root).getUsableSpace();
        }
        catch (final IOException ex)
        {
            // the driver will say what is wrong with the directory
            return;
        }
        final long needed = needed(ranks);
        if (needed > free)
        {
            throw new UsageException("-np " + ranks + " needs about " + size(needed) + " of shared memory in " +
                root + ", but only " + size(free) + " is free");
        }
    }

    private static String size(final long bytes)
    {
        return bytes >= 10 * GIB ? bytes / GIB + " GiB" : bytes / MIB + " MiB";
    }
}
