package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.multicast.BroadcastChannel;
import io.jmpi.coll.multicast.BroadcastStream;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.IdleStrategies;

/**
 * Broadcast by multicast: the root writes the message once into the communicator's broadcast stream, which every
 * member reads, copying it straight from the stream into its buffer. One copy in at the root and one copy out at
 * each member, all members reading at once, whatever their number.
 * <p>
 * The stream is opened by {@link #open()}, which every member calls in the same collective call, with a barrier so
 * that every member reads the stream before anyone writes to it. A member given a buffer shorter than the root's
 * message fills it and throws ERR_TRUNCATE once the message has passed; one given a longer buffer throws
 * ERR_COUNT.
 */
public final class MulticastBcast implements BcastAlgorithm, AutoCloseable
{
    /** Name of the algorithm. */
    public static final String NAME = "multicast";

    private final Exchange exchange;
    private final CollectiveContext context;
    private final boolean available;
    private BroadcastStream stream;

    /**
     * @param exchange the communicator's collective messages.
     * @param context  the communicator's collective context, for its Aeron client and stream id.
     */
    public MulticastBcast(final Exchange exchange, final CollectiveContext context)
    {
        this.exchange = exchange;
        this.context = context;
        this.available = BroadcastChannel.reachesAll(context, exchange.size());
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true if every member of the communicator is on this host, where the broadcast stream reaches.
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
     * Open the stream unless it is open: every member must call this in the same collective call, as it ends with a
     * barrier. Callers open it before they check a call's arguments, so that a member that rejects them does not
     * leave the others waiting in the barrier.
     */
    public void open()
    {
        if (null == stream)
        {
            stream = BroadcastStream.open(
                context.aeron(), BroadcastChannel.uri(), context.broadcastStreamId(),
                IdleStrategies.forRanks(context.localRanks()), context::checkMembers);
            exchange.barrier();
        }
    }
}
