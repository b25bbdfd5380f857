package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Alltoall.
 */
public interface AlltoallAlgorithm extends Algorithm
{
    /**
     * Block j of member i's send buffer becomes block i of member j's receive buffer.
     *
     * @param sendBuffer {@code size * count} elements, one block per destination.
     * @param sendOffset first element.
     * @param count      elements in each block, the same at every member.
     * @param recvBuffer room for {@code size * count} elements, one block per source.
     * @param recvOffset first element.
     * @param type       datatype of the buffers.
     */
    void alltoall(Object sendBuffer, int sendOffset, int count, Object recvBuffer, int recvOffset, Datatype type);
}
