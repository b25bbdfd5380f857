package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

/**
 * A reduction operation (MPI_Op): the predefined {@link MPI#SUM}, {@link MPI#MAX}, ... (jmpi's own
 * {@link io.jmpi.Op} constants), or a user operation made from a {@link User_function}.
 * <p>
 * Predefined operations combine the elements of the base type one by one; {@link MPI#MINLOC} and
 * {@link MPI#MAXLOC} combine (value, index) pairs, described by the pair types {@link MPI#INT2} and the like with
 * counts in pairs. Predefined operations do not apply to {@link MPI#OBJECT}; user operations do.
 */
public class Op
{
    private final io.jmpi.Op predefined;
    private final User_function function;
    private final boolean commute;

    Op(final io.jmpi.Op predefined)
    {
        this.predefined = predefined;
        this.function = null;
        this.commute = true;
    }

    /**
     * MPI_Op_create: a user operation.
     *
     * @param function the combining function; it must be associative.
     * @param commute  true if it is also commutative, which lets jmpi combine operands in any order.
     * @throws MPIException ERR_OP if the function is null.
     */
    public Op(final User_function function, final boolean commute) throws MPIException
    {
        if (null == function)
        {
            throw new MPIException(new MpiException(ErrorClass.ERR_OP, "user function is null"));
        }
        this.predefined = null;
        this.function = function;
        this.commute = commute;
    }

    /**
     * @return the user function, or null for a predefined operation.
     */
    User_function function()
    {
        return function;
    }

    /**
     * The jmpi operation that combines packed items of a datatype.
     * <p>
     * A user operation on items of more than one element is given to jmpi as non-commutative: jmpi then never
     * cuts a buffer between the elements of one item.
     *
     * @param type the datatype of the reduction.
     * @return the operation to give jmpi's collectives.
     */
    io.jmpi.Op jmpiOp(final Datatype type)
    {
        if (null != predefined)
        {
            return predefined;
        }
        final Datatype itemType = type.packedType();
        return io.jmpi.Op.user(
            (in, inOffset, inout, inoutOffset, count, elementType) ->
                call(in, inOffset, inout, inoutOffset, 0 == itemType.size ? 0 : count / itemType.size, itemType),
            commute && itemType.size <= 1);
    }

    /**
     * Apply the user function, turning its checked failure into a jmpi error that carries it.
     *
     * @param in          left operands.
     * @param inOffset    first element of {@code in}.
     * @param inout       right operands and results.
     * @param inoutOffset first element of {@code inout}.
     * @param count       number of items.
     * @param type        the items' type.
     * @throws MpiException ERR_OP for a predefined operation, or with the user function's MPIException as cause.
     */
    void call(
        final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count,
        final Datatype type)
    {
        if (null == function)
        {
            throw new MpiException(ErrorClass.ERR_OP, "predefined operation " + predefined + " does not apply to " +
                type + ": use a user operation");
        }
        try
        {
            function.Call(in, inOffset, inout, inoutOffset, count, type);
        }
        catch (final MPIException ex)
        {
            final MpiException failure =
                new MpiException(ErrorClass.ERR_OP, "user function failed: " + ex.getMessage());
            failure.initCause(ex);
            throw failure;
        }
    }
}
