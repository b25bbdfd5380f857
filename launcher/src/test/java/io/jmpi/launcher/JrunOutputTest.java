package io.jmpi.launcher;

import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How jrun connects the ranks' standard streams to its own.
 */
class JrunOutputTest
{
    private static final int LINES = 2000;

    @Test
    void prefixesEveryLineWithItsRank()
    {
        final JobResult result = JobRunner.run(3, Greet.class, "a b", "c").assertSuccess();

        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals(List.of("hello from " + rank + " of 3 [a b, c]"), result.linesOfRank(rank), result.toString());
        }
        assertEquals(3, result.stdoutLines().size(), result.toString());
    }

    @Test
    void forwardsLinesAsTheyAreWithNoPrefix()
    {
        final JobResult result = JobRunner.run(
            List.of("--no-prefix"), JobRunner.DEFAULT_TIMEOUT, 2, Greet.class).assertSuccess();

        assertEquals(
            Set.of("hello from 0 of 2 []", "hello from 1 of 2 []"), Set.copyOf(result.stdoutLines()),
            result.toString());
    }

    @Test
    void forwardsStandardErrorToStandardError()
    {
        final JobResult result = JobRunner.run(2, Complain.class).assertSuccess();

        assertEquals(List.of("out 0"), result.linesOfRank(0), result.toString());
        assertEquals(List.of("err 0"), result.errorLinesOfRank(0), result.toString());
        assertEquals(List.of("out 1"), result.linesOfRank(1), result.toString());
        assertEquals(List.of("err 1"), result.errorLinesOfRank(1), result.toString());
    }

    @Test
    void neverMixesLinesOfDifferentRanks()
    {
        final JobResult result = JobRunner.run(
            List.of(), Duration.ofSeconds(60), 3, Chatter.class, Integer.toString(LINES)).assertSuccess();

        final List<String> lines = result.stdoutLines();
        assertEquals(3 * LINES, lines.size());
        final List<String> broken = lines.stream()
            .filter(line -> !line.matches("\\[(\\d)] \\1:[0-9]+:-{200}"))
            .collect(Collectors.toList());
        assertEquals(List.of(), broken);
        for (int rank = 0; rank < 3; rank++)
        {
            final String prefix = rank + ":";
            assertEquals(
                IntStream.range(0, LINES).mapToObj(i -> prefix + i + ":" + "-".repeat(200)).toList(),
                result.linesOfRank(rank));
        }
    }

    @Test
    void endsALastLineWithoutNewline()
    {
        final JobResult result = JobRunner.run(2, NoNewline.class).assertSuccess();

        assertTrue(result.stdout().endsWith("\n"), result.toString());
        assertEquals(List.of("unfinished 0"), result.linesOfRank(0), result.toString());
        assertEquals(List.of("unfinished 1"), result.linesOfRank(1), result.toString());
    }

    @Test
    void givesEveryRankAnEndOfInput()
    {
        final JobResult result = JobRunner.run(2, ReadInput.class).assertSuccess();

        assertEquals(List.of("read -1"), result.linesOfRank(0), result.toString());
        assertEquals(List.of("read -1"), result.linesOfRank(1), result.toString());
    }

    static int rank()
    {
        return Integer.parseInt(System.getenv(JobEnvironment.RANK));
    }

    static final class Greet
    {
        public static void main(final String[] args)
        {
            System.out.println(
                "hello from " + rank() + " of " + System.getenv(JobEnvironment.SIZE) + " " + List.of(args));
        }
    }

    static final class Complain
    {
        public static void main(final String[] args)
        {
            System.out.println("out " + rank());
            System.err.println("err " + rank());
        }
    }

    /**
     * Writes every line in pieces with flushes between them, so lines reach jrun in parts.
     */
    static final class Chatter
    {
        public static void main(final String[] args)
        {
            final int rank = rank();
            for (int i = 0, lines = Integer.parseInt(args[0]); i < lines; i++)
            {
                System.out.print(rank + ":" + i + ":");
                System.out.flush();
                System.out.print("-".repeat(200));
                System.out.flush();
                System.out.println();
            }
        }
    }

    static final class ReadInput
    {
        public static void main(final String[] args) throws IOException
        {
            System.out.println("read " + System.in.read());
        }
    }

    static final class NoNewline
    {
        public static void main(final String[] args)
        {
            System.out.print("unfinished " + rank());
        }
    }
}
