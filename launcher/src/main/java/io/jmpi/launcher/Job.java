package io.jmpi.launcher;

import io.aeron.driver.MediaDriver;
import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One job on this host: the media driver, the rank processes and their end.
 * <p>
 * {@link #close()} may run on a shutdown hook while {@link #run()} is in progress: rank starts and the close are
 * serialised on this object, so no rank starts after the close has ended the others.
 */
final class Job implements AutoCloseable
{
    /** Exit code of jrun when the job runs longer than its timeout, as timeout(1) uses. */
    static final int TIMEOUT_EXIT_CODE = 124;
    /** Exit code of jrun when it cannot start the media driver or a rank. */
    static final int LAUNCH_FAILURE_EXIT_CODE = 1;

    private static final long TERMINATE_GRACE_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long KILL_WAIT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long OUTPUT_WAIT_NS = TimeUnit.SECONDS.toNanos(2);

    private final String jobId;
    private final String aeronDir;
    private final JrunOptions options;
    private final List<String> command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<RankProcess> ranks = new ArrayList<>();
    private final BlockingQueue<RankProcess> exited = new LinkedBlockingQueue<>();
    private MediaDriver driver;
    private boolean closed;
    /** Set once jrun ends the ranks: their exits are then expected, not failures. */
    private volatile boolean ending;

    /**
     * @param jobId   unique id of the job, which names its Aeron directory.
     * @param options number of ranks, output prefix and timeout.
     * @param command command line of every rank.
     * @param out     where the ranks' standard output goes.
     * @param err     where the ranks' standard error and jrun's messages go.
     */
    Job(final String jobId, final JrunOptions options, final List<String> command, final PrintStream out,
        final PrintStream err)
    {
        this.jobId = jobId;
        this.aeronDir = EmbeddedDriver.aeronDirFor(jobId);
        this.options = options;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /**
     * Start the driver and the ranks, and wait until every rank has exited, the first failure or the timeout.
     *
     * @return the exit code for jrun.
     * @throws InterruptedException if interrupted while waiting.
     */
    int run() throws InterruptedException
    {
        if (!startDriver() || !startRanks())
        {
            return LAUNCH_FAILURE_EXIT_CODE;
        }

        return awaitRanks();
    }

    /**
     * End every rank still running (SIGTERM, then SIGKILL after a grace period), forward their last output and
     * close the driver, which deletes the Aeron directory. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            try
            {
                endRanks();
                awaitOutput();
            }
            finally
            {
                if (null != driver)
                {
                    driver.close();
                }
            }
        }
    }

    private synchronized boolean startDriver()
    {
        if (closed)
        {
            return false;
        }

        try
        {
            driver = EmbeddedDriver.launch(aeronDir);
            return true;
        }
        catch (final RuntimeException ex)
        {
            err.println("jrun: cannot start the media driver in " + aeronDir + ": " + ex);
            return false;
        }
        catch (final LinkageError ex)
        {
            // Agrona fails to link when the JVM lacks the opens and exports that bin/jrun passes
            err.println("jrun: cannot start the media driver: " + ex + "; start jrun with bin/jrun");
            return false;
        }
    }

    private boolean startRanks()
    {
        for (int rank = 0; rank < options.ranks(); rank++)
        {
            synchronized (this)
            {
                if (closed)
                {
                    return false;
                }

                try
                {
                    final RankProcess process = RankProcess.start(
                        rank, processBuilder(rank), options.prefixOutput(), out, err);
                    ranks.add(process);
                    process.onExit().thenRun(() -> exited.add(process));
                }
                catch (final IOException ex)
                {
                    err.println("jrun: cannot start rank " + rank + ": " + ex.getMessage());
                    return false;
                }
            }
        }
        return true;
    }

    private ProcessBuilder processBuilder(final int rank)
    {
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(0 == rank ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);

        final Map<String, String> env = builder.environment();
        env.put(JobEnvironment.RANK, Integer.toString(rank));
        env.put(JobEnvironment.SIZE, Integer.toString(options.ranks()));
        env.put(JobEnvironment.JOB_ID, jobId);
        env.put(JobEnvironment.AERON_DIR, aeronDir);
        // jrun starts every rank on this host
        env.put(JobEnvironment.LOCAL_SIZE, Integer.toString(options.ranks()));
        return builder;
    }

    private int awaitRanks() throws InterruptedException
    {
        final long timeoutNs = TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        final long deadlineNs = System.nanoTime() + timeoutNs;
        int exitCode = 0;
        int running = ranks.size();
        while (running > 0 && !ending)
        {
            final RankProcess rank = 0 == timeoutNs ?
                exited.take() : exited.poll(deadlineNs - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (null == rank)
            {
                err.println("jrun: the job ran longer than --timeout " + options.timeoutSeconds() + " s, ending it");
                exitCode = TIMEOUT_EXIT_CODE;
                ending = true;
            }
            else
            {
                running--;
                final int exitValue = rank.exitValue();
                if (0 != exitValue && !ending)
                {
                    // the rank's last words, such as a stack trace, come before jrun's verdict
                    rank.awaitOutput(OUTPUT_WAIT_NS);
                    err.println("jrun: " + ExitStatus.describe(rank.rank(), exitValue));
                    exitCode = ExitStatus.jrunExitCode(exitValue);
                    ending = true;
                }
            }
        }

        return exitCode;
    }

    private synchronized void endRanks()
    {
        ending = true;
        // skip exited ranks: their pid, and so the children found by it, may belong to other processes by now
        ranks.stream().filter(RankProcess::isAlive).forEach(RankProcess::terminate);
        if (!awaitExit(TERMINATE_GRACE_NS))
        {
            ranks.stream().filter(RankProcess::isAlive).forEach(RankProcess::kill);
            if (!awaitExit(KILL_WAIT_NS))
            {
                ranks.stream().filter(RankProcess::isAlive).forEach(
                    rank -> err.println("jrun: rank " + rank.rank() + " (pid " + rank.pid() + ") did not exit"));
            }
        }
    }

    private boolean awaitExit(final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        try
        {
            for (final RankProcess rank : ranks)
            {
                if (!rank.awaitExit(deadlineNs - System.nanoTime()))
                {
                    return false;
                }
            }
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitOutput()
    {
        final long deadlineNs = System.nanoTime() + OUTPUT_WAIT_NS;
        try
        {
            for (final RankProcess rank : ranks)
            {
                rank.awaitOutput(deadlineNs - System.nanoTime());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
