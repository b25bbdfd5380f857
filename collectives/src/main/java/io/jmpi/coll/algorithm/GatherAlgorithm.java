package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Gather.
 */
public interface GatherAlgorithm extends Algorithm
{
    /**
     * The root receives every member's block, in rank order.
     *
     * @param sendBuffer this member's block.
     * @param sendOffset first element of the block.
     * @param count      elements in each block, the same at every member.
     * @param recvBuffer at the root, room for {@code size * count} elements; ignored elsewhere.
     * @param recvOffset first element of the result.
     * @param type       datatype of the buffers.
     * @param root       rank of the root.
     */
    void gather(
        Object sendBuffer, int sendOffset, int count, Object recvBuffer, int recvOffset, Datatype type, int root);
}
