package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start a JVM that runs jmpi: the java executable, the flags that Aeron and Agrona need, and the class-data
 * sharing archive of the ranks.
 */
final class Jvm
{
    /** Filled from the parent pom property {@code jmpi.jvm.flags} at build time, so the flags live in one place. */
    private static final String FLAGS_RESOURCE = "jvm.flags";
    /**
     * The classes a rank loads, dumped by the build's training job into a dynamic archive beside jmpi-launcher.jar
     * (see the launcher's pom). Mapped instead of loaded from jars, they halve the CPU time a rank takes to start,
     * which is what a job of many ranks on few cores waits for.
     */
    static final String RANK_ARCHIVE = "jmpi-rank.jsa";
    /**
     * Keeps the JVM's performance counters in its own memory instead of a file {@code hsperfdata_<user>/<pid>} in
     * the temporary directory: a rank that is killed leaves no such file behind, and where hosts or containers share
     * that directory across PID namespaces, a rank whose pid matches another process's does not print the JVM's
     * warning about the locked file into its output. Tools that list JVMs from those files (jps) do not see the
     * ranks; jcmd with a pid, and JFR, work as before. A user's {@code -XX:-PerfDisableSharedMem} comes later on the
     * command line and wins.
     */
    static final String NO_PERF_DATA_FILE = "-XX:+PerfDisableSharedMem";

    private Jvm()
    {
    }

    /**
     * @return the java executable of this JVM, so that ranks run on the same Java as jrun.
     */
    static String executable()
    {
        return ProcessHandle.current().info().command()
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * @return the flags every JVM of a job needs: opens and exports of JDK internals for Aeron and Agrona.
     */
    static List<String> flags()
    {
        try (InputStream in = Jvm.class.getResourceAsStream(FLAGS_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(FLAGS_RESOURCE + " is missing next to " + Jvm.class.getName());
            }

            final String text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .collect(Collectors.joining(" "));
            return List.of(text.trim().split("\\s+"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return {@link #flags()}, {@link #NO_PERF_DATA_FILE}, and the job root of this JVM when one is set, so that the
     * JVMs jrun starts (agents, ranks) put job directories where jrun does.
     */
    static List<String> jobFlags()
    {
        final List<String> flags = new ArrayList<>(flags());
        flags.add(NO_PERF_DATA_FILE);
        final String jobRoot = System.getProperty(EmbeddedDriver.JOB_ROOT_PROPERTY);
        if (null != jobRoot)
        {
            flags.add("-D" + EmbeddedDriver.JOB_ROOT_PROPERTY + "=" + jobRoot);
        }
        return flags;
    }

    /**
     * The flags that give a rank the ranks' class-data sharing archive, when jrun runs from the packaged jar and the
     * archive lies beside it (bin/jrun); none otherwise, e.g. when jrun runs from a build's class directories.
     * <p>
     * The archive serves a JVM whose class path starts with the jar, as the ranks' class path does (see
     * {@link RankProgram}). A JVM that cannot use it (another JDK, a jar rebuilt since the archive, a class path
     * that starts elsewhere) starts as it would have without it: {@code -Xshare:auto} maps the JDK's own archive
     * alone, and the class-data sharing log, which would warn of the mismatch, is off.
     *
     * @return the flags, or an empty list.
     */
    static List<String> classDataSharing()
    {
        final CodeSource source = Jvm.class.getProtectionDomain().getCodeSource();
        if (null == source)
        {
            return List.of();
        }
        final Path code;
        try
        {
            code = Path.of(source.getLocation().toURI());
        }
        catch (final URISyntaxException | IllegalArgumentException ex)
        {
            return List.of();
        }
        final Path archive = code.resolveSibling(RANK_ARCHIVE);
        if (!Files.isRegularFile(code) || !Files.isRegularFile(archive))
        {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * @param jvmArg a JVM flag the user gave for the ranks.
     * @return whether it makes its own choice of class-data sharing, which jrun's archive must then not override
     * (a second archive would clash with it, e.g. with one the user dumps).
     */
    static boolean choosesClassDataSharing(final String jvmArg)
    {
        return jvmArg.startsWith("-Xshare:") || jvmArg.startsWith("-XX:SharedArchiveFile=") ||
            jvmArg.startsWith("-XX:ArchiveClassesAtExit=");
    }
}
