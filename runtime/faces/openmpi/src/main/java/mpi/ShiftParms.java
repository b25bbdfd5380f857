package mpi;

/**
 * The result of {@link CartComm#shift} (MPI_Cart_shift): the ranks to receive from and to send to.
 */
public final class ShiftParms
{
    private final int source;
    private final int dest;

    ShiftParms(final int source, final int dest)
    {
        this.source = source;
        this.dest = dest;
    }

    /**
     * @return the rank of the source, or {@link MPI#PROC_NULL} off a non-periodic edge.
     */
    public int getRankSource()
    {
        return source;
    }

    /**
     * @return the rank of the destination, or {@link MPI#PROC_NULL} off a non-periodic edge.
     */
    public int getRankDest()
    {
        return dest;
    }
}
