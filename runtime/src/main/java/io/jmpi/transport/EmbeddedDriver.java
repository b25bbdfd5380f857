package io.jmpi.transport;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Starts the Aeron media driver that serves the ranks of one host: hosted by jrun, or by a singleton rank.
 * <p>
 * Closed publications linger 5 s so that a rank that leaves right after its last send still has its data (and
 * its BYE) delivered over UDP, where a receiver may be behind.
 * <p>
 * A rank is declared failed when its process is gone, never because it stopped heartbeating: the process that
 * hosts the driver (jrun or its host agent) is the rank's parent, sees its exit at once, marks it FAILED on the
 * job page ({@link RankStates}) and tells the driver that its client is dead; jrun relays the exits of ranks of
 * other hosts to every agent, and names a host that the others can no longer reach. So the liveness timeouts
 * below only have to tell a paused process (SIGSTOP, a long garbage collection, a starved CPU: dozens of ranks
 * booting on a few cores, the driver's own thread among them) from a stuck one, and are long:
 * <ul>
 *   <li>{@link #CLIENT_LIVENESS_TIMEOUT_NS}, how long the driver waits for a client's heartbeat and a client for
 *       the driver's: 2 min, twice the minute of pause a rank is promised; the Aeron client also ends itself when
 *       its own conductor did not run for that long, so it bounds the pause a rank survives. Beyond it a job is
 *       stuck, not paused, and {@code --timeout} is the way to bound it.</li>
 *   <li>Publication unblock: a log that a publisher stopped in the middle of writing (claimed, not committed) is
 *       unblocked after this; Aeron wants it beyond the client liveness, so that the writer is dead by then. A
 *       rank killed in the middle of a frame, a window of microseconds, so blocks that inbox for as long.</li>
 *   <li>{@link #NETWORK_LIVENESS_TIMEOUT_NS}, image liveness and publication connection: how long a UDP image
 *       lives without a frame from the sending host's driver, and a UDP publication counts as connected without
 *       a status message from the receiving host's. Only a host's agent and the network keep them alive, not its
 *       ranks; 30 s, beyond the 10 s after which the agents report a silent host (LinkWatch in the launcher), so
 *       that jrun names a lost host before its peers' ranks take it for departed.</li>
 * </ul>
 * Dead ranks are not waited for, and ranks watch the process that hosts their driver ({@link DriverHostWatch}).
 * <p>
 * IPC data never passes through the driver (ranks write and read the shared log buffers directly), so the driver
 * runs its agents on one shared thread that backs off to parking (at most 100 us, which bounds the latency it adds
 * to UDP traffic in jobs across hosts) when idle, leaving the cores to the ranks.
 */
public final class EmbeddedDriver
{
    /** Prefix of every jmpi Aeron directory under {@link #SHM_ROOT}; the suffix is the job id. */
    public static final String DIR_PREFIX = "jmpi-";
    /** Where job directories live: memory-backed so that log buffers are shared memory. */
    public static final String SHM_ROOT = "/dev/shm";
    /**
     * System property naming another directory for job directories than {@link #SHM_ROOT}: jrun, its agents and
     * its ranks all take it from jrun's JVM, so jobs of a test suite can keep to a directory of their own, where no
     * other jrun of the host removes what they leave for the test to see.
     */
    public static final String JOB_ROOT_PROPERTY = "jmpi.jobRoot";

    /**
     * Counter values: 1 MiB holds 8192 counters; IPC needs a few per rank (client heartbeat, inbox position and
     * limit), and the driver's 8 MiB default would map 40 MiB of counter metadata into every job's directory.
     */
    private static final int COUNTER_VALUES_LENGTH = 1024 * 1024;

    /** How long the driver waits for a client's heartbeat and a client for the driver's answers and heartbeat. */
    public static final long CLIENT_LIVENESS_TIMEOUT_NS = TimeUnit.MINUTES.toNanos(2);
    /** How long a UDP image or publication lives without a frame from the host at its other end. */
    private static final long NETWORK_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long PUBLICATION_UNBLOCK_TIMEOUT_NS = CLIENT_LIVENESS_TIMEOUT_NS + TimeUnit.SECONDS.toNanos(10);

    /**
     * Daemon threads for Aeron's agents: a rank whose main returns without closing jmpi must still exit (jrun then
     * reports it), not linger on a client or driver thread.
     */
    public static final ThreadFactory DAEMON_THREADS = runnable ->
    {
        final Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    };

    private EmbeddedDriver()
    {
    }

    /**
     * The Aeron directory of a job on this host.
     *
     * @param jobId the job's unique name.
     * @return the directory path: under {@link #JOB_ROOT_PROPERTY} when set, else /dev/shm when it exists, else
     * java.io.tmpdir.
     */
    public static String aeronDirFor(final String jobId)
    {
        final String chosen = System.getProperty(JOB_ROOT_PROPERTY);
        final String root = null != chosen ? chosen :
            new File(SHM_ROOT).isDirectory() ? SHM_ROOT : System.getProperty("java.io.tmpdir");
        return new File(root, DIR_PREFIX + jobId).getAbsolutePath();
    }

    /**
     * Launch a driver in this process for the given directory; the caller closes it, which deletes the directory.
     * The directory and the driver's files are {@link JobFiles owner-only} before this returns.
     *
     * @param aeronDir directory for the driver, created anew.
     * @return the running driver.
     */
    public static MediaDriver launch(final String aeronDir)
    {
        final MediaDriver.Context ctx = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedThreadFactory(DAEMON_THREADS)
            .conductorThreadFactory(DAEMON_THREADS)
            .senderThreadFactory(DAEMON_THREADS)
            .receiverThreadFactory(DAEMON_THREADS)
            .sharedNetworkThreadFactory(DAEMON_THREADS)
            .asyncExecutorThreadFactory(DAEMON_THREADS)
            .sharedIdleStrategy(new BackoffIdleStrategy(
                10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100)))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            .ipcTermBufferLength(Channels.IPC_TERM_LENGTH)
            .ipcMtuLength(Channels.IPC_MTU)
            .counterValuesBufferLength(COUNTER_VALUES_LENGTH)
            .clientLivenessTimeoutNs(CLIENT_LIVENESS_TIMEOUT_NS)
            .imageLivenessTimeoutNs(NETWORK_LIVENESS_TIMEOUT_NS)
            .publicationConnectionTimeoutNs(NETWORK_LIVENESS_TIMEOUT_NS)
            .publicationUnblockTimeoutNs(PUBLICATION_UNBLOCK_TIMEOUT_NS)
            .publicationLingerTimeoutNs(TimeUnit.SECONDS.toNanos(5));

        final MediaDriver driver = MediaDriver.launch(ctx);
        JobFiles.restrict(Path.of(aeronDir));
        return driver;
    }
}
