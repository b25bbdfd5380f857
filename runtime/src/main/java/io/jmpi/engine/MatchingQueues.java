package io.jmpi.engine;

import org.agrona.DirectBuffer;

import java.util.function.Consumer;

/**
 * The two queues of MPI matching, both in arrival order: receives posted before their message, and messages that
 * arrived before their receive. A message matches the first posted receive whose (context, source, tag) accepts
 * it; a receive matches the first queued message it accepts. Owned by the engine's owner thread.
 * <p>
 * Unexpected-message records, with their payload buffers, return to a pool once delivered, so steady traffic
 * allocates nothing; the pool keeps at most {@link #POOL_RECORDS} records and {@link #POOL_BYTES} bytes of
 * payload buffers, and leaves the records of a burst beyond that to the garbage collector, so that memory a flood
 * took is given back once it is drained. The records queued at any time hold at most the limit given at
 * construction: a message beyond it is not queued.
 */
final class MatchingQueues
{
    /** Most records the pool keeps: a window of 1,024 unexpected messages in flight allocates nothing. */
    static final int POOL_RECORDS = 1024;
    /** Most bytes of payload buffers the pool keeps: 1,024 eager messages of the default 2 KiB, twice over. */
    static final long POOL_BYTES = 4L * 1024 * 1024;
    /** What a record costs beside its payload bytes: the record, its buffer object and the array's header. */
    static final int RECORD_BYTES = 128;

    private final IntrusiveList<Operation> posted = new IntrusiveList<>();
    private final IntrusiveList<UnexpectedMessage> unexpected = new IntrusiveList<>();
    private final UnexpectedMessage[] pool = new UnexpectedMessage[POOL_RECORDS];
    private final long heldLimit;
    private int pooled;
    private long pooledBytes;
    private long heldBytes;

    /**
     * @param heldLimit most bytes the queued unexpected messages may hold, records included.
     */
    MatchingQueues(final long heldLimit)
    {
        this.heldLimit = heldLimit;
    }

    /**
     * Take the first posted receive that accepts a message with this envelope.
     *
     * @return the receive, removed from the queue, or null.
     */
    RecvOp takePosted(final int context, final int source, final int tag)
    {
        for (Operation op = posted.head(); null != op; op = op.next)
        {
            final RecvOp recv = (RecvOp)op;
            if (recv.matches(context, source, tag))
            {
                posted.remove(recv);
                return recv;
            }
        }
        return null;
    }

    void post(final RecvOp recv)
    {
        posted.addLast(recv);
    }

    /**
     * @return true if the receive was still posted, and is now removed.
     */
    boolean unpost(final RecvOp recv)
    {
        if (!posted.contains(recv))
        {
            return false;
        }
        posted.remove(recv);
        return true;
    }

    /**
     * Remove every posted receive from the peer (and, when asked, every wildcard receive) and hand it to the action.
     */
    void unpostFrom(final int peer, final boolean wildcards, final Consumer<Operation> action)
    {
        for (Operation op = posted.head(); null != op; )
        {
            final Operation next = op.next;
            if (op.peer == peer || (wildcards && RecvOp.ANY_SOURCE == op.peer))
            {
                posted.remove(op);
                action.accept(op);
            }
            op = next;
        }
    }

    /**
     * @return the first queued message a receive with this envelope accepts, left in the queue, or null.
     */
    UnexpectedMessage peekUnexpected(final int context, final int source, final int tag)
    {
        for (UnexpectedMessage m = unexpected.head(); null != m; m = m.next)
        {
            if (m.matches(context, source, tag))
            {
                return m;
            }
        }
        return null;
    }

    /**
     * @return the first queued message a receive with this envelope accepts, removed from the queue, or null.
     */
    UnexpectedMessage takeUnexpected(final int context, final int source, final int tag)
    {
        final UnexpectedMessage message = peekUnexpected(context, source, tag);
        if (null != message)
        {
            unexpected.remove(message);
        }
        return message;
    }

    /**
     * Queue a message nobody waits for yet, copying an eager payload out of the log.
     *
     * @return false, with nothing queued, if the message would take the queued messages beyond their limit.
     */
    boolean queueUnexpected(
        final byte type,
        final boolean synchronous,
        final boolean ring,
        final int sharedId,
        final int sharedOffset,
        final int source,
        final int context,
        final int tag,
        final int length,
        final long senderOpId,
        final DirectBuffer payload,
        final int payloadOffset)
    {
        final int payloadLength = Wire.EAGER == type ? length : 0;
        if (heldBytes + RECORD_BYTES + payloadLength > heldLimit)
        {
            return false;
        }
        final UnexpectedMessage message;
        if (0 == pooled)
        {
            message = new UnexpectedMessage();
        }
        else
        {
            message = pool[--pooled];
            pool[pooled] = null;
            pooledBytes -= message.payload.capacity();
        }
        message.type = type;
        message.synchronous = synchronous;
        message.ring = ring;
        message.sharedId = sharedId;
        message.sharedOffset = sharedOffset;
        message.source = source;
        message.context = context;
        message.tag = tag;
        message.length = length;
        message.senderOpId = senderOpId;
        if (payloadLength > 0)
        {
            message.payload.putBytes(0, payload, payloadOffset, payloadLength);
        }
        heldBytes += RECORD_BYTES + message.payload.capacity();
        unexpected.addLast(message);
        return true;
    }

    /**
     * Return a delivered message's record to the pool, or to the garbage collector if the pool is full.
     */
    void recycle(final UnexpectedMessage message)
    {
        final int capacity = message.payload.capacity();
        heldBytes -= RECORD_BYTES + capacity;
        if (pooled < POOL_RECORDS && pooledBytes + capacity <= POOL_BYTES)
        {
            pool[pooled++] = message;
            pooledBytes += capacity;
        }
    }
}
