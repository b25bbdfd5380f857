package mpi;

/**
 * What a completed receive, request or probe learned about its message (MPI_Status).
 * <p>
 * As in MPJ Express, {@link #source}, {@link #tag} and {@link #index} are public fields.
 */
public class Status
{
    /** Rank of the sender in the communicator of the receive, or {@link MPI#PROC_NULL} (MPI_SOURCE). */
    public int source;
    /** Tag of the message, or {@link MPI#ANY_TAG} for a receive from PROC_NULL (MPI_TAG). */
    public int tag;
    /**
     * For Waitany, Testany, Waitsome and Testsome: the index in the request array of the request that completed,
     * or {@link MPI#UNDEFINED} if none was active.
     */
    public int index = MPI.UNDEFINED;

    private int bytes;
    private int objects = -1;
    private boolean cancelled;

    /**
     * An empty status: source ANY_SOURCE, tag ANY_TAG, no data.
     */
    public Status()
    {
        this.source = MPI.ANY_SOURCE;
        this.tag = MPI.ANY_TAG;
    }

    /**
     * MPI_Get_count: the number of items of a datatype the message held.
     *
     * @param datatype the datatype of the receive.
     * @return the number of whole items, or {@link MPI#UNDEFINED} if the elements received are not a whole number
     * of items (or, for {@link MPI#OBJECT}, if this status comes from a probe, which cannot count objects).
     */
    public int Get_count(final Datatype datatype) throws MPIException
    {
        if (0 == datatype.size)
        {
            return 0;
        }
        final int elements = Get_elements(datatype);
        return MPI.UNDEFINED == elements || 0 != elements % datatype.size ? MPI.UNDEFINED : elements / datatype.size;
    }

    /**
     * MPI_Get_elements: the number of elements of the datatype's base type the message held.
     *
     * @param datatype the datatype of the receive.
     * @return the number of base elements, or {@link MPI#UNDEFINED} if unknown.
     */
    public int Get_elements(final Datatype datatype) throws MPIException
    {
        if (null == datatype.base)
        {
            throw new MPIException("datatype " + datatype + " has no elements");
        }
        if (BaseType.OBJECT == datatype.base)
        {
            return objects >= 0 ? objects : MPI.UNDEFINED;
        }
        return 0 == bytes % datatype.base.bytes() ? bytes / datatype.base.bytes() : MPI.UNDEFINED;
    }

    /**
     * MPI_Test_cancelled.
     *
     * @return true if the operation was cancelled by {@link Request#Cancel()}.
     */
    public boolean Test_cancelled() throws MPIException
    {
        return cancelled;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "Status{source=" + source + ", tag=" + tag + ", index=" + index + ", bytes=" + bytes +
            (objects >= 0 ? ", objects=" + objects : "") + (cancelled ? ", cancelled" : "") + "}";
    }

    /**
     * @param status a jmpi status.
     * @return the same facts as an mpiJava status.
     */
    static Status of(final io.jmpi.Status status)
    {
        final Status result = new Status();
        result.source = status.source();
        result.tag = status.tag();
        result.bytes = status.bytes();
        result.cancelled = status.isCancelled();
        return result;
    }

    /**
     * @return the status of a receive from {@link MPI#PROC_NULL}: source PROC_NULL, tag ANY_TAG, no data.
     */
    static Status procNull()
    {
        final Status result = new Status();
        result.source = MPI.PROC_NULL;
        result.objects = 0;
        return result;
    }

    Status objects(final int count)
    {
        this.objects = count;
        return this;
    }
}
