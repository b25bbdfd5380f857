package mpi;

/**
 * What a completed receive, probe or request tells about its message (MPI_Status): source, tag, error, size and
 * cancellation, and for the wait-any and test-any calls the index of the request.
 */
public final class Status
{
    private final int source;
    private final int tag;
    private final int error;
    private final int bytes;
    private final boolean cancelled;
    private int index = MPI.UNDEFINED;

    Status(final int source, final int tag, final int error, final int bytes, final boolean cancelled)
    {
        this.source = source;
        this.tag = tag;
        this.error = error;
        this.bytes = bytes;
        this.cancelled = cancelled;
    }

    static Status of(final io.jmpi.Status status)
    {
        return new Status(status.source(), status.tag(), MPIException.classOf(status.error()), status.bytes(),
            status.isCancelled());
    }

    Status withIndex(final int index)
    {
        this.index = index;
        return this;
    }

    /**
     * @return the rank of the sender, or {@link MPI#PROC_NULL} (MPI_SOURCE).
     */
    public int getSource()
    {
        return source;
    }

    /**
     * @return the tag of the message, {@link MPI#ANY_TAG} for a receive from PROC_NULL (MPI_TAG).
     */
    public int getTag()
    {
        return tag;
    }

    /**
     * @return the error class of the operation, {@link MPI#SUCCESS} if it succeeded (MPI_ERROR).
     */
    public int getError()
    {
        return error;
    }

    /**
     * MPI_Get_count.
     *
     * @param datatype datatype of the receive.
     * @return number of whole items received, or {@link MPI#UNDEFINED} if the bytes are not a whole number.
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getCount(final Datatype datatype) throws MPIException
    {
        final int itemBytes = datatype.size * datatype.base.size;
        if (0 == itemBytes)
        {
            return 0 == bytes ? 0 : MPI.UNDEFINED;
        }
        return 0 == bytes % itemBytes ? bytes / itemBytes : MPI.UNDEFINED;
    }

    /**
     * MPI_Get_elements.
     *
     * @param datatype datatype of the receive.
     * @return number of base elements received, or {@link MPI#UNDEFINED} if the bytes are not a whole number.
     * @throws MPIException never; declared as in Open MPI.
     */
    public int getElements(final Datatype datatype) throws MPIException
    {
        return 0 == bytes % datatype.base.size ? bytes / datatype.base.size : MPI.UNDEFINED;
    }

    /**
     * @return true if the operation was cancelled (MPI_Test_cancelled).
     * @throws MPIException never; declared as in Open MPI.
     */
    public boolean isCancelled() throws MPIException
    {
        return cancelled;
    }

    /**
     * @return the index of the request this status belongs to in the array given to a wait-any, test-any,
     * wait-some or test-some call, else {@link MPI#UNDEFINED}.
     */
    public int getIndex()
    {
        return index;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "Status{source=" + source + ", tag=" + tag + ", error=" + error + ", bytes=" + bytes +
            (cancelled ? ", cancelled" : "") + "}";
    }
}
