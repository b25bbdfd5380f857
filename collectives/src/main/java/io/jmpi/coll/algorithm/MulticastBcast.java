package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.multicast.BroadcastStream;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.IdleStrategies;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broadcast by multicast: the root writes the message once into the communicator's broadcast stream, which every
 * member reads, copying it straight from the stream into its buffer. One copy in at the root and one copy out at
 * each member, all members reading at once, whatever their number. The stream is an IPC log on one host and UDP
 * multicast across hosts, as {@link CollectiveContext#broadcastChannel()} says.
 * <p>
 * The stream is opened by {@link #open()}, which every member calls in the same collective call: the members
 * exchange their sessions, wait until the stream reaches every host, and agree on the outcome. If some member has
 * not joined within {@link #JOIN_TIMEOUT_PROPERTY} (a network that drops multicast), all of them fall back to the
 * tree broadcast for the life of the communicator, and the communicator's rank 0 says so on standard error, once
 * per process. A member given a buffer shorter than the root's message fills it and throws ERR_TRUNCATE once the
 * message has passed; one given a longer buffer throws ERR_COUNT.
 */
public final class MulticastBcast implements BcastAlgorithm, AutoCloseable
{
    /** Name of the algorithm. */
    public static final String NAME = "multicast";
    /** System property: milliseconds the members wait for the broadcast stream to reach every host. */
    public static final String JOIN_TIMEOUT_PROPERTY = "jmpi.coll.multicast.joinTimeoutMs";
    /** Default join timeout: setting up a multicast stream on a LAN takes milliseconds. */
    public static final long DEFAULT_JOIN_TIMEOUT_MS = 5000;

    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();
    private static final int NAMED_RANKS = 4;

    private final Exchange exchange;
    private final CollectiveContext context;
    private final AllgatherAlgorithm allgather;
    private final BcastAlgorithm fallback;
    private final String channel;
    private boolean available;
    private BroadcastStream stream;

    /**
     * @param exchange  the communicator's collective messages.
     * @param context   the communicator's collective context, for its Aeron client, channel and stream id.
     * @param allgather how members exchange their sessions when they open the stream.
     * @param fallback  the broadcast that serves the communicator when the stream does not reach every member.
     */
    public MulticastBcast(
        final Exchange exchange, final CollectiveContext context, final AllgatherAlgorithm allgather,
        final BcastAlgorithm fallback)
    {
        this.exchange = exchange;
        this.context = context;
        this.allgather = allgather;
        this.fallback = fallback;
        this.channel = context.broadcastChannel();
        this.available = null != channel;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true if the communicator has a broadcast stream that has not failed to reach every member.
     */
    public boolean isAvailable()
    {
        return available;
    }

    /**
     * {@inheritDoc}
     */
    public void bcast(final Object buffer, final int offset, final int count, final Datatype type, final int root)
    {
        open();
        if (!available)
        {
            fallback.bcast(buffer, offset, count, type, root);
            return;
        }
        final Object base = Memory.base(buffer);
        final long address = Memory.address(buffer, offset, type);
        final int length = count * type.size();
        if (exchange.rank() == root)
        {
            stream.publish(exchange.sequence(), root, base, address, length);
            return;
        }

        final int received = stream.receive(exchange.sequence(), root, base, address, length);
        if (received > length)
        {
            exchange.defer(new MpiException(ErrorClass.ERR_TRUNCATE, "broadcast of " + received +
                " bytes from root " + root + " truncated to this rank's " + length + " bytes"));
        }
        exchange.expect(received / type.size(), count, root);
    }

    /**
     * Close the stream, if a broadcast opened it.
     */
    public void close()
    {
        if (null != stream)
        {
            stream.close();
            stream = null;
        }
    }

    /**
     * Open the stream unless it is open or has failed: every member must call this in the same collective call, as
     * it exchanges messages with all of them. Callers open it before they check a call's arguments, so that a
     * member that rejects them does not leave the others waiting. Afterwards {@link #isAvailable()} says, the same
     * at every member, whether the stream serves the communicator.
     */
    public void open()
    {
        if (!available || null != stream)
        {
            return;
        }
        final int size = exchange.size();
        try
        {
            stream = BroadcastStream.open(
                context.aeron(), channel, context.broadcastStreamId(), context.frameToken(),
                IdleStrategies.forRanks(context.localRanks()), context::checkMembers, context::frameDropped);
        }
        catch (final MpiException ex)
        {
            // the others wait for this member's outcome: tell it to them rather than leave them waiting
            System.err.println("jmpi: rank " + context.worldRank(exchange.rank()) + ": " + ex.getMessage());
        }

        // once every member has told its session, every member's publication exists: time the join from here
        final int[] opened = { null == stream ? 0 : 1, null == stream ? 0 : stream.sessionId() };
        final int[] allOpened = new int[size * 2];
        allgather.allgather(opened, 0, 2, allOpened, 0, Datatype.INT);
        final int[] sessions = new int[size];
        boolean allOpen = true;
        for (int rank = 0; rank < size; rank++)
        {
            allOpen &= 1 == allOpened[2 * rank];
            sessions[rank] = allOpened[2 * rank + 1];
        }
        final int[] hostSessions = Arrays.stream(sessions).distinct().toArray();
        final long timeoutMs = Long.getLong(JOIN_TIMEOUT_PROPERTY, DEFAULT_JOIN_TIMEOUT_MS);
        final boolean joined = allOpen && stream.join(sessions, TimeUnit.MILLISECONDS.toNanos(timeoutMs));

        final int[] outcome = {
            joined ? 1 : 0,
            null == stream ? -1 : stream.sessionsHeard(hostSessions),
            null != stream && stream.isConnected() ? 1 : 0 };
        final int[] outcomes = new int[size * outcome.length];
        allgather.allgather(outcome, 0, outcome.length, outcomes, 0, Datatype.INT);
        for (int rank = 0; rank < size && available; rank++)
        {
            available = 1 == outcomes[rank * outcome.length];
        }
        if (!available)
        {
            close();
            if (0 == exchange.rank() && FALLBACK_REPORTED.compareAndSet(false, true))
            {
                System.err.println(fallbackMessage(outcomes, outcome.length, hostSessions.length, timeoutMs));
            }
        }
    }

    private String fallbackMessage(final int[] outcomes, final int fields, final int hosts, final long timeoutMs)
    {
        final StringBuilder message = new StringBuilder("jmpi: broadcast by multicast falls back to a tree over ")
            .append("point-to-point: the stream ").append(channel).append(" did not reach every member of a ")
            .append("communicator of ").append(exchange.size()).append(" ranks on ").append(hosts)
            .append(" hosts within ").append(timeoutMs)
            .append(" ms (");
        int named = 0;
        int failed = 0;
        for (int rank = 0; rank < exchange.size(); rank++)
        {
            final int heard = outcomes[rank * fields + 1];
            if (0 == outcomes[rank * fields] && ++failed <= NAMED_RANKS)
            {
                message.append(0 == named++ ? "" : "; ").append("rank ").append(context.worldRank(rank));
                if (heard < 0)
                {
                    message.append(" could not open it");
                }
                else
                {
                    message.append(" heard ").append(heard).append(" of ").append(hosts).append(" hosts")
                        .append(1 == outcomes[rank * fields + 2] ? "" : " and was not heard by all");
                }
            }
        }
        if (failed > named)
        {
            message.append("; ").append(failed - named).append(" more");
        }
        return message.append("). The network may not carry UDP multicast between these hosts; ")
            .append("jrun --multicast off skips the attempt.").toString();
    }
}
