package io.jmpi;

import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;
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

    ThreadState(final IdleStrategy idle)
    {
        this.idle = idle;
    }
}
