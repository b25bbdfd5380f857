package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * An algorithm of MPI_Reduce_scatter. Buffers are primitive arrays of one type.
 */
public interface ReduceScatterAlgorithm extends Algorithm
{
    /**
     * @param op a reduction operation.
     * @return true if this algorithm applies the operation in the order MPI requires for it.
     */
    default boolean supports(final Op op)
    {
        return true;
    }

    /**
     * The element-wise reduction of every member's send buffer, member i receiving block i of it.
     *
     * @param sendBuffer this member's contribution, {@code sum(recvCounts)} elements.
     * @param sendOffset first element.
     * @param recvBuffer this member's block of the result.
     * @param recvOffset first element of the block.
     * @param recvCounts elements of the result that each member receives.
     * @param type       datatype of the buffers.
     * @param op         reduction operation, checked for the type and every count.
     */
    void reduceScatter(
        Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int[] recvCounts, Datatype type, Op op);
}
