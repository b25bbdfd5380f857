package io.jmpi.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputForwarderTest
{
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream target = new PrintStream(output, false, StandardCharsets.UTF_8);

    @Test
    void prefixesEveryLine()
    {
        forward("[3] ", "one\ntwo\n\nfour\n");

        assertEquals("[3] one\n[3] two\n[3] \n[3] four\n", text());
    }

    @Test
    void endsALastLineWithoutNewline()
    {
        forward("[0] ", "done\nno newline");

        assertEquals("[0] done\n[0] no newline\n", text());
    }

    @Test
    void forwardsNothingForNoOutput()
    {
        forward("[0] ", "");

        assertEquals("", text());
    }

    @Test
    void forwardsAsIsWithoutPrefix()
    {
        forward("", "a\r\nb\n");

        assertEquals("a\r\nb\n", text());
    }

    @Test
    void passesBytesThrough()
    {
        final byte[] latin1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        new OutputForwarder(new ByteArrayInputStream(latin1), new byte[0], target).run();

        assertArrayEquals(latin1, output.toByteArray());
    }

    @Test
    void joinsLinesSplitAcrossReads()
    {
        final InputStream trickle = new InputStream()
        {
            private final byte[] data = "abc\ndef\n".getBytes(StandardCharsets.US_ASCII);
            private int position;

            @Override
            public int read()
            {
                return position < data.length ? data[position++] : -1;
            }

            @Override
            public int read(final byte[] buffer, final int offset, final int length)
            {
                // one byte per read: every line arrives in pieces
                final int next = read();
                if (-1 == next)
                {
                    return -1;
                }
                buffer[offset] = (byte)next;
                return 1;
            }
        };

        new OutputForwarder(trickle, "[1] ".getBytes(StandardCharsets.US_ASCII), target).run();

        assertEquals("[1] abc\n[1] def\n", text());
    }

    @Test
    void showsTheListenerEachLineWithoutPrefixAndLineEnd()
    {
        final List<String> seen = new ArrayList<>();

        new OutputForwarder(
            new ByteArrayInputStream("one\r\n\nthree\nno newline".getBytes(StandardCharsets.UTF_8)),
            "[2] ".getBytes(StandardCharsets.US_ASCII), target, seen::add).run();

        assertEquals(List.of("one", "", "three", "no newline"), seen);
        assertEquals("[2] one\r\n[2] \n[2] three\n[2] no newline\n", text());
    }

    @Test
    void showsTheListenerLinesSplitAcrossReads()
    {
        final List<String> seen = new ArrayList<>();

        new OutputForwarder(new OneByteAtATime("abc\ndef\n"), new byte[0], target, seen::add).run();

        assertEquals(List.of("abc", "def"), seen);
    }

    @Test
    void neverInterleavesLinesOfConcurrentWriters() throws Exception
    {
        final int writers = 4;
        final int lines = 2000;
        final List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++)
        {
            final PipedOutputStream pipe = new PipedOutputStream();
            final PipedInputStream in = new PipedInputStream(pipe, 64);
            final int writer = w;
            threads.add(new Thread(new OutputForwarder(
                in, ("[" + w + "] ").getBytes(StandardCharsets.US_ASCII), target)));
            threads.add(new Thread(() -> writeLines(pipe, writer, lines)));
        }
        threads.forEach(Thread::start);
        for (final Thread thread : threads)
        {
            thread.join();
        }

        final List<String> forwarded = text().lines().toList();
        assertEquals(writers * lines, forwarded.size());
        for (final String line : forwarded)
        {
            assertTrue(line.matches("\\[(\\d)] \\1-[0-9]+:x{100}"), line);
        }
    }

    private static void writeLines(final PipedOutputStream pipe, final int writer, final int lines)
    {
        try (pipe)
        {
            for (int i = 0; i < lines; i++)
            {
                // written in pieces, as a rank's print calls may arrive
                pipe.write((writer + "-" + i + ":").getBytes(StandardCharsets.US_ASCII));
                pipe.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
                pipe.write('\n');
            }
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /**
     * Delivers one byte per read: every line arrives in pieces.
     */
    private static final class OneByteAtATime extends InputStream
    {
        private final byte[] data;
        private int position;

        OneByteAtATime(final String text)
        {
            data = text.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read()
        {
            return position < data.length ? data[position++] : -1;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length)
        {
            final int next = read();
            if (-1 == next)
            {
                return -1;
            }
            buffer[offset] = (byte)next;
            return 1;
        }
    }

    private void forward(final String prefix, final String input)
    {
        new OutputForwarder(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            prefix.getBytes(StandardCharsets.UTF_8),
            target).run();
    }

    private String text()
    {
        return output.toString(StandardCharsets.UTF_8);
    }
}
