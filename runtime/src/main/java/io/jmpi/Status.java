package io.jmpi;

/**
 * What a completed receive (or a probe) learned about its message: source, tag, size, error and cancellation,
 * as MPI_Status. A Status may be allocated once and passed to the receive calls that fill one, so that a
 * receive loop allocates nothing.
 */
public final class Status
{
    /** Returned by {@link #count(Datatype)} when the message is not a whole number of elements (MPI_UNDEFINED). */
    public static final int UNDEFINED = -32766;

    int source;
    int tag;
    int bytes;
    ErrorClass error = ErrorClass.SUCCESS;
    boolean cancelled;
    Datatype datatype = Datatype.BYTE;
    int objectCount = -1;

    /**
     * @return rank of the sender in the communicator of the receive, or {@link Mpi#PROC_NULL}.
     */
    public int source()
    {
        return source;
    }

    /**
     * @return tag of the message, or {@link Mpi#ANY_TAG} for a receive from PROC_NULL.
     */
    public int tag()
    {
        return tag;
    }

    /**
     * @return number of elements received, in the datatype of the receive buffer (MPI_Get_count); objects for
     * {@link Comm#recvObjects}.
     */
    public int count()
    {
        return objectCount >= 0 ? objectCount : count(datatype);
    }

    /**
     * @param type datatype to count in.
     * @return number of whole elements of {@code type} received, or {@link #UNDEFINED} if the bytes received are
     * not a whole number of elements.
     */
    public int count(final Datatype type)
    {
        return 0 == bytes % type.size() ? bytes / type.size() : UNDEFINED;
    }

    /**
     * @return number of bytes received (for a probe: the size of the message).
     */
    public int bytes()
    {
        return bytes;
    }

    /**
     * @return {@link ErrorClass#SUCCESS}, or the error of the receive, such as {@link ErrorClass#ERR_TRUNCATE}.
     */
    public ErrorClass error()
    {
        return error;
    }

    /**
     * @return true if the operation was cancelled (MPI_Test_cancelled).
     */
    public boolean isCancelled()
    {
        return cancelled;
    }

    void set(final int source, final int tag, final int bytes, final ErrorClass error, final Datatype datatype)
    {
        this.source = source;
        this.tag = tag;
        this.bytes = bytes;
        this.error = error;
        this.cancelled = false;
        this.datatype = datatype;
        this.objectCount = -1;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "Status{source=" + source + ", tag=" + tag + ", bytes=" + bytes + ", error=" + error +
            (cancelled ? ", cancelled" : "") + "}";
    }
}
