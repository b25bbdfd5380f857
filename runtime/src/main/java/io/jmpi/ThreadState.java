package io.jmpi;

import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.IdleStrategy;

/**
 * Per-thread operations reused by the blocking calls, so that a blocking send or receive allocates nothing.
 */
final class ThreadState
{
    final SendOp send = new SendOp();
    final RecvOp recv = new RecvOp();
    final RecvOp probe = new RecvOp();
    final IdleStrategy idle;
    private byte[] scratch = new byte[0];

    ThreadState(final IdleStrategy idle)
    {
        this.idle = idle;
    }

    /**
     * Copy a region into this thread's scratch buffer, growing it if needed.
     *
     * @return the address of the copy within {@link #scratch()}.
     */
    long stage(final Object base, final long address, final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[length];
        }
        UnsafeApi.copyMemory(base, address, scratch, BufferUtil.ARRAY_BASE_OFFSET, length);
        return BufferUtil.ARRAY_BASE_OFFSET;
    }

    byte[] scratch()
    {
        return scratch;
    }
}
