package io.jmpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mpirun options people type, in real jobs: -x, -wdir, -N, --bind-to core with --report-bindings,
 * --output-filename, --oversubscribe and --tag-output, --version, and --host naming this host, which runs here.
 */
class JrunMpirunOptionsTest
{
    @TempDir
    Path dir;

    @Test
    void exportsReachEveryRankAndTheWorkingDirectoryIsTheOneGiven() throws IOException
    {
        final Path wdir = Files.createDirectory(dir.resolve("work"));
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "2", "-x", "JMPI_TEST_FOO=foo bar",
            "-x", "PATH", "-wdir", wdir.toString(), Environment.class.getName()).assertSuccess();
        for (int rank = 0; rank < 2; rank++)
        {
            assertEquals(List.of("foo=foo bar path=" + System.getenv("PATH") + " cwd=" + wdir.toRealPath()),
                result.linesOfRank(rank), result.toString());
        }
    }

    @Test
    void anUnsetVariableToExportIsABadCommandLine()
    {
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "1", "-x", "JMPI_TEST_UNSET_VAR",
            Environment.class.getName());
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("-x JMPI_TEST_UNSET_VAR: JMPI_TEST_UNSET_VAR is not set"),
            result.toString());
    }

    @Test
    void ranksPerNodeGivesTheCountAndBoundsIt()
    {
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-N", "3", Environment.class.getName());
        result.assertSuccess();
        assertEquals(1, result.linesOfRank(2).size(), result.toString());
        assertTrue(result.linesOfRank(3).isEmpty(), result.toString());

        final JobResult tooMany = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "4", "-N", "2",
            Environment.class.getName());
        assertEquals(2, tooMany.exitCode(), tooMany.toString());
        assertTrue(tooMany.stderr().contains("-np 4 exceeds -N 2 ranks on each of 1 host"), tooMany.toString());
    }

    @Test
    void bindToCoreBindsEachRankToOneCoreInTurnAndReportsIt()
    {
        final List<Integer> cores = AllowedCores.of();
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "3", "--bind-to", "core",
            "--report-bindings", Affinity.class.getName()).assertSuccess();
        for (int rank = 0; rank < 3; rank++)
        {
            final int core = cores.get(rank % cores.size());
            assertEquals(List.of("cores " + core), result.linesOfRank(rank), result.toString());
            assertTrue(result.jrunMessages().contains("jrun: rank " + rank + " bound to core " + core),
                result.toString());
        }
    }

    @Test
    void outputFilenameKeepsEachRanksOutputInOpenMpisLayoutAndStillForwardsIt() throws IOException
    {
        final Path output = dir.resolve("out");
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "2", "--oversubscribe",
            "--tag-output", "--output-filename", output.toString(), Speaker.class.getName()).assertSuccess();
        for (int rank = 0; rank < 2; rank++)
        {
            final Path files = output.resolve("1").resolve("rank." + rank);
            assertEquals("out of " + rank + "\n", Files.readString(files.resolve("stdout")));
            assertEquals("err of " + rank + "\n", Files.readString(files.resolve("stderr")));
            assertEquals(List.of("out of " + rank), result.linesOfRank(rank), result.toString());
        }
    }

    @Test
    void hostsThatAreThisHostRunHereWithTheirSlotsAsTheRankCount()
    {
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "--host", "localhost:2,127.0.0.1",
            LocalJob.class.getName()).assertSuccess();
        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals(List.of("size 3 endpoints null"), result.linesOfRank(rank), result.toString());
        }
    }

    @Test
    void versionPrintsOneLine()
    {
        final JobResult result = JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "--version").assertSuccess();
        assertEquals(1, result.stdoutLines().size(), result.toString());
        assertTrue(result.stdoutLines().get(0).matches("jrun \\(jmpi\\) \\d+\\.\\d+\\.\\d+.*"), result.toString());
    }

    public static final class Environment
    {
        public static void main(final String[] args)
        {
            System.out.println("foo=" + System.getenv("JMPI_TEST_FOO") + " path=" + System.getenv("PATH") +
                " cwd=" + Path.of("").toAbsolutePath());
        }
    }

    public static final class Affinity
    {
        public static void main(final String[] args) throws IOException
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("Cpus_allowed_list:"))
                {
                    System.out.println("cores " + line.substring("Cpus_allowed_list:".length()).trim());
                }
            }
        }
    }

    public static final class Speaker
    {
        public static void main(final String[] args)
        {
            System.out.println("out of " + System.getenv("JMPI_RANK"));
            System.err.println("err of " + System.getenv("JMPI_RANK"));
        }
    }

    public static final class LocalJob
    {
        public static void main(final String[] args)
        {
            System.out.println("size " + System.getenv("JMPI_SIZE") + " endpoints " + System.getenv("JMPI_ENDPOINTS"));
        }
    }
}
