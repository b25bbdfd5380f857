package io.jmpi.launcher;

import io.aeron.CncFileDescriptor;
import io.jmpi.transport.EmbeddedDriver;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes the Aeron directories of dead jobs: a jrun killed with SIGKILL cannot remove its job's directory, so the
 * next jrun on the host does.
 * <p>
 * A job directory {@code jmpi-ID} under the shared-memory root is stale when all of these hold:
 * <ul>
 *     <li>it and its files were last modified more than {@link #MIN_AGE_MS} ago: a younger one may belong to a job
 *     that is starting now and has not written its CnC file yet;</li>
 *     <li>its driver has not heartbeated for {@link #DRIVER_TIMEOUT_MS} (or it has no usable CnC file): a driver
 *     whose process seems gone but that still heartbeats may run in another pid namespace;</li>
 *     <li>the process that hosted its driver is gone, or no longer maps the CnC file. A live owner whose driver is
 *     silent, such as a jrun stopped with Ctrl-Z, keeps its directory.</li>
 * </ul>
 * Directories of other users, and those written by another Aeron version, are left alone.
 */
final class StaleJobDirectories
{
    /** Directories modified this recently may belong to a job that is starting now. */
    static final long MIN_AGE_MS = TimeUnit.SECONDS.toMillis(10);
    /**
     * A driver that has not heartbeated for this long is not running (a live driver heartbeats every second); its
     * ranks went with the process that hosted it.
     */
    static final long DRIVER_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);

    private StaleJobDirectories()
    {
    }

    /**
     * Remove the stale job directories under the root that {@link EmbeddedDriver#aeronDirFor(String)} uses, and
     * say so for each.
     *
     * @param err where to report removed directories.
     * @return the directories removed.
     */
    static List<Path> removeStale(final PrintStream err)
    {
        final Path root = Path.of(EmbeddedDriver.aeronDirFor("x")).getParent();
        return removeStale(root, System.currentTimeMillis(), err);
    }

    /**
     * @param root  where job directories live.
     * @param nowMs the current time in ms since the epoch.
     * @param err   where to report removed directories.
     * @return the directories removed.
     */
    static List<Path> removeStale(final Path root, final long nowMs, final PrintStream err)
    {
        final List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, EmbeddedDriver.DIR_PREFIX + "*"))
        {
            for (final Path dir : dirs)
            {
                if (isStale(dir, nowMs) && delete(dir, err))
                {
                    err.println("jrun: removed stale job directory " + dir);
                    removed.add(dir);
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // a root we cannot list has nothing of ours to clean
        }
        return removed;
    }

    /**
     * @param dir   a directory named like a job directory.
     * @param nowMs the current time in ms since the epoch.
     * @return whether it belongs to a dead job of this user.
     */
    static boolean isStale(final Path dir, final long nowMs)
    {
        try
        {
            final BasicFileAttributes attributes = Files.readAttributes(
                dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory() || !ownedByThisUser(dir) || youngerThan(dir, attributes, nowMs))
            {
                return false;
            }

            final Path cnc = dir.resolve(CncFileDescriptor.CNC_FILE);
            if (!Files.isRegularFile(cnc, LinkOption.NOFOLLOW_LINKS) ||
                Files.size(cnc) <= CncFileDescriptor.META_DATA_LENGTH)
            {
                // the driver died before it set up its CnC file, or this was never a driver's directory
                return true;
            }
            return !driverAlive(cnc, nowMs);
        }
        catch (final IOException | RuntimeException ex)
        {
            // gone meanwhile, unreadable, or of another Aeron version: not ours to judge
            return false;
        }
    }

    private static boolean ownedByThisUser(final Path dir) throws IOException
    {
        return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    private static boolean youngerThan(final Path dir, final BasicFileAttributes attributes, final long nowMs)
        throws IOException
    {
        if (nowMs - attributes.lastModifiedTime().toMillis() < MIN_AGE_MS)
        {
            return true;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.anyMatch(file -> nowMs - lastModifiedMs(file) < MIN_AGE_MS);
        }
    }

    private static long lastModifiedMs(final Path file)
    {
        try
        {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        }
        catch (final IOException ex)
        {
            // a file that vanishes is being worked on
            return Long.MAX_VALUE;
        }
    }

    /**
     * @return whether the driver of the CnC file heartbeats, or the process that hosts it still maps the file.
     */
    private static boolean driverAlive(final Path cnc, final long nowMs) throws IOException
    {
        final long pid;
        MappedByteBuffer buffer = null;
        try (FileChannel channel = FileChannel.open(cnc, StandardOpenOption.READ))
        {
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(buffer);
            final int version = metaData.getIntVolatile(CncFileDescriptor.cncVersionOffset(0));
            if (0 == version)
            {
                // old enough, yet never initialised: its driver died while starting
                return false;
            }
            CncFileDescriptor.checkVersion(version);
            final long heartbeatMs = new ManyToOneRingBuffer(CncFileDescriptor.createToDriverBuffer(buffer, metaData))
                .consumerHeartbeatTime();
            if (nowMs - heartbeatMs <= DRIVER_TIMEOUT_MS)
            {
                return true;
            }
            pid = CncFileDescriptor.pid(metaData);
        }
        finally
        {
            // a mapping would keep the memory of the deleted file
            if (null != buffer)
            {
                IoUtil.unmap(buffer);
            }
        }
        return ownerMaps(pid, cnc);
    }

    /**
     * @return whether the process still runs and, where /proc tells, still maps the CnC file: a pid reused by an
     * unrelated process does not keep a directory.
     */
    private static boolean ownerMaps(final long pid, final Path cnc)
    {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        {
            return false;
        }
        final Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (!Files.isReadable(maps))
        {
            // no /proc here, or not ours to read: a live owner keeps its directory
            return true;
        }
        try (Stream<String> lines = Files.lines(maps))
        {
            final String path = cnc.toAbsolutePath().toString();
            return lines.anyMatch(line -> line.endsWith(path) || line.contains(path + " "));
        }
        catch (final IOException | RuntimeException ex)
        {
            // it exited while we read
            return ProcessHandle.of(pid).isPresent();
        }
    }

    /**
     * Delete the directory and everything in it.
     *
     * @return {@code true} if this call removed the directory; another jrun may have been quicker.
     */
    private static boolean delete(final Path dir, final PrintStream err)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            final List<Path> deepestFirst = paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            boolean removedDir = false;
            for (final Path path : deepestFirst)
            {
                try
                {
                    Files.delete(path);
                    removedDir |= path.equals(dir);
                }
                catch (final NoSuchFileException ex)
                {
                    // removed by another jrun at the same time
                }
            }
            return removedDir;
        }
        catch (final NoSuchFileException ex)
        {
            return false;
        }
        catch (final IOException | RuntimeException ex)
        {
            err.println("jrun: cannot remove stale job directory " + dir + ": " + ex);
            return false;
        }
    }
}
