package mpi;

import java.nio.ByteBuffer;

/**
 * The body of a user-defined reduction (MPI_User_function), as in Open MPI's Java bindings: override the array
 * form, or the buffer form to work on the bytes directly. Either combines {@code count} items of the datatype,
 * {@code inOut[i] = in[i] op inOut[i]}, where {@code in} holds the contributions of lower ranks.
 * <p>
 * Open MPI calls the buffer form for every base type but boolean, whose data comes in arrays; the default buffer
 * form copies the bytes into arrays of the base type ({@code count * extent} elements), calls the array form and
 * copies the result back. jmpi does the same, and calls an array form directly when the buffer form is not
 * overridden, which skips both copies.
 */
public abstract class UserFunction
{
    /**
     * Combine arrays of the datatype's base type.
     *
     * @param inVec    values to combine with {@code inOutVec}, {@code count * extent} elements.
     * @param inOutVec accumulator locations, combined in place.
     * @param count    number of items.
     * @param datatype type of each item.
     * @throws MPIException to fail the reduction.
     */
    public void call(final Object inVec, final Object inOutVec, final int count, final Datatype datatype)
        throws MPIException
    {
        throw new UnsupportedOperationException("Not supported yet: override call(Object, Object, int, Datatype)");
    }

    /**
     * Combine buffers of bytes in native order.
     *
     * @param in       bytes to combine with {@code inOut}.
     * @param inOut    accumulator locations, combined in place.
     * @param count    number of items.
     * @param datatype type of each item.
     * @throws MPIException to fail the reduction.
     */
    public void call(final ByteBuffer in, final ByteBuffer inOut, final int count, final Datatype datatype)
        throws MPIException
    {
        final BaseType base = datatype.base;
        final int elements = count * datatype.extent;
        final Object inArray = base.newArray(elements);
        final Object inOutArray = base.newArray(elements);
        Bytes.toArray(in, inArray, elements);
        Bytes.toArray(inOut, inOutArray, elements);
        call(inArray, inOutArray, count, datatype);
        Bytes.fromArray(inOutArray, inOut, elements);
    }
}
