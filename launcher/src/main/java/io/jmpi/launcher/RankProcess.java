package io.jmpi.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One rank's JVM and the two threads that forward its standard output and standard error.
 */
final class RankProcess
{
    private final int rank;
    private final Process process;
    private final Thread stdoutForwarder;
    private final Thread stderrForwarder;
    private final ErrorWatch errors;

    private RankProcess(
        final int rank, final Process process, final Thread stdoutForwarder, final Thread stderrForwarder,
        final ErrorWatch errors)
    {
        this.rank = rank;
        this.process = process;
        this.stdoutForwarder = stdoutForwarder;
        this.stderrForwarder = stderrForwarder;
        this.errors = errors;
    }

    /**
     * Start a rank and forward its output.
     *
     * @param rank         the rank number, for the prefix and thread names.
     * @param builder      command, environment and input of the rank.
     * @param prefixOutput whether to start each forwarded line with {@code [rank] }.
     * @param out          where the rank's standard output goes.
     * @param err          where the rank's standard error goes.
     * @param files        a directory that keeps copies of the rank's output in files {@code stdout} and
     *                     {@code stderr}, or {@code null}.
     * @param input        whether the launcher writes the rank's standard input ({@link #input()}); else the
     *                     rank sees its end at once, or reads what the builder redirects to it.
     * @return the running rank.
     * @throws IOException if the process cannot be started.
     */
    static RankProcess start(
        final int rank, final ProcessBuilder builder, final boolean prefixOutput, final PrintStream out,
        final PrintStream err, final Path files, final boolean input) throws IOException
    {
        final Process process = builder.start();
        if (!input)
        {
            process.getOutputStream().close();
        }

        final byte[] prefix = prefixOutput ? ("[" + rank + "] ").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        final ErrorWatch errors = new ErrorWatch();
        return new RankProcess(
            rank,
            process,
            forward(rank, "stdout", new OutputForwarder(process.getInputStream(), prefix, out, null,
                copy(files, "stdout"))),
            forward(rank, "stderr", new OutputForwarder(process.getErrorStream(), prefix, err, errors,
                copy(files, "stderr"))),
            errors);
    }

    private static OutputStream copy(final Path files, final String name) throws IOException
    {
        return null == files ? null : new FileOutputStream(files.resolve(name).toFile());
    }

    private static Thread forward(final int rank, final String name, final OutputForwarder forwarder)
    {
        final Thread thread = new Thread(forwarder, "jrun-rank-" + rank + "-" + name);
        // a rank's child process may hold the pipe open after the rank is gone: that must not keep jrun alive
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * @return the rank's standard input, for a rank started to be given its input.
     */
    OutputStream input()
    {
        return process.getOutputStream();
    }

    /**
     * @return the rank number.
     */
    int rank()
    {
        return rank;
    }

    /**
     * @return completes when the process has exited.
     */
    CompletableFuture<Process> onExit()
    {
        return process.onExit();
    }

    /**
     * @return {@code true} while the process runs.
     */
    boolean isAlive()
    {
        return process.isAlive();
    }

    /**
     * @return the exit value of the exited process.
     */
    int exitValue()
    {
        return process.exitValue();
    }

    /**
     * Ask the rank and its child processes to end (SIGTERM): the JVM runs its shutdown hooks.
     */
    void terminate()
    {
        // signal through the handle: Process.destroy() would also close the pipes and lose the rank's last output
        process.descendants().forEach(ProcessHandle::destroy);
        process.toHandle().destroy();
    }

    /**
     * End the rank and its child processes now (SIGKILL).
     */
    void kill()
    {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
    }

    /**
     * @param timeoutNs how long to wait at most.
     * @return {@code true} if the process has exited.
     * @throws InterruptedException if interrupted while waiting.
     */
    boolean awaitExit(final long timeoutNs) throws InterruptedException
    {
        return process.waitFor(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
    }

    /**
     * Wait until all output of the rank has been forwarded.
     *
     * @param timeoutNs how long to wait at most.
     * @throws InterruptedException if interrupted while waiting.
     */
    void awaitOutput(final long timeoutNs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        TimeUnit.NANOSECONDS.timedJoin(stdoutForwarder, Math.max(0, deadlineNs - System.nanoTime()));
        TimeUnit.NANOSECONDS.timedJoin(stderrForwarder, Math.max(0, deadlineNs - System.nanoTime()));
    }

    /**
     * @return the rank's standard error as watched so far.
     */
    ErrorWatch errors()
    {
        return errors;
    }

    /**
     * @return the process id, for messages.
     */
    long pid()
    {
        return process.pid();
    }
}
