package io.jmpi.engine;

/**
 * A message taken out of the matching queues by a matched probe, waiting to be received by exactly one
 * {@link ProgressEngine#receiveMatched} (the MPI_Message of MPI_Mprobe).
 */
public final class MatchedMessage
{
    private UnexpectedMessage message;
    private final int source;
    private final int tag;
    private final int length;

    MatchedMessage(final UnexpectedMessage message)
    {
        this.message = message;
        this.source = message.source;
        this.tag = message.tag;
        this.length = message.length;
    }

    /**
     * @return world rank of the sender.
     */
    public int source()
    {
        return source;
    }

    /**
     * @return tag of the message.
     */
    public int tag()
    {
        return tag;
    }

    /**
     * @return length of the message in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return true once the message has been received.
     */
    public boolean isReceived()
    {
        return null == message;
    }

    synchronized UnexpectedMessage take()
    {
        final UnexpectedMessage taken = message;
        if (null == taken)
        {
            throw new IllegalStateException("message already received");
        }
        message = null;
        return taken;
    }
}
