package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * An algorithm of MPI_Allreduce. Buffers are primitive arrays of one type.
 */
public interface AllreduceAlgorithm extends Algorithm
{
    /**
     * @param op a reduction operation.
     * @return true if this algorithm computes the reduction in the order MPI requires for the operation; false
     * for a non-commutative operation that the algorithm would apply out of rank order.
     */
    default boolean supports(final Op op)
    {
        return true;
    }

    /**
     * Every member receives {@code x0 op x1 op ... op xn-1}, the same at every member.
     *
     * @param sendBuffer this member's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer the result.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param type       datatype of the buffers.
     * @param op         reduction operation, checked for the type and count.
     */
    void allreduce(
        Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Datatype type, Op op);
}
