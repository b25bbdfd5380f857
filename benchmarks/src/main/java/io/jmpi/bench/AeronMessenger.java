package io.jmpi.bench;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import io.jmpi.transport.Channels;
import io.jmpi.transport.IdleStrategies;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * One end of the raw Aeron baseline: a publication to the other end and a subscription from it, on jmpi's IPC
 * channel, with nothing of jmpi on top.
 * <p>
 * A message travels as jmpi moves its data: frames of at most the publication's max payload, each claimed with
 * {@code tryClaim}, filled from the sender's array and committed; the receiver copies each frame's payload from
 * the log straight into its array. Both ends wait with the idle strategy that jmpi's blocking calls use for the
 * same number of local ranks, so the baseline spins when jmpi would spin.
 * <p>
 * A stop ends the receive it arrives in, and only that one: the frames after it stay in the log for the next
 * receive, so that one echo can serve messages of several lengths in turn.
 */
final class AeronMessenger implements AutoCloseable
{
    /** Stream from rank 0 to rank 1. */
    static final int PING_STREAM = 0x2000;
    /** Stream from rank 1 to rank 0. */
    static final int PONG_STREAM = 0x2001;

    private static final int FRAGMENT_LIMIT = 64;
    private static final long STOP = 1;
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final Aeron aeron;
    private final Publication publication;
    private final Subscription subscription;
    private final IdleStrategy idle;
    private final BufferClaim claim = new BufferClaim();
    private final ControlledFragmentHandler handler = this::onFragment;
    private byte[] target;
    private int received;
    private int frames;
    private boolean stopped;

    private AeronMessenger(
        final Aeron aeron, final Publication publication, final Subscription subscription, final IdleStrategy idle)
    {
        this.aeron = aeron;
        this.publication = publication;
        this.subscription = subscription;
        this.idle = idle;
    }

    /**
     * Connect to the driver and wait until the other end has subscribed and published.
     *
     * @param aeronDir        the driver's directory.
     * @param publishStream   stream this end sends on.
     * @param subscribeStream stream this end receives on.
     * @param localRanks      processes of the exchange on this host, which decides the idle strategy.
     * @return a connected messenger.
     */
    static AeronMessenger connect(
        final String aeronDir, final int publishStream, final int subscribeStream, final int localRanks)
    {
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
        try
        {
            final Subscription subscription = aeron.addSubscription(Channels.IPC_CHANNEL, subscribeStream);
            final Publication publication = aeron.addPublication(Channels.IPC_CHANNEL, publishStream);
            final IdleStrategy idle = IdleStrategies.forRanks(localRanks);
            final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
            while (!publication.isConnected() || !subscription.isConnected())
            {
                if (System.nanoTime() > deadline)
                {
                    throw new IllegalStateException("the other end did not connect on " + aeronDir);
                }
                idle.idle(0);
            }
            return new AeronMessenger(aeron, publication, subscription, idle);
        }
        catch (final RuntimeException ex)
        {
            aeron.close();
            throw ex;
        }
    }

    /**
     * Send a message as frames of at most the max payload; at least one frame, so an empty message is sent too.
     *
     * @param buffer the message.
     * @param length bytes to send.
     */
    void send(final byte[] buffer, final int length)
    {
        send(buffer, length, 0);
    }

    /**
     * Tell the other end to stop: an empty frame marked in its reserved value.
     */
    void sendStop()
    {
        send(null, 0, STOP);
    }

    private void send(final byte[] buffer, final int length, final long reservedValue)
    {
        final int maxPayload = publication.maxPayloadLength();
        int offset = 0;
        do
        {
            final int chunk = Math.min(maxPayload, length - offset);
            idle.reset();
            long position;
            while ((position = publication.tryClaim(chunk, claim)) <= 0)
            {
                if (Publication.CLOSED == position || Publication.MAX_POSITION_EXCEEDED == position)
                {
                    throw new IllegalStateException("publication closed");
                }
                idle.idle(0);
            }
            if (chunk > 0)
            {
                claim.buffer().putBytes(claim.offset(), buffer, offset, chunk);
            }
            claim.reservedValue(reservedValue);
            claim.commit();
            offset += chunk;
        }
        while (offset < length);
    }

    /**
     * Receive one message of a known length into the buffer.
     *
     * @param buffer where the message goes.
     * @param length bytes the message has.
     * @return true for a message, false if the other end said stop instead.
     */
    boolean receive(final byte[] buffer, final int length)
    {
        target = buffer;
        received = 0;
        frames = 0;
        stopped = false;
        idle.reset();
        while (!stopped && (0 == frames || received < length))
        {
            final int work = subscription.controlledPoll(handler, FRAGMENT_LIMIT);
            if (!stopped && (0 == frames || received < length))
            {
                idle.idle(work);
            }
        }
        return !stopped;
    }

    private ControlledFragmentHandler.Action onFragment(
        final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (STOP == header.reservedValue())
        {
            stopped = true;
            return ControlledFragmentHandler.Action.BREAK;
        }
        buffer.getBytes(offset, target, received, length);
        received += length;
        frames++;
        return ControlledFragmentHandler.Action.CONTINUE;
    }

    /**
     * Close the client, with its publication and subscription.
     */
    public void close()
    {
        CloseHelper.close(aeron);
    }
}
