package io.jmpi.transport;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a rank whose media driver is gone because the process that hosted it, jrun or its host agent, has died
 * (killed with SIGKILL, or crashed): without its driver a rank can neither send nor receive again.
 * <p>
 * The Aeron client would notice too, but only after its driver timeout, which is long so that a driver that is
 * merely busy (jrun's, while dozens of rank JVMs boot on a few cores) never ends a job. Watching the host process
 * notices its death within {@link #CHECK_INTERVAL_MS} instead, so the ranks of a killed jrun do not outlive it by
 * more. A daemon thread polls, because {@link ProcessHandle#onExit()} of a process that is not a child of this
 * one polls too, ever more slowly (up to every 5 s); a handle tells a process id reused since by its start time.
 */
public final class DriverHostWatch
{
    /** How often the watch checks that the driver's host process is alive. */
    public static final long CHECK_INTERVAL_MS = 250;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DriverHostWatch()
    {
    }

    /**
     * Start watching the driver's host process of this rank, once per process; nothing when the environment names
     * none (a singleton hosts its own driver).
     *
     * @param environment the job of this rank, or {@code null} for a singleton.
     */
    public static void start(final JobEnvironment environment)
    {
        if (null == environment || 0 == environment.driverPid() || !STARTED.compareAndSet(false, true))
        {
            return;
        }

        final int rank = environment.rank();
        final long pid = environment.driverPid();
        final Optional<ProcessHandle> host = ProcessHandle.of(pid);
        if (host.isEmpty())
        {
            lost(rank, pid);
        }
        final Thread thread = new Thread(() -> watch(host.get(), rank), "jmpi-driver-host-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void watch(final ProcessHandle host, final int rank)
    {
        while (host.isAlive())
        {
            try
            {
                TimeUnit.MILLISECONDS.sleep(CHECK_INTERVAL_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
        lost(rank, host.pid());
    }

    private static void lost(final int rank, final long pid)
    {
        System.err.println("jmpi: rank " + rank + " lost its media driver (jrun gone?), exiting: process " + pid +
            ", which hosted it, has exited");
        System.err.flush();
        Runtime.getRuntime().halt(AeronTransport.LOST_DRIVER_EXIT_CODE);
    }
}
