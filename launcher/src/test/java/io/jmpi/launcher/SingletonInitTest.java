package io.jmpi.launcher;

import io.jmpi.examples.Ring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rank program started with java, without jrun (MPI's singleton init): a world of one rank with the JVM flags
 * given, a clear message naming them without, and nothing to add when an executable jar's manifest carries them.
 */
class SingletonInitTest
{
    private static final String RING_OF_ONE = "Ring of 1 ranks, 10 laps: token=0 (expected 0)";

    @TempDir
    Path dir;

    @Test
    void runsAsAWorldOfOneWithTheFlags()
    {
        final JobResult result = await(JobRunner.javaCommand(System.getProperty("java.class.path"), Ring.class));

        result.assertSuccess();
        assertTrue(result.stdout().contains(RING_OF_ONE), result.toString());
    }

    @Test
    void withoutTheFlagsInitNamesThem()
    {
        final List<String> command = List.of(
            Jvm.executable(), "-cp", System.getProperty("java.class.path"), Ring.class.getName());

        final JobResult result = await(command);

        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("io.jmpi.MpiException: ERR_OTHER: Aeron and Agrona need JVM flags " +
            "to use JDK internals: start java with " + String.join(" ", Jvm.flags())), result.toString());
        assertFalse(result.stderr().contains("IllegalAccessError"), result.toString());
    }

    @Test
    void anExecutableJarCarriesTheFlagsInItsManifest() throws IOException
    {
        final File jar = dir.resolve("ring.jar").toFile();
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar), manifestForRing()))
        {
            out.finish();
        }

        final JobResult result = await(List.of(Jvm.executable(), "-jar", jar.getPath()));

        result.assertSuccess();
        assertTrue(result.stdout().contains(RING_OF_ONE), result.toString());
    }

    /**
     * The manifest README's "without jrun" shows: Add-Exports and Add-Opens hold the flags' module/package pairs.
     */
    private static Manifest manifestForRing()
    {
        final List<String> exports = new ArrayList<>();
        final List<String> opens = new ArrayList<>();
        final List<String> flags = Jvm.flags();
        for (int i = 0; i < flags.size(); i += 2)
        {
            final String modulePackage = flags.get(i + 1).substring(0, flags.get(i + 1).indexOf('='));
            ("--add-exports".equals(flags.get(i)) ? exports : opens).add(modulePackage);
        }
        final List<String> classPath = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            classPath.add(new File(entry).toURI().toString());
        }

        final Manifest manifest = new Manifest();
        final Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, Ring.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        attributes.putValue("Add-Exports", String.join(" ", exports));
        attributes.putValue("Add-Opens", String.join(" ", opens));
        return manifest;
    }

    private static JobResult await(final List<String> command)
    {
        try (RunningJob job = new RunningJob(new ProcessBuilder(command).start()))
        {
            return job.await(JobRunner.DEFAULT_TIMEOUT);
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot start " + command, ex);
        }
    }
}
