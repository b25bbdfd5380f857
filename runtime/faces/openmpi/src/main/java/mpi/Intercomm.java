package mpi;

import io.jmpi.MpiException;

/**
 * An intercommunicator (MPI_Intercomm_create, see {@link Comm#createIntercomm}): its ranks are those of the local
 * group, its point-to-point calls address the ranks of the remote group, and its collectives run between the two
 * groups, the root passing {@link MPI#ROOT}, the rest of its group {@link MPI#PROC_NULL} and the other group the
 * root's rank. jmpi provides barrier, bcast, reduce, allReduce, gather, scatter, allGather and allToAll between
 * groups; the other collectives fail with ERR_COMM on an intercommunicator.
 */
public final class Intercomm extends Comm
{
    Intercomm(final io.jmpi.Comm comm, final Errhandler errhandler)
    {
        super(comm, errhandler, null);
    }

    /**
     * MPI_Comm_dup of an intercommunicator.
     *
     * @return a copy with this one's error handler and attributes.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public Intercomm dup() throws MPIException
    {
        try
        {
            return new Intercomm(jmpi().dup(), errhandler());
        }
        catch (final MpiException ex)
        {
            throw raise("dup", ex);
        }
    }

    /**
     * MPI_Comm_dup_with_info: as {@link #dup()}; jmpi reads no hints.
     *
     * @param info hints, ignored.
     * @return the copy.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public Intercomm dupWithInfo(final Info info) throws MPIException
    {
        return dup();
    }

    /**
     * MPI_Comm_idup, completed at once.
     *
     * @return the copy; its {@link #getRequest()} is complete.
     * @throws MPIException under ERRORS_RETURN.
     */
    @Override
    public Intercomm iDup() throws MPIException
    {
        final Intercomm copy = dup();
        copy.completedDup();
        return copy;
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return the copy.
     */
    @Override
    public Intercomm clone()
    {
        try
        {
            return dup();
        }
        catch (final MPIException ex)
        {
            throw new RuntimeException(ex.getMessage());
        }
    }

    /**
     * @return the size of the remote group (MPI_Comm_remote_size).
     * @throws MPIException under ERRORS_RETURN.
     */
    public int getRemoteSize() throws MPIException
    {
        try
        {
            return jmpi().remoteSize();
        }
        catch (final MpiException ex)
        {
            throw raise("getRemoteSize", ex);
        }
    }

    /**
     * @return the remote group (MPI_Comm_remote_group).
     * @throws MPIException under ERRORS_RETURN.
     */
    public Group getRemoteGroup() throws MPIException
    {
        try
        {
            return new Group(jmpi().remoteGroup());
        }
        catch (final MpiException ex)
        {
            throw raise("getRemoteGroup", ex);
        }
    }

    /**
     * MPI_Intercomm_merge: an intracommunicator of both groups. Collective over both.
     *
     * @param high the group passing true comes after the other; if both pass the same, the group whose leader has
     *             the lower world rank comes first.
     * @return the merged communicator, with this one's error handler.
     * @throws MPIException under ERRORS_RETURN.
     */
    public Intracomm merge(final boolean high) throws MPIException
    {
        try
        {
            return new Intracomm(jmpi().merge(high), errhandler(), null);
        }
        catch (final MpiException ex)
        {
            throw raise("merge", ex);
        }
    }
}
