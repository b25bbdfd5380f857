package io.jmpi.engine;

/**
 * A send: standard, synchronous or buffered, eager or rendezvous depending on the length.
 */
public class SendOp extends Operation
{
    boolean synchronous;
    int acceptedLength;
    int sentLength;
    long receiverOpId;

    /**
     * Set the envelope of the send.
     *
     * @param destination world rank of the receiver.
     * @param context     communicator context.
     * @param tag         message tag, non-negative.
     * @param synchronous true for ssend: complete only once the receiver has matched the message.
     */
    public final void envelope(final int destination, final int context, final int tag, final boolean synchronous)
    {
        this.peer = destination;
        this.context = context;
        this.tag = tag;
        this.synchronous = synchronous;
    }

    boolean dependsOn(final int worldRank)
    {
        return peer == worldRank;
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        super.reset();
        synchronous = false;
        acceptedLength = 0;
        sentLength = 0;
        receiverOpId = 0;
    }
}
