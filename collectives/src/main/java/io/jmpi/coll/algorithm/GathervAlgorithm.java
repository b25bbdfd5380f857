package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Gatherv.
 */
public interface GathervAlgorithm extends Algorithm
{
    /**
     * The root receives each member's block at that member's displacement.
     *
     * @param sendBuffer    this member's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this member's block.
     * @param recvBuffer    at the root, the blocks; ignored elsewhere.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    at the root, elements received from each member.
     * @param displacements at the root, where each member's block goes, relative to recvOffset.
     * @param type          datatype of the buffers.
     * @param root          rank of the root.
     */
    void gatherv(
        Object sendBuffer, int sendOffset, int sendCount, Object recvBuffer, int recvOffset, int[] recvCounts,
        int[] displacements, Datatype type, int root);
}
