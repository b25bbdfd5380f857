package io.jmpi;

/**
 * A reduction operation (MPI_Op) for reduce, allreduce, reduceScatter, scan and exscan.
 * <p>
 * An operation combines two arrays of the same primitive type element by element,
 * {@code inout[i] = in[i] op inout[i]}, where {@code in} holds the contributions of lower ranks: the collectives
 * compute {@code x0 op x1 op ... op xn-1} in rank order, which matters for non-commutative user operations.
 * <p>
 * The predefined operations and the datatypes they apply to, as MPI defines them:
 * <ul>
 *     <li>{@link #SUM}, {@link #PROD}, {@link #MIN}, {@link #MAX}: byte, short, int, long, float, double and char
 *     (an unsigned 16-bit integer); integer arithmetic wraps around as Java's does.</li>
 *     <li>{@link #LAND}, {@link #LOR}, {@link #LXOR}: boolean, and the integer types, where non-zero is true and
 *     the result is 1 or 0.</li>
 *     <li>{@link #BAND}, {@link #BOR}, {@link #BXOR}: the integer types, and boolean (where they are the logical
 *     operations).</li>
 *     <li>{@link #MINLOC}, {@link #MAXLOC}: (value, index) pairs stored in two consecutive elements of one array
 *     of any numeric type, {@code {v0, i0, v1, i1, ...}}; counts are in elements, so they must be even. The result
 *     pair holds the smallest (largest) value and, among equal values, the smallest index. The index has the
 *     array's type, so a double array holds indices as doubles (exact up to 2^53).</li>
 * </ul>
 * Any other pairing, such as SUM on boolean or BAND on double, raises {@link ErrorClass#ERR_OP}. The predefined
 * operations are commutative and allocate nothing. User operations come from {@link #user(UserFunction, boolean)}.
 */
public final class Op
{
    /** Sum (MPI_SUM). */
    public static final Op SUM = new Op(OpKind.SUM, null, true);
    /** Product (MPI_PROD). */
    public static final Op PROD = new Op(OpKind.PROD, null, true);
    /** Minimum (MPI_MIN). */
    public static final Op MIN = new Op(OpKind.MIN, null, true);
    /** Maximum (MPI_MAX). */
    public static final Op MAX = new Op(OpKind.MAX, null, true);
    /** Logical and (MPI_LAND). */
    public static final Op LAND = new Op(OpKind.LAND, null, true);
    /** Logical or (MPI_LOR). */
    public static final Op LOR = new Op(OpKind.LOR, null, true);
    /** Logical exclusive or (MPI_LXOR). */
    public static final Op LXOR = new Op(OpKind.LXOR, null, true);
    /** Bitwise and (MPI_BAND). */
    public static final Op BAND = new Op(OpKind.BAND, null, true);
    /** Bitwise or (MPI_BOR). */
    public static final Op BOR = new Op(OpKind.BOR, null, true);
    /** Bitwise exclusive or (MPI_BXOR). */
    public static final Op BXOR = new Op(OpKind.BXOR, null, true);
    /** Minimum value and its lowest index, over (value, index) pairs (MPI_MINLOC). */
    public static final Op MINLOC = new Op(OpKind.MINLOC, null, true);
    /** Maximum value and its lowest index, over (value, index) pairs (MPI_MAXLOC). */
    public static final Op MAXLOC = new Op(OpKind.MAXLOC, null, true);

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

    private final OpKind kind;
    private final UserFunction function;
    private final boolean commutative;
    private final int operandLength;

    private Op(final OpKind kind, final UserFunction function, final boolean commutative)
    {
        this(kind, function, commutative, kind.isLocation() ? 2 : 1);
    }

    private Op(final OpKind kind, final UserFunction function, final boolean commutative, final int operandLength)
    {
        this.kind = kind;
        this.function = function;
        this.commutative = commutative;
        this.operandLength = operandLength;
    }

    /**
     * A user-defined operation (MPI_Op_create). It applies to every datatype; the function sees whole arrays and
     * must combine them element by element, since algorithms may split a buffer into blocks anywhere.
     *
     * @param function    the combining function; must be associative.
     * @param commutative true if the function is commutative, which lets algorithms reorder operands.
     * @return the operation.
     * @throws MpiException ERR_OP if the function is null.
     */
    public static Op user(final UserFunction function, final boolean commutative)
    {
        if (null == function)
        {
            throw new MpiException(ErrorClass.ERR_OP, "user function is null");
        }
        return new Op(OpKind.USER, function, commutative);
    }

    /**
     * A user-defined operation whose operands are runs of {@code operandLength} elements, such as the items of a
     * derived datatype (MPI_Op_create applied to such a type): the function always sees whole operands, since
     * algorithms split buffers only at multiples of the length, and counts must be multiples of it.
     *
     * @param function      the combining function; must be associative.
     * @param commutative   true if the function is commutative.
     * @param operandLength elements of one operand, at least 1.
     * @return the operation.
     * @throws MpiException ERR_OP if the function is null, ERR_ARG if the length is not positive.
     */
    public static Op user(final UserFunction function, final boolean commutative, final int operandLength)
    {
        if (null == function)
        {
            throw new MpiException(ErrorClass.ERR_OP, "user function is null");
        }
        if (operandLength < 1)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "operand length " + operandLength + " is not positive");
        }
        return new Op(OpKind.USER, function, commutative, operandLength);
    }

    /**
     * @return true if the operation is commutative; every predefined operation is.
     */
    public boolean isCommutative()
    {
        return commutative;
    }

    /**
     * @return elements per operand: 2 for MINLOC and MAXLOC, whose operands are (value, index) pairs, the length
     * given to {@link #user(UserFunction, boolean, int)}, else 1.
     * Algorithms that split a buffer into blocks split it at multiples of this.
     */
    public int operandLength()
    {
        return operandLength;
    }

    /**
     * Check that the operation can combine {@code count} elements of a datatype, before any data moves.
     *
     * @param datatype element type of the buffers.
     * @param count    number of elements.
     * @throws MpiException ERR_OP if MPI does not define the operation on the datatype; ERR_COUNT if the count is
     *                      not a multiple of {@link #operandLength()} (odd for MINLOC and MAXLOC).
     */
    public void check(final Datatype datatype, final int count)
    {
        if (!kind.appliesTo(datatype))
        {
            throw new MpiException(ErrorClass.ERR_OP, this + " is not defined on " + datatype);
        }
        if (0 != count % operandLength)
        {
            throw new MpiException(ErrorClass.ERR_COUNT, this + " combines operands of " + operandLength +
                " elements: count=" + count + " must be a multiple of it");
        }
    }

    /**
     * Combine: {@code inout[i] = in[i] op inout[i]} for {@code count} elements.
     *
     * @param in          primitive array, the left operand (the lower ranks' contribution).
     * @param inOffset    first element of {@code in}.
     * @param inout       array of the same type, the right operand and the result.
     * @param inoutOffset first element of {@code inout}.
     * @param count       number of elements.
     * @throws MpiException ERR_TYPE unless both are primitive arrays of one type; ERR_OP or ERR_COUNT as
     *                      {@link #check} says.
     */
    public void apply(final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count)
    {
        final Datatype datatype = null == inout ? null : Datatype.ofArray(inout);
        if (null == datatype || null == in || in.getClass() != inout.getClass())
        {
            throw new MpiException(ErrorClass.ERR_TYPE, this + " needs two primitive arrays of the same type");
        }
        if (null != function)
        {
            function.apply(in, inOffset, inout, inoutOffset, count, datatype);
            return;
        }
        check(datatype, count);
        if (Datatype.INT == datatype)
        {
            IntKernel.apply(kind, (int[])in, inOffset, (int[])inout, inoutOffset, count);
        }
        else if (Datatype.DOUBLE == datatype)
        {
            DoubleKernel.apply(kind, (double[])in, inOffset, (double[])inout, inoutOffset, count);
        }
        else if (Datatype.LONG == datatype)
        {
            LongKernel.apply(kind, (long[])in, inOffset, (long[])inout, inoutOffset, count);
        }
        else if (Datatype.FLOAT == datatype)
        {
            FloatKernel.apply(kind, (float[])in, inOffset, (float[])inout, inoutOffset, count);
        }
        else if (Datatype.BYTE == datatype)
        {
            ByteKernel.apply(kind, (byte[])in, inOffset, (byte[])inout, inoutOffset, count);
        }
        else if (Datatype.SHORT == datatype)
        {
            ShortKernel.apply(kind, (short[])in, inOffset, (short[])inout, inoutOffset, count);
        }
        else if (Datatype.CHAR == datatype)
        {
            CharKernel.apply(kind, (char[])in, inOffset, (char[])inout, inoutOffset, count);
        }
        else
        {
            BooleanKernel.apply(kind, (boolean[])in, inOffset, (boolean[])inout, inoutOffset, count);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return kind.name();
    }
}
