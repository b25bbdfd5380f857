package mpi;

import io.jmpi.ErrorHandler;

/**
 * What a communicator does when a call on it fails (MPI_Errhandler): {@link MPI#ERRORS_RETURN} throws the
 * {@link MPIException} to the caller; {@link MPI#ERRORS_ARE_FATAL} prints the error and ends the job at once
 * (jrun ends the other ranks), with the error class as the exit code. Each is one of jmpi's own handlers, set on
 * the runtime's communicator, which applies it.
 * <p>
 * As in MPJ Express, a communicator starts with {@link MPI#ERRORS_RETURN}; an exception that escapes {@code main}
 * still ends the job, as {@link MPI#Init} says. Communicators made from one (Dup, Split, Create, the topologies)
 * inherit its handler, as MPI requires.
 */
public final class Errhandler
{
    /** The runtime's handler. */
    final ErrorHandler handler;

    Errhandler(final ErrorHandler handler)
    {
        this.handler = handler;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "MPI." + handler;
    }
}
