package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets one line from jrun and exit code 2, never a stack trace, and starts no job.
 */
class JrunBadInputTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String HINT = " (see jrun --help)";

    @TempDir
    Path tempDir;

    @Test
    void rejectsZeroRanks()
    {
        assertUsageError("jrun: -np expects a positive number of ranks, got '0'" + HINT, "-np", "0", "Main");
    }

    @Test
    void rejectsARankCountThatIsNoNumber()
    {
        assertUsageError("jrun: -np expects a positive number of ranks, got 'abc'" + HINT, "-np", "abc", "Main");
    }

    @Test
    void rejectsAnUnknownOption()
    {
        assertUsageError("jrun: unknown option --frobnicate" + HINT, "-np", "2", "--frobnicate", "Main");
    }

    @Test
    void rejectsAMissingMainClassArgument()
    {
        assertUsageError("jrun: missing the main class to run (or -jar APP.jar)" + HINT, "-np", "2");
    }

    @Test
    void rejectsAMainClassThatIsNotOnTheClassPath()
    {
        final String classPath = tempDir.toString();

        assertUsageError(
            "jrun: class com.example.Missing not found on the class path \"" + classPath + "\"" + HINT,
            "-np", "2", "-cp", classPath, "com.example.Missing");
    }

    @Test
    void rejectsAMainClassThatIsNotInTheCurrentDirectory()
    {
        assertUsageError(
            "jrun: class com.example.Missing not found in the current directory; give the class path with -cp" + HINT,
            "-np", "2", "com.example.Missing");
    }

    @Test
    void rejectsAJarWhoseMainClassIsMissing() throws IOException
    {
        final File jar = jar("gone.jar", "com.example.Gone");

        assertUsageError(
            "jrun: class com.example.Gone not found in " + jar + HINT, "-np", "2", "-jar", jar.getPath());
    }

    @Test
    void rejectsAMissingJar()
    {
        final String jar = tempDir.resolve("missing.jar").toString();

        assertUsageError("jrun: jar file " + jar + " not found" + HINT, "-np", "2", "-jar", jar);
    }

    @Test
    void rejectsAJarWithoutMainClass() throws IOException
    {
        final File jar = jar("plain.jar", null);

        assertUsageError("jrun: " + jar + " has no Main-Class in its manifest" + HINT, "-np", "2", "-jar", jar.getPath());
    }

    @Test
    void rejectsAJobIdInUse() throws IOException
    {
        final String jobId = JobRunner.newJobId();
        final Path aeronDir = Path.of(EmbeddedDriver.aeronDirFor(jobId));
        Files.createDirectory(aeronDir);
        try
        {
            assertUsageError(
                "jrun: job id " + jobId + " is in use: " + aeronDir + " exists" + HINT,
                "-np", "1", "--job-id", jobId, JrunExitTest.Succeed.class.getName());
            assertTrue(Files.isDirectory(aeronDir), "the other job's directory must stay");
        }
        finally
        {
            Files.delete(aeronDir);
        }
    }

    @Test
    void printsHelp()
    {
        final JobResult result = JobRunner.jrun(TIMEOUT, "--help");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().startsWith("Usage: jrun -np N"), result.toString());
        assertEquals("", result.stderr());
    }

    private File jar(final String name, final String mainClass) throws IOException
    {
        final File jar = tempDir.resolve(name).toFile();
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (null != mainClass)
        {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        new JarOutputStream(new FileOutputStream(jar), manifest).close();
        return jar;
    }

    private static void assertUsageError(final String message, final String... jrunArgs)
    {
        final JobResult result = JobRunner.jrun(TIMEOUT, jrunArgs);

        assertEquals(Jrun.USAGE_EXIT_CODE, result.exitCode(), result.toString());
        assertEquals(List.of(message), result.stderrLines());
        assertEquals("", result.stdout());
        assertFalse(result.stderr().contains("Exception"), result.toString());
    }
}
