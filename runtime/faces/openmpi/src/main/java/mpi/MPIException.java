package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * The exception a failed MPI call throws when the error handler of its communicator is {@link MPI#ERRORS_RETURN}:
 * it carries the MPI error class ({@link #getErrorClass()}, one of the {@code MPI.ERR_*} constants), the error code
 * (the class itself: jmpi defines no further codes) and a message naming the call and the problem.
 */
public final class MPIException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final int errorClass;

    /**
     * @param code    MPI error code.
     * @param clazz   MPI error class.
     * @param message what went wrong.
     */
    protected MPIException(final int code, final int clazz, final String message)
    {
        super(message);
        this.errorCode = code;
        this.errorClass = clazz;
    }

    /**
     * An error of class {@link MPI#ERR_UNKNOWN}.
     *
     * @param message what went wrong.
     */
    public MPIException(final String message)
    {
        this(MPI.ERR_UNKNOWN, MPI.ERR_UNKNOWN, message);
    }

    /**
     * An error of class {@link MPI#ERR_UNKNOWN} caused by another exception.
     *
     * @param cause the cause.
     */
    public MPIException(final Throwable cause)
    {
        super(cause);
        this.errorCode = MPI.ERR_UNKNOWN;
        this.errorClass = MPI.ERR_UNKNOWN;
    }

    /**
     * @return the MPI error code (MPI_Error_code), equal to the class.
     */
    public int getErrorCode()
    {
        return errorCode;
    }

    /**
     * @return the MPI error class (MPI_Error_class), one of the {@code MPI.ERR_*} constants.
     */
    public int getErrorClass()
    {
        return errorClass;
    }

    /**
     * An error outside any communicator's call (on a datatype, group, request or the environment), handled as MPI
     * says: by the error handler of {@link MPI#COMM_WORLD}.
     *
     * @param ex the runtime's error.
     * @return the exception to throw, if the handler returns.
     */
    static MPIException of(final MpiException ex)
    {
        return MPI.COMM_WORLD.raiseOutside(ex);
    }

    /**
     * An error of this API's own checks outside any communicator, handled by the error handler of
     * {@link MPI#COMM_WORLD}.
     *
     * @param clazz   MPI error class.
     * @param message what went wrong.
     * @return the exception to throw, if the handler returns.
     */
    static MPIException raise(final int clazz, final String message)
    {
        return MPI.COMM_WORLD.raiseOutside(new FaceException(clazz, message));
    }

    /**
     * @param ex the runtime's error.
     * @return the same error as this API's exception, whatever the handler.
     */
    static MPIException convert(final MpiException ex)
    {
        final int clazz = ex instanceof FaceException ? ((FaceException)ex).mpiClass : classOf(ex.errorClass());
        return new MPIException(clazz, clazz, ex.getMessage());
    }

    /**
     * @param errorClass an error class of the runtime.
     * @return its number in this API: the same, as the runtime numbers its classes as Open MPI does.
     */
    static int classOf(final ErrorClass errorClass)
    {
        return errorClass.code();
    }
}
