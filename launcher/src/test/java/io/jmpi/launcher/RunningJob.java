package io.jmpi.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A jrun process started by {@link JobRunner#start(String...)}: its output is collected while it runs.
 * {@link #close()} kills it and whatever it started if it still runs, so use it in try-with-resources.
 */
public final class RunningJob implements AutoCloseable
{
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(15);
    private static final long POLL_MS = 20;

    private final Process process;
    private final Collector stdout;
    private final Collector stderr;

    RunningJob(final Process process)
    {
        this(process, new byte[0]);
    }

    /**
     * @param input what the process reads on its standard input, which then ends.
     */
    RunningJob(final Process process, final byte[] input)
    {
        this.process = process;
        // rank 0 reads jrun's standard input: give it an end rather than a pipe nobody writes to
        giveInput(process, input);
        this.stdout = new Collector(process.getInputStream(), "stdout");
        this.stderr = new Collector(process.getErrorStream(), "stderr");
    }

    /**
     * @return the jrun process.
     */
    public Process process()
    {
        return process;
    }

    /**
     * @return what jrun has written to standard output so far.
     */
    public String stdoutSoFar()
    {
        return stdout.text();
    }

    /**
     * @return what jrun has written to standard error so far.
     */
    public String stderrSoFar()
    {
        return stderr.text();
    }

    /**
     * Wait until the standard output written so far satisfies a condition, e.g. every rank has said it runs.
     *
     * @param condition tested on all standard output so far.
     * @param timeout   how long to wait before failing.
     * @throws AssertionError with the output if the condition does not hold in time or jrun exits first.
     */
    public void awaitStdout(final Predicate<String> condition, final Duration timeout)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.test(stdoutSoFar()))
        {
            if (!process.isAlive())
            {
                stdout.join();
                if (condition.test(stdoutSoFar()))
                {
                    return;
                }
                throw new AssertionError("jrun exited before the expected output:\n" + snapshot());
            }
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("expected output did not come within " + timeout + ":\n" + snapshot());
            }
            sleep(POLL_MS);
        }
    }

    /**
     * Send SIGTERM to jrun, as {@code kill PID} does.
     */
    public void terminate()
    {
        // through the handle: Process.destroy() would also close the pipes and lose jrun's last output
        process.toHandle().destroy();
    }

    /**
     * Wait for jrun to exit and collect all its output.
     *
     * @param timeout how long jrun may run; then it is killed and the test fails.
     * @return exit code and output.
     * @throws AssertionError with the output so far if jrun did not exit in time.
     */
    public JobResult await(final Duration timeout)
    {
        if (!waitFor(process, timeout))
        {
            kill();
            throw new AssertionError("jrun did not exit within " + timeout + ", killed it:\n" + snapshot());
        }

        stdout.join();
        stderr.join();
        return new JobResult(process.exitValue(), stdout.text(), stderr.text());
    }

    /**
     * Kill jrun and everything it started if it still runs.
     */
    @Override
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
        stdout.join();
        stderr.join();
    }

    /**
     * SIGTERM first, so that jrun ends its ranks and removes its directory; SIGKILL for all if it hangs.
     */
    private void kill()
    {
        final List<ProcessHandle> descendants = process.descendants().toList();
        terminate();
        if (!waitFor(process, TERMINATE_GRACE))
        {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.toHandle().destroyForcibly();
            waitFor(process, TERMINATE_GRACE);
        }
    }

    private String snapshot()
    {
        return "--- stdout ---\n" + stdoutSoFar() + "--- stderr ---\n" + stderrSoFar() + "---";
    }

    private static boolean waitFor(final Process process, final Duration timeout)
    {
        try
        {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for jrun", ex);
        }
    }

    private static void giveInput(final Process process, final byte[] input)
    {
        try (OutputStream in = process.getOutputStream())
        {
            in.write(input);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for jrun", ex);
        }
    }

    /**
     * Drains one stream of jrun on its own thread, so that jrun never blocks on a full pipe.
     */
    private static final class Collector
    {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Collector(final InputStream in, final String name)
        {
            thread = new Thread(() -> drain(in), "jrun-" + name + "-collector");
            thread.setDaemon(true);
            thread.start();
        }

        private void drain(final InputStream in)
        {
            final byte[] buffer = new byte[8192];
            try (in)
            {
                int read;
                while (-1 != (read = in.read(buffer)))
                {
                    synchronized (bytes)
                    {
                        bytes.write(buffer, 0, read);
                    }
                }
            }
            catch (final IOException ex)
            {
                // the stream closed under us: keep what was read
            }
        }

        String text()
        {
            synchronized (bytes)
            {
                return bytes.toString(Charset.defaultCharset());
            }
        }

        void join()
        {
            try
            {
                // a process that jrun left behind could hold the pipe open: do not hang the test on it
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading jrun's output", ex);
            }
        }
    }
}
