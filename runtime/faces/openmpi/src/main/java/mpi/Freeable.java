package mpi;

/**
 * An MPI object that can be freed: communicators, datatypes, groups, requests, operations, infos.
 */
public interface Freeable
{
    /**
     * Free the object (MPI_*_free).
     *
     * @throws MPIException if it cannot be freed.
     */
    void free() throws MPIException;
}
