package io.jmpi.transport;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.exceptions.ClientTimeoutException;
import io.aeron.exceptions.ConductorServiceTimeoutException;
import io.aeron.exceptions.DriverTimeoutException;
import io.aeron.protocol.DataHeaderFlyweight;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Aeron resources of one rank: a client of this host's media driver, the rank's inbox subscriptions, and a
 * publication onto each peer's inbox (index = world rank, including this rank's own inbox for sends to self).
 * Peers on this host are reached through the shared IPC inbox, by a publication added at the first frame to the
 * peer, so that a rank holds publications to the peers it talks to, not to the whole job; whether they live is
 * read from the host's {@link RankStates} page. In a job across hosts, peers elsewhere publish to this rank's UDP
 * inbox, each as its own image, so their frames keep their order too; those publications are added at connect,
 * which waits until they are connected: a start-up barrier across hosts, and what tells a rank that a remote
 * peer has gone.
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
    private final RankStates rankStates;
    private final DataRings rings;
    private final SharedRegions sharedRegions;

    private AeronTransport(
        final JobEnvironment environment,
        final MediaDriver ownDriver,
        final Aeron aeron,
        final Subscription[] inboxes,
        final Publication[] peers,
        final RankStates rankStates)
    {
        this.rankStates = rankStates;
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
            RankStates.create(new File(dir), 1).close();
        }

        checkDirectory(environment.aeronDir());
        Aeron aeron = null;
        RankStates rankStates = null;
        try
        {
            rankStates = RankStates.map(new File(environment.aeronDir()), environment.size());
            final int rank = environment.rank();
            rankStates.state(rank, RankStates.JOINING);
            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(environment.aeronDir())
                .clientName(JobEnvironment.clientName(rank))
                .driverTimeoutMs(TimeUnit.NANOSECONDS.toMillis(EmbeddedDriver.CLIENT_LIVENESS_TIMEOUT_NS))
                .threadFactory(EmbeddedDriver.DAEMON_THREADS)
                .errorHandler(ex -> onClientError(rank, ex)));

            final int size = environment.size();
            final int inboxStream = Channels.inboxStreamId(rank);
            final String aeronDir = environment.aeronDir();
            final Subscription[] inboxes = environment.isMultiHost() ?
                new Subscription[]{
                    aeron.addSubscription(Channels.IPC_CHANNEL, inboxStream),
                    aeron.addSubscription(Channels.udpChannel(environment.endpoint(rank)), inboxStream,
                        image -> JobFiles.restrictLog(aeronDir, false, image.correlationId()), image -> { }) } :
                new Subscription[]{ aeron.addSubscription(Channels.IPC_CHANNEL, inboxStream) };
            final Publication[] peers = new Publication[size];
            final long[] registrations = new long[size];
            for (int r = 0; r < size; r++)
            {
                registrations[r] = environment.isLocal(r) ? Aeron.NULL_VALUE :
                    aeron.asyncAddPublication(Channels.udpChannel(environment.endpoint(r)), Channels.inboxStreamId(r));
            }

            awaitPublications(aeron, registrations, peers, environment.localSize());
            rankStates.state(rank, RankStates.JOINED);
            return new AeronTransport(environment, ownDriver, aeron, inboxes, peers, rankStates);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(rankStates, aeron, ownDriver);
            throw ex;
        }
    }

    /**
     * A job's directory admits its owner only: a process of another user, or one that came after the job, fails
     * here at once with the reason, where Aeron would wait for a driver it cannot see.
     */
    private static void checkDirectory(final String aeronDir)
    {
        final Path directory = Path.of(aeronDir);
        if (!Files.isDirectory(directory))
        {
            throw new IllegalStateException("the job's directory " + directory + " does not exist: has the job ended?");
        }
        if (!Files.isReadable(directory) || !Files.isWritable(directory) || !Files.isExecutable(directory))
        {
            String owner;
            try
            {
                owner = "user " + Files.getOwner(directory).getName();
            }
            catch (final IOException ex)
            {
                owner = "another user";
            }
            throw new IllegalStateException("the job's directory " + directory + " belongs to " + owner +
                " and admits its owner only; this process runs as " + System.getProperty("user.name"));
        }
    }

    /**
     * Without its driver a rank can neither send nor receive again: when the driver has not answered or heartbeated
     * for the whole liveness timeout (jrun, which hosts it, stopped; its death is noticed sooner by
     * {@link DriverHostWatch}), or the driver has declared this client dead, the rank ends itself instead of hanging.
     * So it does when its own client ended itself because this process was stopped for longer than that timeout.
     */
    private static void onClientError(final int rank, final Throwable error)
    {
        if (error instanceof ConductorServiceTimeoutException)
        {
            exit("jmpi: rank " + rank + " was paused for longer than its media driver waits for a client (" +
                TimeUnit.NANOSECONDS.toSeconds(EmbeddedDriver.CLIENT_LIVENESS_TIMEOUT_NS) + " s), exiting: " +
                error.getMessage());
        }
        if (error instanceof DriverTimeoutException || error instanceof ClientTimeoutException)
        {
            exit("jmpi: rank " + rank + " lost its media driver (jrun gone?), exiting: " + error.getMessage());
        }
        System.err.println("jmpi: rank " + rank + ": " + error);
    }

    private static void exit(final String message)
    {
        System.err.println(message);
        System.err.flush();
        Runtime.getRuntime().halt(LOST_DRIVER_EXIT_CODE);
    }

    private static void awaitPublications(
        final Aeron aeron, final long[] registrations, final Publication[] peers, final int localRanks)
    {
        final IdleStrategy idle = IdleStrategies.forRanks(localRanks);
        final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
        int remote = 0;
        for (final long registration : registrations)
        {
            remote += Aeron.NULL_VALUE == registration ? 0 : 1;
        }
        int connected = 0;
        while (connected < remote)
        {
            connected = 0;
            for (int r = 0; r < peers.length; r++)
            {
                if (Aeron.NULL_VALUE == registrations[r])
                {
                    continue;
                }
                if (null == peers[r] && null != (peers[r] = aeron.getPublication(registrations[r])))
                {
                    JobFiles.restrictLog(
                        aeron.context().aeronDirectoryName(), true, peers[r].originalRegistrationId());
                }
                if (null != peers[r] && peers[r].isConnected())
                {
                    connected++;
                }
            }

            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException(
                    "only " + connected + " of the " + remote + " ranks on other hosts joined the job within " +
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
     * The publication onto a rank's inbox: for a rank of this host, added at the first call (which waits for the
     * driver's answer, once per peer); for a rank elsewhere, the one added at connect. Called by the progress
     * engine's owner thread only.
     *
     * @param rank a world rank, maybe this rank's own.
     * @return the publication, owned by the transport.
     */
    public Publication publication(final int rank)
    {
        Publication publication = peers[rank];
        if (null == publication)
        {
            publication = aeron.addPublication(Channels.IPC_CHANNEL, Channels.inboxStreamId(rank));
            JobFiles.restrictLog(environment.aeronDir(), true, publication.originalRegistrationId());
            peers[rank] = publication;
        }
        return publication;
    }

    /**
     * @param rank a world rank.
     * @return the largest payload one frame to that rank carries, Aeron's header aside.
     */
    public int maxPayloadLength(final int rank)
    {
        return (environment.isLocal(rank) ? Channels.IPC_MTU : Channels.UDP_MTU) - DataHeaderFlyweight.HEADER_LENGTH;
    }

    /**
     * @return the job page of this host: whether each rank has joined, left or failed.
     */
    public RankStates rankStates()
    {
        return rankStates;
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
        CloseHelper.closeAll(rings, sharedRegions, rankStates, aeron, ownDriver);
    }
}
