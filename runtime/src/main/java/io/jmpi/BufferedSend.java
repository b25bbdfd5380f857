package io.jmpi;

import io.jmpi.engine.SendOp;
import org.jctools.queues.MpscUnboundedArrayQueue;

/**
 * A send whose data lives in a segment of the attached bsend buffer; it hands the segment back when it completes.
 */
final class BufferedSend extends SendOp
{
    private final MpscUnboundedArrayQueue<BufferedSend> completed;
    int segmentOffset;
    int segmentLength;

    BufferedSend(final MpscUnboundedArrayQueue<BufferedSend> completed)
    {
        this.completed = completed;
    }

    /**
     * Runs on the engine's owner thread: hand the segment back without taking the allocator's lock.
     */
    protected void onComplete()
    {
        completed.offer(this);
    }
}
