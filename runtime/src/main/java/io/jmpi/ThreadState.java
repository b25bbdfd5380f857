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
    private Request[] requests;
    private Request request;
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
        this.requests = null;
        this.request = null;
        blocked = true;
    }

    /**
     * Note that this thread is about to wait for one request that describes itself (a nonblocking collective's),
     * for the report on SIGURG. Allocates nothing.
     */
    void block(final String call, final Request request)
    {
        this.call = call;
        this.requests = null;
        this.request = request;
        blocked = true;
    }

    /**
     * Note that this thread is about to wait for some or all of these requests (waitAll, waitAny, waitSome), for
     * the report on SIGURG. Allocates nothing.
     */
    void block(final String call, final Request[] requests)
    {
        this.call = call;
        this.requests = requests;
        this.request = null;
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
        final Request single = request;
        if (null != single)
        {
            return call + "(" + single.describe() + ") on thread " + owner.getName();
        }
        final Request[] waited = requests;
        if (null != waited)
        {
            final StringBuilder report = new StringBuilder(call).append('(');
            for (final Request request : waited)
            {
                // those still incomplete: what the thread waits for
                if (null != request && !request.isComplete())
                {
                    report.append('(' == report.charAt(report.length() - 1) ? "" : ", ").append(request.describe());
                }
            }
            return report.append(") on thread ").append(owner.getName()).toString();
        }
        final boolean receive = call.startsWith("recv") || call.startsWith("probe") || call.startsWith("mprobe");
        return describe(call, receive, peer, tag, comm) + " on thread " + owner.getName();
    }

    /**
     * @return a call as the report shows it, e.g. {@code recv(source=1, tag=7, comm=WORLD)}.
     */
    static String describe(final String call, final boolean receive, final int peer, final int tag, final Comm comm)
    {
        return call + "(" + (receive ? "source=" : "dest=") + rankName(peer) + ", tag=" +
            (Mpi.ANY_TAG == tag && receive ? "ANY_TAG" : Integer.toString(tag)) + ", comm=" + comm + ")";
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
