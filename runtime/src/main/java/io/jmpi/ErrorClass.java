package io.jmpi;

/**
 * MPI error classes, numbered as Open MPI numbers them so that codes printed by jmpi read like an MPI library's.
 */
public enum ErrorClass
{
    /** No error (MPI_SUCCESS). */
    SUCCESS(0),
    /** Invalid buffer: null, of an unsupported type, or too small for offset and count (MPI_ERR_BUFFER). */
    ERR_BUFFER(1),
    /** Invalid count argument (MPI_ERR_COUNT). */
    ERR_COUNT(2),
    /** Invalid datatype (MPI_ERR_TYPE). */
    ERR_TYPE(3),
    /** Invalid tag argument (MPI_ERR_TAG). */
    ERR_TAG(4),
    /** Invalid communicator (MPI_ERR_COMM). */
    ERR_COMM(5),
    /** Invalid rank (MPI_ERR_RANK). */
    ERR_RANK(6),
    /** Invalid request (MPI_ERR_REQUEST). */
    ERR_REQUEST(7),
    /** Invalid root (MPI_ERR_ROOT). */
    ERR_ROOT(8),
    /** Invalid group (MPI_ERR_GROUP). */
    ERR_GROUP(9),
    /** Invalid operation (MPI_ERR_OP). */
    ERR_OP(10),
    /** Invalid topology (MPI_ERR_TOPOLOGY). */
    ERR_TOPOLOGY(11),
    /** Invalid dimension argument (MPI_ERR_DIMS). */
    ERR_DIMS(12),
    /** Invalid argument of another kind (MPI_ERR_ARG). */
    ERR_ARG(13),
    /** Message truncated on receive (MPI_ERR_TRUNCATE). */
    ERR_TRUNCATE(15),
    /** Known error not in this list, such as a call after close (MPI_ERR_OTHER). */
    ERR_OTHER(16),
    /** Internal error of the runtime (MPI_ERR_INTERN). */
    ERR_INTERN(17),
    /** Invalid attribute key: not created, or freed (MPI_ERR_KEYVAL). */
    ERR_KEYVAL(36),
    /** Memory cannot be allocated, as by MPI_Alloc_mem (MPI_ERR_NO_MEM). */
    ERR_NO_MEM(39),
    /** A process the operation depends on has failed (MPI_ERR_PROC_FAILED of the fault-tolerance chapter). */
    ERR_PROC_FAILED(75);

    private static final ErrorClass[] VALUES = values();

    private final int code;

    ErrorClass(final int code)
    {
        this.code = code;
    }

    /**
     * @return the numeric MPI error class.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code numeric error class.
     * @return the matching error class, {@link #ERR_INTERN} if unknown.
     */
    public static ErrorClass of(final int code)
    {
        for (final ErrorClass errorClass : VALUES)
        {
            if (errorClass.code == code)
            {
                return errorClass;
            }
        }
        return ERR_INTERN;
    }
}
