package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * The error raised by every call of the mpiJava API that fails (an MPI error with the MPI_ERRORS_RETURN handler).
 * <p>
 * As in MPJ Express (and the mpiJava 1.2 specification), it is a checked exception and every method declares it,
 * so that programs written for them, with their {@code throws MPIException} clauses and try/catch blocks,
 * compile unchanged. It carries the MPI error class of the jmpi error underneath, numbered as in
 * {@link ErrorClass#code()}.
 */
public class MPIException extends Exception
{
    private static final long serialVersionUID = 1L;

    /** The MPI error class of the failure. */
    private final int errorClass;

    /**
     * An error of class MPI_ERR_OTHER.
     *
     * @param message what went wrong.
     */
    public MPIException(final String message)
    {
        super(message);
        this.errorClass = ErrorClass.ERR_OTHER.code();
    }

    /**
     * An error caused by another exception; its error class if it is a jmpi {@link MpiException}, else
     * MPI_ERR_OTHER.
     *
     * @param cause the underlying failure.
     */
    public MPIException(final Throwable cause)
    {
        super(null == cause ? null : cause.getMessage(), cause);
        this.errorClass = cause instanceof MpiException ?
            ((MpiException)cause).errorClass().code() : ErrorClass.ERR_OTHER.code();
    }

    /**
     * @return the MPI error class, such as 15 (MPI_ERR_TRUNCATE) for a message too long for its receive buffer.
     */
    public int getErrorClass()
    {
        return errorClass;
    }

    /**
     * Turn a jmpi error into the checked error of this API; a failure that a user function raised as an
     * MPIException comes back as that exception.
     *
     * @param error the jmpi error.
     * @return the exception to throw.
     */
    static MPIException of(final MpiException error)
    {
        return error.getCause() instanceof MPIException ? (MPIException)error.getCause() : new MPIException(error);
    }
}
