package io.jmpi.launcher;

import io.aeron.CncFileDescriptor;
import io.aeron.driver.MediaDriver;
import io.jmpi.transport.EmbeddedDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which job directories jrun takes for stale on start, with a live media driver to compare against.
 */
class StaleJobDirectoriesTest
{
    private static final long LATER_MS = TimeUnit.SECONDS.toMillis(60);

    @TempDir
    Path root;

    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8);

    @Test
    void removesAnOldDirectoryWithoutDriver() throws IOException
    {
        final Path dir = jobDir("dead");
        Files.writeString(dir.resolve("leftover"), "x");
        age(dir, LATER_MS);

        final List<Path> removed = StaleJobDirectories.removeStale(root, System.currentTimeMillis(), err);

        assertEquals(List.of(dir), removed);
        assertFalse(Files.exists(dir));
        assertEquals("jrun: removed stale job directory " + dir + "\n", messages.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keepsAYoungDirectory() throws IOException
    {
        final Path dir = jobDir("starting");

        assertEquals(List.of(), StaleJobDirectories.removeStale(root, System.currentTimeMillis(), err));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void keepsAnOldDirectoryWithAYoungFile() throws IOException
    {
        final Path dir = jobDir("busy");
        age(dir, LATER_MS);
        Files.writeString(dir.resolve("new"), "x");
        Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis() - LATER_MS));

        assertFalse(StaleJobDirectories.isStale(dir, System.currentTimeMillis()));
    }

    @Test
    void leavesOtherNamesAlone() throws IOException
    {
        final Path other = Files.createDirectory(root.resolve("aeron-someone"));
        age(other, LATER_MS);

        assertEquals(List.of(), StaleJobDirectories.removeStale(root, System.currentTimeMillis(), err));
        assertTrue(Files.isDirectory(other));
    }

    @Test
    void keepsTheDirectoryOfALiveDriverAndRemovesACopyNoProcessMaps() throws IOException
    {
        final Path live = root.resolve(EmbeddedDriver.DIR_PREFIX + "live");
        try (MediaDriver driver = EmbeddedDriver.launch(live.toString()))
        {
            assertEquals(live.toString(), driver.aeronDirectoryName());
            final long nowMs = System.currentTimeMillis();
            assertFalse(StaleJobDirectories.isStale(live, nowMs + LATER_MS), "a live driver heartbeats");

            // the CnC file of a driver that is gone: its heartbeat ages, and no process maps it
            final Path dead = jobDir("copy");
            Files.copy(live.resolve(CncFileDescriptor.CNC_FILE), dead.resolve(CncFileDescriptor.CNC_FILE));
            assertFalse(StaleJobDirectories.isStale(dead, nowMs + 1000), "young");
            assertTrue(StaleJobDirectories.isStale(dead, nowMs + LATER_MS), "its driver's heartbeat is old");

            // the heartbeat of a stopped driver ages too, but its process still maps the file
            assertFalse(StaleJobDirectories.isStale(live, nowMs + LATER_MS + StaleJobDirectories.DRIVER_TIMEOUT_MS),
                "a silent driver whose process lives");
            assertTrue(Files.isDirectory(live));
        }
    }

    private Path jobDir(final String id) throws IOException
    {
        return Files.createDirectory(root.resolve(EmbeddedDriver.DIR_PREFIX + id));
    }

    /**
     * Make the directory and everything in it look last modified that long ago.
     */
    private static void age(final Path dir, final long ageMs) throws IOException
    {
        final FileTime then = FileTime.fromMillis(System.currentTimeMillis() - ageMs);
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.toList())
            {
                Files.setLastModifiedTime(path, then);
            }
        }
    }
}
