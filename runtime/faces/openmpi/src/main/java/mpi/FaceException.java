package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * A failure this API finds itself, of an MPI error class the runtime has no name for (ERR_TOPOLOGY, ERR_DIMS,
 * ERR_KEYVAL, ...): it travels the face's code as the runtime's exceptions do and reaches the error handler with
 * its own class.
 */
final class FaceException extends MpiException
{
    private static final long serialVersionUID = 1L;

    /** The MPI error class, one of the {@code MPI.ERR_*} constants. */
    final int mpiClass;
    private final String text;

    FaceException(final int mpiClass, final String text)
    {
        super(ErrorClass.ERR_OTHER, text);
        this.mpiClass = mpiClass;
        this.text = text;
    }

    /**
     * {@inheritDoc}
     */
    public String getMessage()
    {
        return text;
    }
}
