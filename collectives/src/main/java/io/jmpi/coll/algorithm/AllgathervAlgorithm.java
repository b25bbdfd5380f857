package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Allgatherv.
 */
public interface AllgathervAlgorithm extends Algorithm
{
    /**
     * Every member receives each member's block at that member's displacement.
     *
     * @param sendBuffer    this member's block.
     * @param sendOffset    first element of the block.
     * @param sendCount     elements in this member's block, {@code recvCounts[rank]}.
     * @param recvBuffer    the blocks.
     * @param recvOffset    element that displacements count from.
     * @param recvCounts    elements of each member's block.
     * @param displacements where each member's block goes, relative to recvOffset.
     * @param type          datatype of the buffers.
     */
    void allgatherv(
        Object sendBuffer, int sendOffset, int sendCount, Object recvBuffer, int recvOffset, int[] recvCounts,
        int[] displacements, Datatype type);
}
