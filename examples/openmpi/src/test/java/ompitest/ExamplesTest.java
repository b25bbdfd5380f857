package ompitest;

import io.jmpi.examples.openmpi.Hello;
import io.jmpi.examples.openmpi.OsuAllreduce;
import io.jmpi.examples.openmpi.OsuBandwidth;
import io.jmpi.examples.openmpi.OsuBcast;
import io.jmpi.examples.openmpi.OsuLatency;
import io.jmpi.examples.openmpi.Ring;
import io.jmpi.examples.openmpi.Stencil2D;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example programs written for Open MPI's Java API, run briefly through jrun: their output has the shape of
 * Open MPI's and OSU's.
 */
class ExamplesTest
{
    private static final Pattern ROW = Pattern.compile("\\d+ {1,9}\\s+\\d+\\.\\d{2}");

    @Test
    void helloOnThreeRanks()
    {
        final JobResult result = JobRunner.run(3, Hello.class).assertSuccess();
        for (int rank = 0; rank < 3; rank++)
        {
            final List<String> lines = result.linesOfRank(rank);
            assertEquals(1, lines.size(), result.toString());
            assertTrue(lines.get(0).startsWith("Hello, world, I am " + rank + " of 3 on "), lines.get(0));
        }
    }

    @Test
    void ringOnFourRanks()
    {
        final JobResult result = JobRunner.run(4, Ring.class, "3").assertSuccess();
        assertEquals(List.of("Process 0 sending 3 to 1, tag 201 (4 processes in ring)", "Process 0 sent to 1",
            "Process 0 decremented value: 2", "Process 0 decremented value: 1", "Process 0 decremented value: 0",
            "Process 0 exiting"), result.linesOfRank(0));
        assertEquals(List.of("Process 3 exiting"), result.linesOfRank(3));
    }

    @ParameterizedTest
    @CsvSource({ "4, 2x2", "6, 3x2" })
    void stencilOnACartesianGridMatchesTheSerialIteration(final int ranks, final String grid)
    {
        // 51 points split unevenly over 2 processes
        final JobResult result = JobRunner.run(ranks, Stencil2D.class, "51", "150").assertSuccess();
        assertEquals(List.of("stencil 51x51 on " + grid + " ranks, 150 steps: max difference from serial 0.0"),
            result.linesOfRank(0), result.toString());
    }

    @Test
    void osuLatency()
    {
        checkTable(JobRunner.run(2, OsuLatency.class, "-m", "64", "-i", "20", "-x", "2").assertSuccess(),
            "# OSU MPI Latency Test v7.4", "Latency (us)", List.of(0, 1, 2, 4, 8, 16, 32, 64));
    }

    @Test
    void osuBandwidth()
    {
        checkTable(JobRunner.run(2, OsuBandwidth.class, "-m", "4096", "-i", "3", "-x", "1").assertSuccess(),
            "# OSU MPI Bandwidth Test v7.4", "Bandwidth (MB/s)", List.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024,
                2048, 4096));
    }

    @Test
    void osuBcastOnThreeRanks()
    {
        checkTable(JobRunner.run(3, OsuBcast.class, "-m", "16", "-i", "10", "-x", "1").assertSuccess(),
            "# OSU MPI Broadcast Latency Test v7.4", "Avg Latency(us)", List.of(1, 2, 4, 8, 16));
    }

    @Test
    void osuAllreduceOnFourRanks()
    {
        checkTable(JobRunner.run(4, OsuAllreduce.class, "-m", "64", "-i", "10", "-x", "1").assertSuccess(),
            "# OSU MPI Allreduce Latency Test v7.4", "Avg Latency(us)", List.of(4, 8, 16, 32, 64));
    }

    @Test
    void osuHelpAndAWrongRankCountAreOneLineFromRankZero()
    {
        final JobResult help = JobRunner.run(2, OsuLatency.class, "-h").assertSuccess();
        assertEquals("Usage: osu_latency [options]", help.linesOfRank(0).get(0), help.toString());
        assertEquals(List.of(), help.linesOfRank(1), help.toString());
        assertTrue(help.stderr().isEmpty(), help.toString());

        final JobResult three = JobRunner.run(3, OsuBandwidth.class);
        assertEquals(1, three.exitCode(), three.toString());
        assertEquals(List.of("This test requires exactly two processes"), three.linesOfRank(0), three.toString());
        assertEquals(List.of(), three.linesOfRank(1), three.toString());
        assertTrue(three.stderrLines().stream().noneMatch(line -> line.contains("Exception")), three.toString());
    }

    private static void checkTable(final JobResult result, final String title, final String column,
        final List<Integer> sizes)
    {
        final List<String> lines = result.linesOfRank(0);
        assertEquals(sizes.size() + 2, lines.size(), result.toString());
        assertEquals(title, lines.get(0));
        assertEquals(String.format("%-10s%20s", "# Size", column), lines.get(1));
        for (int i = 0; i < sizes.size(); i++)
        {
            final String row = lines.get(i + 2);
            assertEquals(30, row.length(), row);
            assertTrue(ROW.matcher(row).matches(), row);
            assertEquals(sizes.get(i), Integer.parseInt(row.substring(0, 10).trim()), row);
            assertTrue(Double.parseDouble(row.substring(10).trim()) >= 0, row);
        }
        assertEquals(List.of(), result.linesOfRank(1), result.toString());
    }
}
