package io.jmpi.engine;

import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The two queues of MPI matching, both in arrival order: receives posted before their message, and messages that
 * arrived before their receive. A message matches the first posted receive whose (context, source, tag) accepts
 * it; a receive matches the first queued message it accepts. Unexpected-message records, with their payload
 * buffers, are pooled, so steady traffic allocates nothing. Owned by the engine's owner thread.
 */
final class MatchingQueues
{
    private final IntrusiveList<Operation> posted = new IntrusiveList<>();
    private final IntrusiveList<UnexpectedMessage> unexpected = new IntrusiveList<>();
    private final ArrayList<UnexpectedMessage> pool = new ArrayList<>();

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
     */
    void queueUnexpected(
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
        final UnexpectedMessage message = pool.isEmpty() ? new UnexpectedMessage() : pool.remove(pool.size() - 1);
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
        if (Wire.EAGER == type && length > 0)
        {
            message.payload.putBytes(0, payload, payloadOffset, length);
        }
        unexpected.addLast(message);
    }

    /**
     * Return a delivered message's record to the pool.
     */
    void recycle(final UnexpectedMessage message)
    {
        pool.add(message);
    }
}
