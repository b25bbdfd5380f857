package io.jmpi.coll.multicast;

import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.transport.JobFiles;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.IdleStrategy;

/**
 * One communicator's broadcast stream at one member: a publication that this member writes through when it is the
 * root, and a subscription that reads every root's frames.
 * <p>
 * The members of one host share one publication, so one session per host. On one host that is a single log, one
 * total order of every broadcast of the communicator. Across hosts (UDP multicast) each host's session arrives as an
 * image of its own, and a member reads a broadcast from the image of its root's session. Within one session the
 * broadcasts of the host's roots follow call order: a root writes only after it has finished every earlier call, so
 * the chunks of two broadcasts never interleave. A root writes its message once, in chunks of at most one frame
 * claimed with {@code tryClaim}; members copy each chunk straight from the log into the user's buffer, with no
 * intermediate copy and no allocation. The root reads its own frames too, skipping them, as flow control waits for
 * every subscriber, the root's included.
 * <p>
 * Frames carry the sequence number of their collective call, so frames of a call that a member left early (it
 * threw on a bad argument) are skipped by its next broadcast. One thread at a time uses a stream, as MPI
 * requires of the collective calls on one communicator.
 */
public final class BroadcastStream implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 64;
    private static final int MEMBER_CHECK_MASK = 255;

    private final Subscription subscription;
    private final Publication publication;
    private final IdleStrategy idle;
    private final Runnable memberCheck;
    private final long token;
    private final Runnable dropped;
    private final int chunkLength;
    private final BufferClaim claim = new BufferClaim();
    private final ControlledFragmentHandler frameHandler = this::onFrame;
    private Image[] images;

    private int sequence;
    private int root;
    private boolean copying;
    private Object base;
    private long address;
    private int capacity;
    private int length;
    private boolean done;
    private boolean outOfStep;

    private BroadcastStream(
        final Subscription subscription, final Publication publication, final long token, final IdleStrategy idle,
        final Runnable memberCheck, final Runnable dropped)
    {
        this.subscription = subscription;
        this.publication = publication;
        this.token = token;
        this.idle = idle;
        this.memberCheck = memberCheck;
        this.dropped = dropped;
        this.chunkLength = publication.maxPayloadLength() - BroadcastFrame.HEADER_LENGTH;
    }

    /**
     * Publish and subscribe on a stream. Every member opens the stream, then tells the others its
     * {@link #sessionId()} and {@link #join joins}; all must have joined before any of them writes.
     *
     * @param aeron       the Aeron client of this rank.
     * @param channel     channel URI, from {@link io.jmpi.spi.CollectiveContext#broadcastChannel()}.
     * @param streamId    the communicator's broadcast stream id.
     * @param token       the job's frame token, which every frame carries.
     * @param idle        how this member waits, for the calls that use the stream.
     * @param memberCheck run now and then while a member waits: throws if a member has failed, so that a dead root
     *                    wakes its readers with an error instead of a hang.
     * @param dropped     run for each frame dropped because it lacks the token.
     * @return the stream, not yet joined.
     * @throws MpiException ERR_OTHER if the media driver refuses the stream.
     */
    public static BroadcastStream open(
        final Aeron aeron, final String channel, final int streamId, final long token, final IdleStrategy idle,
        final Runnable memberCheck, final Runnable dropped)
    {
        Subscription subscription = null;
        Publication publication = null;
        try
        {
            final String aeronDir = aeron.context().aeronDirectoryName();
            subscription = aeron.addSubscription(channel, streamId,
                image -> JobFiles.restrictLog(aeronDir, false, image.correlationId()), image -> { });
            publication = aeron.addPublication(channel, streamId);
            JobFiles.restrictLog(aeronDir, true, publication.originalRegistrationId());
            return new BroadcastStream(subscription, publication, token, idle, memberCheck, dropped);
        }
        catch (final AeronException ex)
        {
            CloseHelper.quietCloseAll(publication, subscription);
            throw new MpiException(ErrorClass.ERR_OTHER,
                "cannot open broadcast stream " + streamId + " on " + channel + ": " + ex.getMessage());
        }
    }

    /**
     * @return the session of this member's publication, which it shares with the members on its host.
     */
    public int sessionId()
    {
        return publication.sessionId();
    }

    /**
     * Wait until this member's publication reaches every host (its flow control counts them) and this member
     * reads every member's session, or until the timeout.
     *
     * @param memberSessions the {@link #sessionId()} of every member, by rank.
     * @param timeoutNs      how long to wait.
     * @return true if joined; false if some host was not heard or did not hear this host in time.
     * @throws io.jmpi.MpiException ERR_PROC_FAILED from the member check, if a member fails meanwhile.
     */
    public boolean join(final int[] memberSessions, final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        idle.reset();
        int rounds = 0;
        while (!publication.isConnected() || sessionsHeard(memberSessions) < memberSessions.length)
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            if (0 == (++rounds & MEMBER_CHECK_MASK))
            {
                memberCheck.run();
            }
            idle.idle();
        }
        images = new Image[memberSessions.length];
        for (int rank = 0; rank < memberSessions.length; rank++)
        {
            images[rank] = subscription.imageBySessionId(memberSessions[rank]);
        }
        return true;
    }

    /**
     * @return whether this member's publication has reached the receivers of every host.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * @param sessions sessions to look for, such as the distinct sessions of the members (one per host).
     * @return how many of them this member reads: has an image of.
     */
    public int sessionsHeard(final int[] sessions)
    {
        int heard = 0;
        for (final int session : sessions)
        {
            if (null != subscription.imageBySessionId(session))
            {
                heard++;
            }
        }
        return heard;
    }

    /**
     * Write a message as the root of a broadcast, and return once it is all in the log (receivers may still be
     * reading it).
     *
     * @param sequence the sequence number of the call.
     * @param root     this rank, the root.
     * @param base     array holding the message, or null off-heap.
     * @param address  address of the message's first byte relative to base.
     * @param length   length of the message in bytes.
     * @throws MpiException ERR_OTHER if the stream has been closed.
     */
    public void publish(final int sequence, final int root, final Object base, final long address, final int length)
    {
        start(sequence, root, false, null, 0, 0);
        final Image ownImage = images[root];
        int offset = 0;
        boolean empty = 0 == length;
        idle.reset();
        while (offset < length || empty)
        {
            final int chunk = Math.min(chunkLength, length - offset);
            final long position = publication.tryClaim(BroadcastFrame.HEADER_LENGTH + chunk, claim);
            if (position > 0)
            {
                final MutableDirectBuffer buffer = claim.buffer();
                final int index = claim.offset();
                buffer.putInt(index + BroadcastFrame.SEQUENCE_OFFSET, sequence);
                buffer.putInt(index + BroadcastFrame.LENGTH_OFFSET, length);
                buffer.putInt(index + BroadcastFrame.CHUNK_OFFSET_OFFSET, offset);
                buffer.putInt(index + BroadcastFrame.ROOT_OFFSET, root);
                buffer.putLong(index + BroadcastFrame.TOKEN_OFFSET, token);
                UnsafeApi.copyMemory(
                    base, address + offset,
                    buffer.byteArray(), buffer.addressOffset() + index + BroadcastFrame.HEADER_LENGTH, chunk);
                claim.commit();
                offset += chunk;
                empty = false;
                idle.reset();
            }
            else if (Publication.CLOSED == position || Publication.MAX_POSITION_EXCEEDED == position)
            {
                throw new MpiException(ErrorClass.ERR_OTHER, "the broadcast stream is closed");
            }
            else
            {
                // back-pressured: our own unread frames count too, so skip them to move the window on
                idle.idle(ownImage.controlledPoll(frameHandler, FRAGMENT_LIMIT));
            }
        }
        awaitMessage();
    }

    /**
     * Read the message of a broadcast into a buffer.
     *
     * @param sequence the sequence number of the call.
     * @param root     rank of the root that writes it.
     * @param base     array to fill, or null off-heap.
     * @param address  address of the first byte to fill relative to base.
     * @param capacity bytes that fit; a longer message fills them and is otherwise skipped.
     * @return length of the message the root wrote.
     * @throws MpiException ERR_OTHER if the log holds a later call's broadcast first: the members do not agree on
     *                      the calls, their roots or their algorithm.
     */
    public int receive(final int sequence, final int root, final Object base, final long address, final int capacity)
    {
        start(sequence, root, true, base, address, capacity);
        awaitMessage();
        return length;
    }

    /**
     * Close the subscription and the publication of this member.
     */
    public void close()
    {
        CloseHelper.quietCloseAll(publication, subscription);
    }

    private void start(
        final int sequence, final int root, final boolean copying, final Object base, final long address,
        final int capacity)
    {
        this.sequence = sequence;
        this.root = root;
        this.copying = copying;
        this.base = base;
        this.address = address;
        this.capacity = capacity;
        this.length = 0;
        this.done = false;
        this.outOfStep = false;
    }

    private void awaitMessage()
    {
        final Image image = images[root];
        idle.reset();
        int idleRounds = 0;
        while (!done)
        {
            final int work = image.controlledPoll(frameHandler, FRAGMENT_LIMIT);
            if (outOfStep)
            {
                throw new MpiException(ErrorClass.ERR_OTHER, "broadcast of call " + sequence + " from root " + root +
                    " found another broadcast first: the members disagree on the order of collective calls, " +
                    "their roots or their algorithm");
            }
            if (!done)
            {
                if (0 == work && 0 == (++idleRounds & MEMBER_CHECK_MASK))
                {
                    memberCheck.run();
                }
                idle.idle(work);
            }
        }
    }

    private ControlledFragmentHandler.Action onFrame(
        final DirectBuffer buffer, final int offset, final int frameLength, final Header header)
    {
        if (frameLength < BroadcastFrame.HEADER_LENGTH || buffer.getLong(offset + BroadcastFrame.TOKEN_OFFSET) != token)
        {
            dropped.run();
            return ControlledFragmentHandler.Action.CONTINUE;
        }
        final int frameSequence = buffer.getInt(offset + BroadcastFrame.SEQUENCE_OFFSET);
        final int ahead = frameSequence - sequence;
        if (ahead < 0)
        {
            // written for an earlier call: this root's own frames, or a call this member left early
            return ControlledFragmentHandler.Action.CONTINUE;
        }
        if (ahead > 0 || buffer.getInt(offset + BroadcastFrame.ROOT_OFFSET) != root)
        {
            outOfStep = true;
            return ControlledFragmentHandler.Action.ABORT;
        }

        final int messageLength = buffer.getInt(offset + BroadcastFrame.LENGTH_OFFSET);
        final int chunkOffset = buffer.getInt(offset + BroadcastFrame.CHUNK_OFFSET_OFFSET);
        final int chunk = frameLength - BroadcastFrame.HEADER_LENGTH;
        if (copying)
        {
            final int fits = Math.min(chunk, capacity - chunkOffset);
            if (fits > 0)
            {
                UnsafeApi.copyMemory(
                    buffer.byteArray(), buffer.addressOffset() + offset + BroadcastFrame.HEADER_LENGTH,
                    base, address + chunkOffset, fits);
            }
        }
        if (chunkOffset + chunk >= messageLength)
        {
            length = messageLength;
            done = true;
            return ControlledFragmentHandler.Action.BREAK;
        }
        return ControlledFragmentHandler.Action.CONTINUE;
    }
}
