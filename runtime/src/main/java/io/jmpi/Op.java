package io.jmpi;

/**
 * A reduction operation (MPI_Op) for reduce, allreduce, reduceScatter, scan and exscan.
 * <p>
 * The predefined operations work on every primitive array type where MPI defines them. User operations come from
 * {@link #user(UserFunction, boolean)}.
 */
public final class Op
{
    /**
     * The body of a user-defined operation (MPI_User_function): combine {@code in} into {@code inout}
     * element-wise, {@code inout[i] = in[i] op inout[i]}.
     */
    @FunctionalInterface
    public interface UserFunction
    {
        /**
         * @param in          the other operand, a primitive array.
         * @param inOffset    first element of {@code in}.
         * @param inout       operand and result, an array of the same type.
         * @param inoutOffset first element of {@code inout}.
         * @param count       number of elements.
         * @param datatype    element type of both arrays.
         */
        void apply(Object in, int inOffset, Object inout, int inoutOffset, int count, Datatype datatype);
    }

    private final String name;
    private final UserFunction function;
    private final boolean commutative;

    private Op(final String name, final UserFunction function, final boolean commutative)
    {
        this.name = name;
        this.function = function;
        this.commutative = commutative;
    }

    /**
     * A user-defined operation (MPI_Op_create).
     *
     * @param function    the combining function; must be associative.
     * @param commutative true if the function is commutative, which lets algorithms reorder operands.
     * @return the operation.
     */
    public static Op user(final UserFunction function, final boolean commutative)
    {
        if (null == function)
        {
            throw new MpiException(ErrorClass.ERR_OP, "user function is null");
        }
        return new Op("USER", function, commutative);
    }

    /**
     * @return true if the operation is commutative.
     */
    public boolean isCommutative()
    {
        return commutative;
    }

    /**
     * Combine: {@code inout[i] = in[i] op inout[i]} for {@code count} elements.
     *
     * @param in          primitive array, the left operand.
     * @param inOffset    first element of {@code in}.
     * @param inout       array of the same type, the right operand and the result.
     * @param inoutOffset first element of {@code inout}.
     * @param count       number of elements.
     */
    public void apply(final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count)
    {
        final Datatype datatype = Datatype.ofArray(inout);
        if (null == datatype || in.getClass() != inout.getClass())
        {
            throw new MpiException(ErrorClass.ERR_TYPE, name + " needs two primitive arrays of the same type");
        }
        function.apply(in, inOffset, inout, inoutOffset, count, datatype);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }
}
