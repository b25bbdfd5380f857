package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Scatter.
 */
public interface ScatterAlgorithm extends Algorithm
{
    /**
     * Member i receives block i of the root's send buffer.
     *
     * @param sendBuffer at the root, {@code size * count} elements; ignored elsewhere.
     * @param sendOffset first element.
     * @param count      elements in each block, the same at every member.
     * @param recvBuffer this member's block.
     * @param recvOffset first element of the block.
     * @param type       datatype of the buffers.
     * @param root       rank of the root.
     */
    void scatter(
        Object sendBuffer, int sendOffset, int count, Object recvBuffer, int recvOffset, Datatype type, int root);
}
