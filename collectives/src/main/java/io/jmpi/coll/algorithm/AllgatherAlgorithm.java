package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Allgather.
 */
public interface AllgatherAlgorithm extends Algorithm
{
    /**
     * Every member receives every member's block, in rank order.
     *
     * @param sendBuffer this member's block.
     * @param sendOffset first element of the block.
     * @param count      elements in each block, the same at every member.
     * @param recvBuffer room for {@code size * count} elements.
     * @param recvOffset first element of the result.
     * @param type       datatype of the buffers.
     */
    void allgather(Object sendBuffer, int sendOffset, int count, Object recvBuffer, int recvOffset, Datatype type);
}
