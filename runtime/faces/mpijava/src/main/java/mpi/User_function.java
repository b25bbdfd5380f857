package mpi;

/**
 * The body of a user-defined reduction operation (MPI_User_function), given to {@link Op#Op(User_function,
 * boolean)}.
 */
public abstract class User_function
{
    /**
     * Combine {@code invec} into {@code inoutvec}, item by item: {@code inoutvec[i] = invec[i] op inoutvec[i]},
     * where {@code invec} holds the contribution of lower ranks.
     * <p>
     * The arrays have the base type of {@code datatype}. For a datatype whose items are not consecutive elements,
     * the items arrive packed and {@code datatype} is a contiguous type of the same size.
     *
     * @param invec       the left operands.
     * @param inoffset    first element of {@code invec}.
     * @param inoutvec    the right operands, and the results.
     * @param inoutoffset first element of {@code inoutvec}.
     * @param count       number of items.
     * @param datatype    type of each item.
     * @throws MPIException to fail the reduction; the collective call then throws it.
     */
    public abstract void Call(
        Object invec, int inoffset, Object inoutvec, int inoutoffset, int count, Datatype datatype)
        throws MPIException;
}
