package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * A reduction operation (MPI_Op): the predefined ones of {@link MPI} ({@code MPI.SUM}, ...) and user operations made
 * with {@link #Op(UserFunction, boolean)}.
 * <p>
 * The predefined operations apply to the basic types as MPI defines them; MINLOC and MAXLOC apply to the pair types
 * {@link MPI#INT2}, {@link MPI#SHORT_INT}, {@link MPI#LONG_INT}, {@link MPI#FLOAT_INT} and {@link MPI#DOUBLE_INT},
 * whose buffers are bytes laid out as C structs; SUM applies to the complex types. {@link MPI#REPLACE} and
 * {@link MPI#NO_OP} are the operations of one-sided accumulates, which jmpi does not provide: a collective given
 * them fails with ERR_OP.
 */
public final class Op implements Freeable
{
    private final io.jmpi.Op predefined;
    private final boolean location;
    private final String name;
    private final UserFunction function;
    private final boolean commute;
    private final boolean arrayForm;
    private boolean freed;

    /**
     * A user-defined operation (MPI_Op_create).
     *
     * @param function the combining function; must be associative.
     * @param commute  true if it is commutative too, which lets the algorithms reorder operands.
     */
    public Op(final UserFunction function, final boolean commute)
    {
        this.predefined = null;
        this.location = false;
        this.name = "user " + (null == function ? "null" : function.getClass().getName());
        this.function = function;
        this.commute = commute;
        this.arrayForm = null != function && !overridesBufferForm(function);
    }

    Op(final String name, final io.jmpi.Op predefined, final boolean location)
    {
        this.predefined = predefined;
        this.location = location;
        this.name = name;
        this.function = null;
        this.commute = true;
        this.arrayForm = false;
    }

    /**
     * @return true if the operation is commutative (MPI_Op_commutative); every predefined one is.
     */
    public boolean isCommutative()
    {
        return commute;
    }

    /**
     * MPI_Op_free: a user operation can no longer be used.
     *
     * @throws MPIException never; declared as in Open MPI.
     */
    @Override
    public void free() throws MPIException
    {
        if (null != function)
        {
            freed = true;
        }
    }

    /**
     * @return true if the operation is freed (MPI_OP_NULL).
     */
    public boolean isNull()
    {
        return freed;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name;
    }

    /**
     * The runtime's operation for items of a datatype, as {@link Region#typed} lays them out.
     *
     * @param type the datatype of the reduction.
     * @return the operation to give jmpi.
     * @throws MpiException ERR_OP if the operation does not apply to the datatype or is freed.
     */
    io.jmpi.Op forType(final Datatype type)
    {
        if (freed)
        {
            throw new MpiException(ErrorClass.ERR_OP, "operation " + name + " has been freed");
        }
        if (null != function)
        {
            return io.jmpi.Op.user((in, inOffset, inout, inoutOffset, elements, datatype) ->
                combine(in, inOffset, inout, inoutOffset, elements, type), commute, Math.max(1, type.extent));
        }
        if (null == predefined)
        {
            throw new MpiException(ErrorClass.ERR_OP, name + " applies to one-sided accumulates only");
        }
        if (null != type.pair)
        {
            if (!location)
            {
                throw new MpiException(ErrorClass.ERR_OP, name + " is not defined on the pair type " + type);
            }
            final PairLayout layout = type.pair;
            final boolean max = io.jmpi.Op.MAXLOC == predefined;
            return io.jmpi.Op.user((in, inOffset, inout, inoutOffset, count, datatype) ->
                layout.apply(max, (byte[])in, inOffset, (byte[])inout, inoutOffset, count), true, layout.extent);
        }
        if (location || (type.complex && io.jmpi.Op.SUM != predefined))
        {
            throw new MpiException(ErrorClass.ERR_OP, name + " is not defined on " + type);
        }
        return predefined;
    }

    /**
     * Call the user's function on whole items: the array form with arrays of exactly the items (copies when jmpi
     * hands over a block of longer arrays), or the buffer form with the bytes of the items.
     */
    private void combine(final Object in, final int inOffset, final Object inout, final int inoutOffset,
        final int elements, final Datatype type)
    {
        final int items = elements / Math.max(1, type.extent);
        try
        {
            if (arrayForm || BaseType.BOOLEAN == type.base)
            {
                final Object operands = exactly(in, inOffset, elements);
                final Object results = exactly(inout, inoutOffset, elements);
                function.call(operands, results, items, type);
                if (results != inout)
                {
                    System.arraycopy(results, 0, inout, inoutOffset, elements);
                }
            }
            else
            {
                final ByteBuffer results = Bytes.wrap(inout, inoutOffset, elements);
                function.call(Bytes.wrap(in, inOffset, elements), results, items, type);
                Bytes.unwrap(results, inout, inoutOffset, elements);
            }
        }
        catch (final MPIException ex)
        {
            throw new MpiException(ErrorClass.ERR_OP, "user operation " + name + " failed: " + ex.getMessage());
        }
    }

    private static Object exactly(final Object array, final int offset, final int elements)
    {
        if (0 == offset && Array.getLength(array) == elements)
        {
            return array;
        }
        final Object copy = Array.newInstance(array.getClass().getComponentType(), elements);
        System.arraycopy(array, offset, copy, 0, elements);
        return copy;
    }

    private static boolean overridesBufferForm(final UserFunction function)
    {
        try
        {
            return UserFunction.class != function.getClass()
                .getMethod("call", ByteBuffer.class, ByteBuffer.class, int.class, Datatype.class)
                .getDeclaringClass();
        }
        catch (final NoSuchMethodException ex)
        {
            return false;
        }
    }
}
