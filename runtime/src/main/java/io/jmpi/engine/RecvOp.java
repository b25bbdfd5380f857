package io.jmpi.engine;

/**
 * A posted receive, and after completion its status: the matched source, tag and delivered length.
 */
public final class RecvOp extends Operation
{
    /** Wildcard source, as MPI_ANY_SOURCE. */
    public static final int ANY_SOURCE = -1;
    /** Wildcard tag, as MPI_ANY_TAG. */
    public static final int ANY_TAG = -1;

    int matchedSource;
    int matchedTag;
    int messageLength;
    int receivedLength;
    int acceptedLength;
    boolean cancelled;

    /**
     * Set what the receive matches.
     *
     * @param source  world rank of the sender or {@link #ANY_SOURCE}.
     * @param context communicator context.
     * @param tag     tag or {@link #ANY_TAG}.
     */
    public void match(final int source, final int context, final int tag)
    {
        this.peer = source;
        this.context = context;
        this.tag = tag;
    }

    /**
     * @return world rank of the sender of the matched message.
     */
    public int matchedSource()
    {
        return matchedSource;
    }

    /**
     * @return tag of the matched message.
     */
    public int matchedTag()
    {
        return matchedTag;
    }

    /**
     * @return bytes delivered into the region (less than the message length when truncated).
     */
    public int receivedLength()
    {
        return receivedLength;
    }

    /**
     * @return the full length of the matched message in bytes.
     */
    public int messageLength()
    {
        return messageLength;
    }

    /**
     * @return true if the receive was cancelled before it matched.
     */
    public boolean isCancelled()
    {
        return cancelled;
    }

    boolean dependsOn(final int worldRank)
    {
        return matchedSource == worldRank;
    }

    boolean matches(final int context, final int source, final int tag)
    {
        return this.context == context &&
            (ANY_SOURCE == peer || peer == source) &&
            (ANY_TAG == this.tag || this.tag == tag);
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        super.reset();
        matchedSource = 0;
        matchedTag = 0;
        messageLength = 0;
        receivedLength = 0;
        acceptedLength = 0;
        cancelled = false;
    }
}
