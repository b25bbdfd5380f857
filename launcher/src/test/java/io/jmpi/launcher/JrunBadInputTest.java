package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the jrun table of README.md as it stands: each bad command line must get exactly the line the table
 * shows, exit code 2, no stack trace and no job. The table and jrun cannot drift apart.
 */
class JrunBadInputTest
{
    /** The table the test runs: the first table of this section of the document. */
    static final String SECTION = "### Bad input to jrun";
    /** A job id whose directory the test creates, as if a job of that id were running. */
    static final String ID_IN_USE = "in-use";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ROW = Pattern.compile("^\\| `jrun([^`]*)` \\| `([^`]*)` \\|$");

    @TempDir
    static Path workingDirectory;

    private static Path dirInUse;

    @BeforeAll
    static void createTheFilesTheTableNames() throws IOException
    {
        jar("plain.jar", null);
        jar("gone.jar", "com.example.Gone");
        Files.writeString(workingDirectory.resolve("notajar.jar"), "not a jar");
        Files.writeString(workingDirectory.resolve("hosts.txt"), "node1\nnode2\n");
        Files.writeString(workingDirectory.resolve("badhosts.txt"), "node1 slots=x\n");
        dirInUse = Path.of(EmbeddedDriver.aeronDirFor(ID_IN_USE));
    }

    @AfterAll
    static void removeTheJobDirectoryInUse() throws IOException
    {
        Files.deleteIfExists(dirInUse);
    }

    @TestFactory
    Stream<DynamicTest> everyBadCommandLineOfTheDocumentGetsItsLine() throws IOException
    {
        final List<String[]> rows = table();
        assertTrue(rows.size() >= 20, "the table has only " + rows.size() + " rows");
        return rows.stream().map(row ->
            DynamicTest.dynamicTest(("jrun " + row[0]).trim(), () -> assertUsageError(row[0], row[1])));
    }

    @Test
    void printsHelp()
    {
        final JobResult result = JobRunner.jrun(TIMEOUT, "--help");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().startsWith("Usage: jrun [-np N]"), result.toString());
        assertEquals("", result.stderr());
    }

    /**
     * @return the rows of the jrun table: the arguments after {@code jrun}, and the expected line.
     */
    static List<String[]> table() throws IOException
    {
        final List<String[]> rows = new ArrayList<>();
        boolean inSection = false;
        for (final String line : Files.readAllLines(document()))
        {
            if (line.startsWith("#"))
            {
                inSection = line.equals(SECTION);
            }
            final Matcher row = ROW.matcher(line);
            if (inSection && row.matches())
            {
                rows.add(new String[]{ row.group(1).trim(), row.group(2) });
            }
        }
        return rows;
    }

    private static Path document()
    {
        // surefire runs the tests in the module's directory
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        while (null != dir && !Files.isRegularFile(dir.resolve("README.md")))
        {
            dir = dir.getParent();
        }
        assertTrue(null != dir, "README.md not found above " + System.getProperty("basedir", "."));
        return dir.resolve("README.md");
    }

    private static void assertUsageError(final String arguments, final String expected) throws IOException
    {
        final String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" +");
        final boolean inUse = List.of(args).contains(ID_IN_USE);
        if (inUse)
        {
            // as a job starting now would have it: young, so that jrun does not take it for a dead job's
            Files.deleteIfExists(dirInUse);
            Files.createDirectories(dirInUse);
        }
        final JobResult result;
        try (RunningJob job = JobRunner.startIn(workingDirectory, args))
        {
            result = job.await(TIMEOUT);
        }

        assertEquals(Jrun.USAGE_EXIT_CODE, result.exitCode(), result.toString());
        final List<String> messages = result.jrunMessages();
        assertEquals(1, messages.size(), result.toString());
        // the document names /dev/shm; these tests keep their jobs in a directory of their own (JobRunner)
        final String jobRoot = Path.of(EmbeddedDriver.aeronDirFor(ID_IN_USE)).getParent().toString();
        final String here = expected.replace(EmbeddedDriver.SHM_ROOT, jobRoot);
        assertTrue(matches(here, messages.get(0)), "expected " + here + "\n" + result);
        assertEquals("", result.stdout());
        assertFalse(result.stderr().contains("Exception"), result.toString());
        if (inUse)
        {
            assertTrue(Files.isDirectory(dirInUse), "jrun must leave the directory of another job alone");
        }
    }

    /**
     * @return whether the line is the expected one, where {@code …} in it stands for any text.
     */
    static boolean matches(final String expected, final String line)
    {
        final StringBuilder regex = new StringBuilder();
        for (final String part : expected.split("…", -1))
        {
            if (!regex.isEmpty())
            {
                regex.append(".+");
            }
            regex.append(Pattern.quote(part));
        }
        return line.matches(regex.toString());
    }

    private static void jar(final String name, final String mainClass) throws IOException
    {
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (null != mainClass)
        {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        new JarOutputStream(new FileOutputStream(workingDirectory.resolve(name).toFile()), manifest).close();
    }
}
