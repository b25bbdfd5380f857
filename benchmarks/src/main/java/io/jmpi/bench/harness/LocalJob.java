package io.jmpi.bench.harness;

import io.aeron.driver.MediaDriver;
import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.RankStates;
import io.jmpi.transport.JobEnvironment;
import io.jmpi.transport.JobSecret;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job on this host in which the calling JVM (a JMH fork) is rank 0, set up as jrun would set it up:
 * an embedded media driver in this JVM for a fresh job directory, and one JVM per other rank running a peer
 * program with the job's environment variables, this JVM's class path and {@link JvmFlags#forPeer()}.
 * <p>
 * Starting the job also sets the job's variables as system properties of this JVM for rank 0, so that
 * {@code Mpi.init} (or a raw Aeron client given {@link #aeronDir()}) joins it. Closing waits for the peers to exit,
 * ends any that do not, closes the driver (which removes the job directory) and clears the properties. A
 * shutdown hook does the same if the JVM exits before {@link #close()}, so that a failed benchmark leaves no
 * process and no directory behind.
 */
public final class LocalJob implements AutoCloseable
{
    private static final AtomicInteger JOB_COUNTER = new AtomicInteger();
    private static final long PEER_EXIT_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(20);
    private static final String[] VARIABLES =
    {
        JobEnvironment.RANK, JobEnvironment.SIZE, JobEnvironment.JOB_ID, JobEnvironment.SECRET,
        JobEnvironment.AERON_DIR, JobEnvironment.LOCAL_SIZE, JobEnvironment.DRIVER_PID
    };

    private final String aeronDir;
    private final MediaDriver driver;
    private final List<Process> peers;
    private final Thread cleanupOnExit;
    private boolean closed;
    private boolean destroyed;

    private LocalJob(final String aeronDir, final MediaDriver driver, final List<Process> peers)
    {
        this.aeronDir = aeronDir;
        this.driver = driver;
        this.peers = peers;
        this.cleanupOnExit = new Thread(this::destroy, "jmpi-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Start a job of {@code size} ranks: the driver, then ranks 1 to size - 1 running {@code peerMain}.
     *
     * @param size     number of ranks, this JVM included: at least 2.
     * @param peerMain the main class every other rank runs.
     * @param peerArgs the arguments of the peers' main method.
     * @return the started job; this JVM is rank 0 of it.
     * @throws IllegalArgumentException if size is less than 2.
     */
    public static LocalJob start(final int size, final Class<?> peerMain, final String... peerArgs)
    {
        if (size < 2)
        {
            throw new IllegalArgumentException("a job with peers has at least 2 ranks, not " + size);
        }
        return launch(size, peerMain, peerArgs);
    }

    /**
     * Start a job of one rank, this JVM: the driver alone.
     *
     * @return the started job; this JVM is its only rank.
     */
    public static LocalJob alone()
    {
        return launch(1, null);
    }

    private static LocalJob launch(final int size, final Class<?> peerMain, final String... peerArgs)
    {
        final String jobId = "bench-" + ProcessHandle.current().pid() + "-" + JOB_COUNTER.incrementAndGet();
        final String aeronDir = EmbeddedDriver.aeronDirFor(jobId);
        final String secret = JobSecret.generate();
        final MediaDriver driver = EmbeddedDriver.launch(aeronDir);
        // the job page, as jrun makes it; this harness ends the job itself when a peer fails
        RankStates.create(new File(aeronDir), size).close();
        final List<Process> peers = new ArrayList<>(size - 1);
        final LocalJob job = new LocalJob(aeronDir, driver, peers);
        try
        {
            for (int rank = 1; rank < size; rank++)
            {
                peers.add(spawn(peerMain, peerArgs, variables(rank, size, jobId, secret, aeronDir)));
            }
        }
        catch (final RuntimeException ex)
        {
            job.destroy();
            throw ex;
        }

        final Map<String, String> own = variables(0, size, jobId, secret, aeronDir);
        for (final String name : VARIABLES)
        {
            System.setProperty(name, own.get(name));
        }
        return job;
    }

    /**
     * @return the Aeron directory of the job's driver.
     */
    public String aeronDir()
    {
        return aeronDir;
    }

    /**
     * Wait for every peer to exit (they must have been told to stop), end those that have not within 20 s, then
     * close the driver.
     *
     * @throws IllegalStateException if a peer failed or had to be ended.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final StringBuilder failures = new StringBuilder();
        try
        {
            for (int i = 0; i < peers.size(); i++)
            {
                final Process peer = peers.get(i);
                if (!peer.waitFor(PEER_EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                {
                    failures.append(" rank ").append(i + 1).append(" did not exit and was ended;");
                }
                else if (0 != peer.exitValue())
                {
                    failures.append(" rank ").append(i + 1).append(" exited with ").append(peer.exitValue()).append(';');
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            destroy();
            removeCleanupHook();
        }

        if (failures.length() > 0)
        {
            throw new IllegalStateException("peer ranks of job " + aeronDir + " failed:" + failures);
        }
    }

    private void removeCleanupHook()
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is shutting down: the hook is running or has run, and destroy() is idempotent
        }
    }

    private synchronized void destroy()
    {
        if (destroyed)
        {
            return;
        }
        destroyed = true;
        for (final Process peer : peers)
        {
            peer.destroyForcibly();
        }
        for (final Process peer : peers)
        {
            peer.onExit().join();
        }
        driver.close();
        for (final String name : VARIABLES)
        {
            System.clearProperty(name);
        }
    }

    private static Map<String, String> variables(
        final int rank, final int size, final String jobId, final String secret, final String aeronDir)
    {
        return Map.of(
            JobEnvironment.RANK, Integer.toString(rank),
            JobEnvironment.SIZE, Integer.toString(size),
            JobEnvironment.JOB_ID, jobId,
            JobEnvironment.SECRET, secret,
            JobEnvironment.AERON_DIR, aeronDir,
            JobEnvironment.LOCAL_SIZE, Integer.toString(size),
            JobEnvironment.DRIVER_PID, Long.toString(ProcessHandle.current().pid()));
    }

    private static Process spawn(final Class<?> main, final String[] args, final Map<String, String> variables)
    {
        final List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(JvmFlags.forPeer());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(variables);
        try
        {
            return builder.start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start peer " + main.getName(), ex);
        }
    }
}
