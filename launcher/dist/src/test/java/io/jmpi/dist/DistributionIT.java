package io.jmpi.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution unpacked away from the source tree runs jobs with nothing but Java: bin/jrun finds its jars
 * relative to itself, and a program of the mpiJava API gets the face from the distribution's faces/.
 * <p>
 * The tarball exists after {@code package}, so failsafe runs this test at {@code integration-test} ({@code mvn
 * verify}); run from elsewhere without a tarball, it is skipped.
 */
class DistributionIT
{
    private static final String TARBALL_PROPERTY = "jmpi.dist.tarball";
    private static final long TIMEOUT_SECONDS = 120;
    private static final String MPIJAVA_SOURCE = """
        package app;

        import mpi.MPI;

        public class Where
        {
            public static void main(final String[] args) throws Exception
            {
                MPI.Init(args);
                final int[] mine = {MPI.COMM_WORLD.Rank() + 1};
                final int[] sum = new int[1];
                MPI.COMM_WORLD.Allreduce(mine, 0, sum, 0, 1, MPI.INT, MPI.SUM);
                System.out.println("sum " + sum[0] + " with mpi from " +
                    MPI.class.getProtectionDomain().getCodeSource().getLocation().getPath());
                MPI.Finalize();
            }
        }
        """;

    @TempDir
    static Path dir;
    private static Path home;
    private static Path examplesJar;

    @BeforeAll
    static void unpack() throws Exception
    {
        final String tarball = System.getProperty(TARBALL_PROPERTY);
        if (null == tarball || !Files.isRegularFile(Path.of(tarball)))
        {
            return;
        }
        examplesJar = Path.of(System.getProperty("jmpi.examples.jar"));

        final Run untar = run(dir, List.of("tar", "xzf", tarball, "-C", dir.toString()));
        assertEquals(0, untar.exitCode, untar.output);
        try (Stream<Path> top = Files.list(dir))
        {
            home = top.filter(path -> path.getFileName().toString().startsWith("jmpi-")).findFirst().orElseThrow();
        }
    }

    /**
     * Each test is skipped, with the reason in the report, rather than the class vanishing from it.
     */
    @BeforeEach
    void needsTheDistribution()
    {
        assumeTrue(null != home, "no distribution to test (" + System.getProperty(TARBALL_PROPERTY) +
            "): mvn package makes it, and mvn verify runs this test after");
    }

    @Test
    void holdsJrunItsJarsAndTheFacesButNoClassDataSharingArchive() throws IOException
    {
        assertTrue(Files.isExecutable(home.resolve("bin/jrun")));
        assertTrue(Files.isRegularFile(home.resolve("jmpi-launcher.jar")));
        assertTrue(Files.isRegularFile(home.resolve("jvm.flags")));
        assertTrue(Files.isRegularFile(home.resolve("faces/jmpi-mpijava.jar")));
        assertTrue(Files.isRegularFile(home.resolve("faces/jmpi-openmpi.jar")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
        try (Stream<Path> all = Files.walk(home))
        {
            assertEquals(List.of(), all.filter(path -> path.toString().endsWith(".jsa")).toList());
        }
    }

    @Test
    void runsAnExampleOnTwoRanks() throws Exception
    {
        final Run ring = run(dir, List.of(home.resolve("bin/jrun").toString(), "-np", "2", "--timeout", "60",
            "-cp", examplesJar.toString(), "io.jmpi.examples.Ring"));

        assertEquals(0, ring.exitCode, ring.output);
        assertTrue(ring.output.contains("[0] Ring of 2 ranks, 10 laps: token=10 (expected 10)"), ring.output);
    }

    @Test
    void runsThroughASymlinkInADirectoryOfThePath() throws Exception
    {
        final Path link = Files.createDirectories(dir.resolve("path")).resolve("jrun");
        Files.createSymbolicLink(link, home.resolve("bin/jrun"));

        final Run version = run(dir, List.of(link.toString(), "--version"));

        assertEquals(0, version.exitCode, version.output);
        assertTrue(version.output.startsWith("jrun (jmpi) "), version.output);
    }

    @Test
    void runsAnMpiJavaProgramWithTheFaceOfTheDistribution() throws Exception
    {
        final Path classes = compileAgainstTheDistribution();

        final Run where = run(dir, List.of(home.resolve("bin/jrun").toString(), "-np", "2", "--timeout", "60",
            "-cp", classes.toString(), "app.Where"));

        assertEquals(0, where.exitCode, where.output);
        final String face = home.resolve("faces/jmpi-mpijava.jar").toRealPath().toString();
        assertTrue(where.output.contains("[0] sum 3 with mpi from " + face), where.output);
        assertTrue(where.output.contains("[1] sum 3 with mpi from " + face), where.output);
    }

    @Test
    void runsARankProgramWithJavaAndTheFlagsFile() throws Exception
    {
        final String classPath = home.resolve("lib") + File.separator + "*" + File.pathSeparator + examplesJar;

        final Run ring = run(dir, List.of(java(), "@" + home.resolve("jvm.flags"), "-cp", classPath,
            "io.jmpi.examples.Ring"));

        assertEquals(0, ring.exitCode, ring.output);
        assertTrue(ring.output.contains("Ring of 1 ranks, 10 laps: token=0 (expected 0)"), ring.output);
    }

    private static Path compileAgainstTheDistribution() throws IOException
    {
        final Path source = dir.resolve("src/app/Where.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, MPIJAVA_SOURCE);
        final Path classes = dir.resolve("classes");
        final String classPath = home.resolve("faces/jmpi-mpijava.jar") + File.pathSeparator +
            home.resolve("lib") + File.separator + "*";
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(
            null, null, null, "-cp", classPath, "-d", classes.toString(), source.toString()));
        return classes;
    }

    private static String java()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Run a command to its end with the test's Java as JAVA_HOME, its output and errors in one file.
     */
    private static Run run(final Path workingDirectory, final List<String> command) throws Exception
    {
        final Path output = Files.createTempFile(dir, "output", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + TIMEOUT_SECONDS + " s:\n" +
                Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private record Run(int exitCode, String output)
    {
    }
}
