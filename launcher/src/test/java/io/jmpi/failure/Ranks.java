package io.jmpi.failure;

import io.jmpi.transport.JobEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the rank programs of the failure tests share: their rank, ways to die, and checkable payloads.
 */
final class Ranks
{
    private Ranks()
    {
    }

    /**
     * @return this process's rank, from the environment jrun gave it.
     */
    static int rank()
    {
        return Integer.parseInt(System.getenv(JobEnvironment.RANK));
    }

    /**
     * Print a line and make sure it leaves the process before anything drastic happens.
     */
    static void say(final String line)
    {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * End this process the way the argument says, without closing jmpi.
     *
     * @param how {@code kill9}: SIGKILL to itself; {@code halt}: Runtime.halt(0); {@code exit}: System.exit(0).
     */
    static void die(final String how) throws IOException, InterruptedException
    {
        switch (how)
        {
            case "kill9" ->
            {
                new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                sleepForever();
            }
            case "halt" -> Runtime.getRuntime().halt(0);
            case "exit" -> System.exit(0);
            default -> throw new IllegalArgumentException("no way to die: " + how);
        }
    }

    static void sleepForever() throws InterruptedException
    {
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Wait until the test creates a file, so that a rank acts only after the test did its part.
     *
     * @param file    the file the test creates.
     * @param seconds how long to wait at most.
     */
    static void awaitFile(final Path file, final int seconds) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file))
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException(file + " did not appear within " + seconds + " s");
            }
            Thread.sleep(10);
        }
    }

    /**
     * Fill a buffer with the bytes a seed stands for: sender and receiver derive them alike.
     */
    static void fill(final byte[] bytes, final int length, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.nextInt();
        }
    }

    /**
     * @throws IllegalStateException naming the first byte that differs from what the seed stands for.
     */
    static void check(final byte[] bytes, final int length, final long seed, final String what)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++)
        {
            final byte expected = (byte)random.nextInt();
            if (bytes[i] != expected)
            {
                throw new IllegalStateException(
                    what + ": byte " + i + " of " + length + " is " + bytes[i] + ", expected " + expected);
            }
        }
    }
}
