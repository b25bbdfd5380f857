package mpi;

/**
 * The result of {@link Cartcomm#Shift} (MPI_Cart_shift): the ranks to receive from and send to.
 */
public class ShiftParms
{
    /** Rank to receive from, or {@link MPI#PROC_NULL} past the edge of a non-periodic dimension. */
    public int rank_source;
    /** Rank to send to, or {@link MPI#PROC_NULL} past the edge of a non-periodic dimension. */
    public int rank_dest;

    ShiftParms(final int rankSource, final int rankDest)
    {
        this.rank_source = rankSource;
        this.rank_dest = rankDest;
    }
}
