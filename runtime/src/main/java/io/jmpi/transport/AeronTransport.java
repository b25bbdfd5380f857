package io.jmpi.transport;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.exceptions.ClientTimeoutException;
import io.aeron.exceptions.DriverTimeoutException;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Aeron resources of one rank: a client of this host's media driver, the rank's inbox subscriptions, and one
 * publication onto every peer's inbox (index = world rank, including this rank's own inbox for sends to self).
 * Peers on this host are reached through the shared IPC inbox; in a job across hosts, peers elsewhere publish
 * to this rank's UDP inbox, each as its own image, so their frames keep their order too.
 * <p>
 * Connecting waits until every publication is connected, which happens once each peer has subscribed to its
 * inbox; so a connected transport is also a start-up barrier of the job.
 */
public final class AeronTransport implements AutoCloseable
{
    /** Exit code of a rank that lost its media driver. */
    public static final int LOST_DRIVER_EXIT_CODE = 70;
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final JobEnvironment environment;
    private final MediaDriver ownDriver;
    private final Aeron aeron;
    private final Subscription[] inboxes;
    private final Publication[] peers;
    private final DataRings rings;
    private final SharedRegions sharedRegions;

    private AeronTransport(
        final JobEnvironment environment,
        final MediaDriver ownDriver,
        final Aeron aeron,
        final Subscription[] inboxes,
        final Publication[] peers)
    {
        this.environment = environment;
        this.ownDriver = ownDriver;
        this.aeron = aeron;
        this.inboxes = inboxes;
        this.peers = peers;
        final boolean[] sameHost = new boolean[environment.size()];
        for (int r = 0; r < sameHost.length; r++)
        {
            sameHost[r] = environment.isLocal(r);
        }
        this.rings = new DataRings(new File(environment.aeronDir()), environment.rank(), sameHost);
        this.sharedRegions = new SharedRegions(new File(environment.aeronDir()), environment.rank());
    }

    /**
     * Connect this process to its job: the job jrun described in the environment, or a singleton job with a
     * driver of its own when the process was not started by jrun.
     *
     * @return a connected transport.
     * @throws IllegalStateException if the peers do not all subscribe within the connect timeout.
     */
    public static AeronTransport connect()
    {
        JobEnvironment environment = JobEnvironment.current();
        MediaDriver ownDriver = null;
        if (null == environment)
        {
            final String jobId = "s" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
            final String dir = EmbeddedDriver.aeronDirFor(jobId);
            ownDriver = EmbeddedDriver.launch(dir);
            environment = JobEnvironment.singleton(jobId, dir);
        }

        Aeron aeron = null;
        try
        {
            final int rank = environment.rank();
            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(environment.aeronDir())
                .clientName(JobEnvironment.clientName(rank))
                .driverTimeoutMs(TimeUnit.NANOSECONDS.toMillis(EmbeddedDriver.CLIENT_LIVENESS_TIMEOUT_NS))
                .threadFactory(EmbeddedDriver.DAEMON_THREADS)
                .errorHandler(ex -> onClientError(rank, ex)));

            final int size = environment.size();
            final int inboxStream = Channels.inboxStreamId(rank);
            final Subscription[] inboxes = environment.isMultiHost() ?
                new Subscription[]{
                    aeron.addSubscription(Channels.IPC_CHANNEL, inboxStream),
                    aeron.addSubscription(Channels.udpChannel(environment.endpoint(rank)), inboxStream) } :
                new Subscription[]{ aeron.addSubscription(Channels.IPC_CHANNEL, inboxStream) };
            final Publication[] peers = new Publication[size];
            final long[] registrations = new long[size];
            for (int r = 0; r < size; r++)
            {
                final String channel = environment.isLocal(r) ?
                    Channels.IPC_CHANNEL : Channels.udpChannel(environment.endpoint(r));
                registrations[r] = aeron.asyncAddPublication(channel, Channels.inboxStreamId(r));
            }

            awaitPublications(aeron, registrations, peers, environment.localSize());
            return new AeronTransport(environment, ownDriver, aeron, inboxes, peers);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(aeron, ownDriver);
            throw ex;
        }
    }

    /**
     * Without its driver a rank can neither send nor receive again: when the driver has not answered or heartbeated
     * for the whole liveness timeout (jrun, which hosts it, stopped; its death is noticed sooner by
     * {@link DriverHostWatch}), or the driver has declared this client dead, the rank ends itself instead of hanging.
     */
    private static void onClientError(final int rank, final Throwable error)
    {
        if (error instanceof DriverTimeoutException || error instanceof ClientTimeoutException)
        {
            System.err.println("jmpi: rank " + rank + " lost its media driver (jrun gone?), exiting: " + error.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(LOST_DRIVER_EXIT_CODE);
        }
        System.err.println("jmpi: rank " + rank + ": " + error);
    }

    private static void awaitPublications(
        final Aeron aeron, final long[] registrations, final Publication[] peers, final int localRanks)
    {
        final IdleStrategy idle = IdleStrategies.forRanks(localRanks);
        final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
        int connected = 0;
        while (connected < peers.length)
        {
            connected = 0;
            for (int r = 0; r < peers.length; r++)
            {
                if (null == peers[r])
                {
                    peers[r] = aeron.getPublication(registrations[r]);
                }
                if (null != peers[r] && peers[r].isConnected())
                {
                    connected++;
                }
            }

            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException(
                    "only " + connected + " of " + peers.length + " ranks joined the job within " +
                    TimeUnit.NANOSECONDS.toSeconds(CONNECT_TIMEOUT_NS) + " s");
            }
            idle.idle(0);
        }
    }

    /**
     * @return the job this rank belongs to.
     */
    public JobEnvironment environment()
    {
        return environment;
    }

    /**
     * @return the subscriptions on which peers send to this rank: the IPC inbox, and in a job across hosts also
     * the UDP inbox.
     */
    public Subscription[] inboxes()
    {
        return inboxes;
    }

    /**
     * @return the publications onto every rank's inbox, indexed by world rank; owned by the transport.
     */
    public Publication[] peers()
    {
        return peers;
    }

    /**
     * @return the data rings to and from the peers on this host; owned by the transport.
     */
    public DataRings rings()
    {
        return rings;
    }

    /**
     * @return this rank's allocations in shared memory; owned by the transport.
     */
    public SharedRegions sharedRegions()
    {
        return sharedRegions;
    }

    /**
     * @return the Aeron client, for higher layers that add streams of their own (collectives).
     */
    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * Close the client, and the driver if this singleton process hosts its own (which removes its directory).
     */
    public void close()
    {
        CloseHelper.closeAll(rings, sharedRegions, aeron, ownDriver);
    }
}
