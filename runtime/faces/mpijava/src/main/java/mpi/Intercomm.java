package mpi;

import io.jmpi.MpiException;

/**
 * An intercommunicator (MPI_Comm of two groups), from {@link Comm#Create_intercomm}: {@link #Rank()} and
 * {@link #Size()} are of this process's group, and the point-to-point calls inherited from {@link Comm} address
 * the ranks of the other group.
 */
public class Intercomm extends Comm
{
    /**
     * Wrap a jmpi intercommunicator. Collective over both groups.
     *
     * @param comm the jmpi intercommunicator.
     */
    Intercomm(final io.jmpi.Comm comm)
    {
        super(comm);
    }

    /**
     * MPI_Comm_dup of an intercommunicator. Collective over both groups.
     *
     * @return a new intercommunicator of the same groups.
     */
    public Intercomm Dup() throws MPIException
    {
        try
        {
            return new Intercomm(comm.dup());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_remote_size.
     *
     * @return the number of processes of the other group.
     */
    public int Remote_size() throws MPIException
    {
        try
        {
            return comm.remoteSize();
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Comm_remote_group.
     *
     * @return the other group.
     */
    public Group Remote_group() throws MPIException
    {
        try
        {
            return new Group(comm.remoteGroup());
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }

    /**
     * MPI_Intercomm_merge: an intracommunicator of both groups. Collective over both.
     *
     * @param high the group whose processes pass true comes second; when both pass the same, the group whose leader
     *             has the lower rank in MPI.COMM_WORLD comes first.
     * @return the merged communicator.
     */
    public Intracomm Merge(final boolean high) throws MPIException
    {
        try
        {
            return new Intracomm(comm.merge(high));
        }
        catch (final MpiException ex)
        {
            throw failed(ex);
        }
    }
}
