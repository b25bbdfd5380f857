package io.jmpi.transport;

import org.agrona.IoUtil;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps a job's directory and files to their owner: the directory and its subdirectories 0700, every file 0600,
 * whatever the umask, so that no other user can read a message out of a log buffer or write one into it.
 * <p>
 * Aeron creates its directory and files with the process's umask and offers no mode of its own. The driver's host
 * narrows them right after the driver starts, before any rank runs; from then on the directory admits its owner
 * only, so a file born there with a wider mode (a log buffer the driver makes for a new publication) cannot be
 * opened by anyone else in the moment before the rank that asked for it narrows it too.
 */
public final class JobFiles
{
    /** Owner read and write: the mode of every file of a job. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** Owner read, write and search: the mode of a job's directories. */
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    /** For files created with {@link Files#createFile}: born owner-only. */
    public static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
        PosixFilePermissions.asFileAttribute(FILE_MODE);

    private static final String PUBLICATIONS = "publications";
    private static final String IMAGES = "images";
    private static final String LOG_SUFFIX = ".logbuffer";

    private JobFiles()
    {
    }

    /**
     * Narrow a job's directory, its subdirectories and every file in them to their owner.
     *
     * @param directory the job's directory.
     * @throws UncheckedIOException if a mode cannot be set.
     */
    public static void restrict(final Path directory)
    {
        try
        {
            Files.walkFileTree(directory, new SimpleFileVisitor<>()
            {
                public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes)
                    throws IOException
                {
                    Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
                    return FileVisitResult.CONTINUE;
                }

                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes)
                    throws IOException
                {
                    if (attributes.isRegularFile())
                    {
                        Files.setPosixFilePermissions(file, FILE_MODE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                public FileVisitResult visitFileFailed(final Path file, final IOException ex) throws IOException
                {
                    // the driver removes a log while the walk goes on
                    if (ex instanceof NoSuchFileException)
                    {
                        return FileVisitResult.CONTINUE;
                    }
                    throw ex;
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot make " + directory + " owner-only", ex);
        }
    }

    /**
     * Create a file of the job and map it, owner-only.
     *
     * @param file   the file to create in the job's directory.
     * @param length its length in bytes.
     * @param fill   whether to write zeros into it rather than leave it sparse.
     * @return the mapping.
     * @throws UncheckedIOException if the file cannot be created or its mode set.
     */
    public static MappedByteBuffer mapNewFile(final File file, final long length, final boolean fill)
    {
        final MappedByteBuffer mapping = IoUtil.mapNewFile(file, length, fill);
        try
        {
            Files.setPosixFilePermissions(file.toPath(), FILE_MODE);
        }
        catch (final IOException ex)
        {
            IoUtil.unmap(mapping);
            throw new UncheckedIOException("cannot make " + file + " owner-only", ex);
        }
        return mapping;
    }

    /**
     * Narrow the log buffer the driver made for a publication (named by the publication's original registration
     * id) or an image (named by its correlation id). A log that is already gone, because its publication closed
     * meanwhile, needs nothing.
     *
     * @param aeronDir       the directory of the driver.
     * @param publication    true for a publication's log, false for an image's.
     * @param registrationId the id that names the log.
     */
    public static void restrictLog(final String aeronDir, final boolean publication, final long registrationId)
    {
        final Path log = Path.of(aeronDir, publication ? PUBLICATIONS : IMAGES, registrationId + LOG_SUFFIX);
        try
        {
            Files.setPosixFilePermissions(log, FILE_MODE);
        }
        catch (final NoSuchFileException ex)
        {
            // closed before it could be narrowed: nobody can open it any more either
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot make " + log + " owner-only", ex);
        }
    }
}
