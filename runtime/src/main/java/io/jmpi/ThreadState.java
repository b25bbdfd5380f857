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
    private final Thread owner = Thread.currentThread();
    private byte[] scratch = new byte[0];
    private String call;
    private int peer;
    private int tag;
    private Comm comm;
    private volatile boolean blocked;

    ThreadState(final IdleStrategy idle)
    {
        this.idle = idle;
    }

    /**
     * Note the blocking call this thread is about to wait in, for the report on SIGURG. Allocates nothing.
     */
    void block(final String call, final int peer, final int tag, final Comm comm)
    {
        this.call = call;
        this.peer = peer;
        this.tag = tag;
        this.comm = comm;
        blocked = true;
    }

    void unblock()
    {
        blocked = false;
    }

    /**
     * @return a description of the blocking call this thread waits in, or null; read from another thread.
     */
    String blockedCall()
    {
        if (!blocked)
        {
            return null;
        }
        final boolean receive = call.startsWith("recv") || call.startsWith("probe") || call.startsWith("mprobe");
        return call + "(" + (receive ? "source=" : "dest=") + rankName(peer) + ", tag=" +
            (Mpi.ANY_TAG == tag && receive ? "ANY_TAG" : Integer.toString(tag)) + ", comm=" + comm + ")" +
            " on thread " + owner.getName();
    }

    private static String rankName(final int rank)
    {
        if (Mpi.ANY_SOURCE == rank)
        {
            return "ANY_SOURCE";
        }
        return Mpi.PROC_NULL == rank ? "PROC_NULL" : Integer.toString(rank);
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
