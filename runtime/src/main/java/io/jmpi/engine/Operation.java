package io.jmpi.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A point-to-point operation as the progress engine sees it: a user memory region, an envelope, and a state that
 * the engine moves forward and that any thread may read.
 * <p>
 * The region is given as an {@code (base, address)} pair in the sense of {@code Unsafe}: a primitive array and
 * the offset of its first byte, or {@code null} and an absolute address for off-heap memory. Data is copied
 * between the region and Aeron's log buffers directly, with no intermediate copy.
 * <p>
 * An operation may be reused once complete; only the engine's owner thread touches the fields other than
 * {@code state} while it is in flight.
 */
public abstract class Operation extends Link<Operation>
{
    static final int IDLE = 0;
    static final int PENDING = 1;
    static final int COMPLETE = 2;

    Object base;
    long address;
    int length;
    int context;
    int tag;
    int peer;
    long id;
    int error;

    private static final VarHandle STATE;

    static
    {
        try
        {
            STATE = MethodHandles.lookup().findVarHandle(Operation.class, "state", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Read with acquire, written with release: a full fence per transition would double a small message's cost. */
    private int state = IDLE;

    /**
     * Describe the memory this operation reads (send) or fills (receive).
     *
     * @param base    primitive array holding the region, or {@code null} for off-heap memory.
     * @param address offset of the first byte within {@code base}, or the absolute address when base is null.
     * @param length  length in bytes: the message length for a send, the capacity for a receive.
     */
    public final void region(final Object base, final long address, final int length)
    {
        this.base = base;
        this.address = address;
        this.length = length;
    }

    /**
     * @return the array holding the region, or null for off-heap memory.
     */
    public final Object base()
    {
        return base;
    }

    /**
     * @return offset of the region's first byte in {@link #base()}, or its absolute address.
     */
    public final long address()
    {
        return address;
    }

    /**
     * @return length of the region in bytes.
     */
    public final int length()
    {
        return length;
    }

    /**
     * @return the world rank this operation sends to, or the source a receive matches (maybe ANY_SOURCE).
     */
    public final int peer()
    {
        return peer;
    }

    /**
     * @return the tag of a send, or the tag a receive matches (maybe ANY_TAG).
     */
    public final int tag()
    {
        return tag;
    }

    /**
     * @return true once the engine has finished with this operation and its region may be reused.
     */
    public final boolean isComplete()
    {
        return COMPLETE == (int)STATE.getAcquire(this);
    }

    /**
     * @return true while the engine holds the operation.
     */
    public final boolean isPending()
    {
        return PENDING == (int)STATE.getAcquire(this);
    }

    /**
     * @return the error code recorded at completion, {@link Errors#SUCCESS} if none.
     */
    public final int error()
    {
        return error;
    }

    /**
     * Forget the region and the result so that the operation can be started again; only valid when not pending.
     */
    public void reset()
    {
        base = null;
        address = 0;
        length = 0;
        error = Errors.SUCCESS;
        id = 0;
        STATE.setRelease(this, IDLE);
    }

    /**
     * @param worldRank a peer.
     * @return true if this operation, once matched or started, cannot complete without that peer.
     */
    abstract boolean dependsOn(int worldRank);

    final void markPending()
    {
        STATE.setRelease(this, PENDING);
    }

    final void complete(final int error)
    {
        this.error = error;
        STATE.setRelease(this, COMPLETE);
        onComplete();
    }

    /**
     * Called on the engine's owner thread right after completion; subclasses release resources here without
     * blocking, since the engine waits for nothing while it runs.
     */
    protected void onComplete()
    {
    }
}
