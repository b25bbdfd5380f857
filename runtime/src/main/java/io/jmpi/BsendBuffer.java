package io.jmpi;

import io.jmpi.engine.ProgressEngine;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.IdleStrategy;
import org.jctools.queues.MpscUnboundedArrayQueue;

import java.util.ArrayList;

/**
 * The buffer attached for buffered sends (MPI_Buffer_attach): bsend copies each message into a free segment of
 * it and returns; the segment is free again once the message has been handed to the transport.
 * <p>
 * Segments are allocated first-fit in address order. Each takes the message length rounded up to 8 bytes, so
 * less than length plus {@link Mpi#BSEND_OVERHEAD}; the bookkeeping lives outside the buffer. Completed sends come back through a lock-free queue from the
 * progress engine, and are reclaimed by the next caller, so the engine never waits on the allocator.
 */
final class BsendBuffer
{
    private final Object attached;
    private final Object memory;
    private final long baseAddress;
    private final int capacity;
    private final ArrayList<BufferedSend> live = new ArrayList<>();
    private final ArrayList<BufferedSend> pool = new ArrayList<>();
    private final MpscUnboundedArrayQueue<BufferedSend> completed = new MpscUnboundedArrayQueue<>(64);

    BsendBuffer(final Object attached, final Object memory, final long baseAddress, final int capacity)
    {
        this.attached = attached;
        this.memory = memory;
        this.baseAddress = baseAddress;
        this.capacity = capacity;
    }

    Object attached()
    {
        return attached;
    }

    /**
     * Reserve a segment and copy the message into it.
     *
     * @return a send op whose region is the copy, or null if no free segment is large enough.
     */
    synchronized BufferedSend copyIn(final Object source, final long sourceAddress, final int length)
    {
        reclaim();
        if ((long)length + Mpi.BSEND_OVERHEAD > capacity)
        {
            return null;
        }
        final int needed = align(length);
        int offset = 0;
        int index = 0;
        for (; index < live.size(); index++)
        {
            final BufferedSend send = live.get(index);
            if (send.segmentOffset - offset >= needed)
            {
                break;
            }
            offset = send.segmentOffset + send.segmentLength;
        }
        if (capacity - offset < needed && index == live.size())
        {
            return null;
        }

        final BufferedSend send = pool.isEmpty() ? new BufferedSend(completed) : pool.remove(pool.size() - 1);
        send.reset();
        send.segmentOffset = offset;
        send.segmentLength = needed;
        live.add(index, send);
        final long address = baseAddress + offset;
        if (length > 0)
        {
            UnsafeApi.copyMemory(source, sourceAddress, memory, address, length);
        }
        send.region(memory, address, length);
        return send;
    }

    /**
     * Progress until every buffered message has been handed over (the wait of MPI_Buffer_detach).
     */
    void drain(final ProgressEngine engine, final IdleStrategy idle)
    {
        idle.reset();
        while (true)
        {
            synchronized (this)
            {
                reclaim();
                if (live.isEmpty())
                {
                    return;
                }
            }
            idle.idle(engine.progress());
        }
    }

    private void reclaim()
    {
        BufferedSend send;
        while (null != (send = completed.poll()))
        {
            live.remove(send);
            pool.add(send);
        }
    }

    private static int align(final int length)
    {
        return (length + 7) & ~7;
    }
}
