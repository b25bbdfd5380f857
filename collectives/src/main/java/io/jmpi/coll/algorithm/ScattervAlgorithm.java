package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Scatterv.
 */
public interface ScattervAlgorithm extends Algorithm
{
    /**
     * Member i receives the block of {@code sendCounts[i]} elements at displacement i of the root's send buffer.
     *
     * @param sendBuffer    at the root, the blocks; ignored elsewhere.
     * @param sendOffset    element that displacements count from.
     * @param sendCounts    at the root, elements sent to each member.
     * @param displacements at the root, where each member's block starts, relative to sendOffset.
     * @param recvBuffer    this member's block.
     * @param recvOffset    first element of the block.
     * @param recvCount     elements this member receives.
     * @param type          datatype of the buffers.
     * @param root          rank of the root.
     */
    void scatterv(
        Object sendBuffer, int sendOffset, int[] sendCounts, int[] displacements, Object recvBuffer, int recvOffset,
        int recvCount, Datatype type, int root);
}
