package io.jmpi.launcher;

import io.aeron.driver.MediaDriver;
import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.JobSecret;
import io.jmpi.transport.RankStates;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One job on this host: the media driver, the rank processes and their end.
 * <p>
 * {@link #close()} may run on a shutdown hook while {@link #run()} is in progress: rank starts and the close are
 * serialised on this object, so no rank starts after the close has ended the others. The driver has a lock of its
 * own, which the close takes only to close it: telling it of a dead rank never waits for the ranks to end.
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
    /** Drawn anew for each job and given to the ranks in their environment only. */
    private final String secret = JobSecret.generate();
    private final String aeronDir;
    private final JrunOptions options;
    private final RankSettings settings;
    private final List<String> command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<RankProcess> ranks = new ArrayList<>();
    private final ExitMonitor monitor;
    private final Object driverLock = new Object();
    private MediaDriver driver;
    private RankStates rankStates;
    /** Whether a rank that has exited had begun to join: its word on the page no longer says so. */
    private volatile boolean exitedAfterJoining;
    private boolean closed;

    /**
     * @param jobId   unique id of the job, which names its Aeron directory.
     * @param options number of ranks, output prefix and timeout.
     * @param settings how each rank is started beyond its command.
     * @param command command line of every rank.
     * @param out     where the ranks' standard output goes.
     * @param err     where the ranks' standard error and jrun's messages go.
     */
    Job(final String jobId, final JrunOptions options, final RankSettings settings, final List<String> command,
        final PrintStream out, final PrintStream err)
    {
        this.jobId = jobId;
        this.settings = settings;
        this.aeronDir = EmbeddedDriver.aeronDirFor(jobId);
        this.options = options;
        this.command = command;
        this.out = out;
        this.err = err;
        this.monitor = new ExitMonitor(options.ranks(), options, err, this::someRankJoining);
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

        return monitor.await(this::reportBlockedCalls);
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
                synchronized (driverLock)
                {
                    if (null != driver)
                    {
                        rankStates.close();
                        driver.close();
                        driver = null;
                    }
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
            synchronized (driverLock)
            {
                driver = EmbeddedDriver.launch(aeronDir);
                rankStates = RankStates.create(new File(aeronDir), options.ranks());
            }
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

    /**
     * Ranks start one after another, which costs jrun about 1.5 ms of CPU each. Starting them from several threads
     * at once made a 64-rank job on 2 cores slower (14.5 s instead of 11-12.6 s): the ranks then reach connect
     * together and poll for one another while the driver, starved of CPU as they are, registers their
     * publications; one after another, the early ranks are through their own start-up before the last begin.
     */
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
                        rank, processBuilder(rank), options.prefixOutput(), out, err, settings.outputOf(rank), false);
                    ranks.add(process);
                    process.onExit().thenRun(() -> rankExited(process));
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

    /**
     * The rank has failed unless it left normally, which the job page tells its peers at once; its client, if it
     * left one, is dead: the driver need not wait for its heartbeat, nor its peers for the driver. Then the monitor
     * judges the exit, by the rank's word on the page before it was marked.
     */
    private void rankExited(final RankProcess process)
    {
        int state = RankStates.UNKNOWN;
        synchronized (driverLock)
        {
            if (null != driver)
            {
                state = rankStates.state(process.rank());
                rankStates.markEnded(process.rank());
                DeadClients.declareDead(driver, process.rank());
            }
        }
        if (RankStates.hasBegunToJoin(state))
        {
            exitedAfterJoining = true;
        }
        final int stateAtExit = state;
        monitor.exited(() -> failureOf(process, stateAtExit));
    }

    /**
     * @return true once a rank has begun to join the job: the job is a jmpi job.
     */
    private boolean someRankJoining()
    {
        if (exitedAfterJoining)
        {
            return true;
        }
        synchronized (driverLock)
        {
            for (int rank = 0; null != driver && rank < options.ranks(); rank++)
            {
                if (RankStates.hasBegunToJoin(rankStates.state(rank)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private ProcessBuilder processBuilder(final int rank)
    {
        final ProcessBuilder builder = settings.builder(command, rank, rank, err, "")
            .redirectInput(0 == rank ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);

        final Map<String, String> env = builder.environment();
        env.put(JobEnvironment.RANK, Integer.toString(rank));
        env.put(JobEnvironment.SIZE, Integer.toString(options.ranks()));
        env.put(JobEnvironment.JOB_ID, jobId);
        env.put(JobEnvironment.SECRET, secret);
        env.put(JobEnvironment.AERON_DIR, aeronDir);
        // jrun starts every rank on this host
        env.put(JobEnvironment.LOCAL_SIZE, Integer.toString(options.ranks()));
        env.put(JobEnvironment.DRIVER_PID, Long.toString(ProcessHandle.current().pid()));
        return builder;
    }

    /**
     * @param stateAtExit the rank's word on the job page when its process ended.
     * @return how the rank failed; {@code null} if it exited with 0 after closing jmpi.
     */
    private Failure failureOf(final RankProcess rank, final int stateAtExit) throws InterruptedException
    {
        final int exitValue = rank.exitValue();
        final boolean unclosed = Files.exists(JobEnvironment.openMarker(aeronDir, rank.rank()));
        if (0 != exitValue)
        {
            // the rank's last words, such as a stack trace, come before jrun's verdict, which quotes them
            rank.awaitOutput(OUTPUT_WAIT_NS);
        }
        return Failure.of(rank.rank(), exitValue, unclosed, RankStates.hasJoined(stateAtExit),
            0 == exitValue ? null : rank.errors().failureHint(), "");
    }

    private void reportBlockedCalls() throws InterruptedException
    {
        final String failure = BlockedCallReport.ask(
            ranks, rank -> err.println("jrun: " + StoppedProcesses.silence(rank, "")));
        if (null != failure)
        {
            err.println("jrun: cannot ask the ranks what they are blocked in: " + failure);
        }
    }

    private synchronized void endRanks()
    {
        monitor.end();
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
