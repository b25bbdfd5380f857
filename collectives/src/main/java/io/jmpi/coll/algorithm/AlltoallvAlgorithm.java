package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Alltoallv.
 */
public interface AlltoallvAlgorithm extends Algorithm
{
    /**
     * Member i's block for member j, of {@code sendCounts[j]} elements, lands at {@code recvDisplacements[i]} of
     * member j's receive buffer.
     *
     * @param sendBuffer        the blocks to send.
     * @param sendOffset        element that send displacements count from.
     * @param sendCounts        elements sent to each member.
     * @param sendDisplacements where each destination's block starts.
     * @param recvBuffer        the blocks received.
     * @param recvOffset        element that receive displacements count from.
     * @param recvCounts        elements received from each member.
     * @param recvDisplacements where each source's block goes.
     * @param type              datatype of the buffers.
     */
    void alltoallv(
        Object sendBuffer, int sendOffset, int[] sendCounts, int[] sendDisplacements,
        Object recvBuffer, int recvOffset, int[] recvCounts, int[] recvDisplacements, Datatype type);
}
