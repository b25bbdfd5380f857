package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * An algorithm of MPI_Exscan. Buffers are primitive arrays of one type.
 */
public interface ExscanAlgorithm extends Algorithm
{
    /**
     * Member i receives {@code x0 op ... op xi-1}; member 0's receive buffer is left unchanged.
     *
     * @param sendBuffer this member's contribution.
     * @param sendOffset first element.
     * @param recvBuffer the exclusive prefix reduction.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param type       datatype of the buffers.
     * @param op         reduction operation, checked for the type and count.
     */
    void exscan(Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Datatype type, Op op);
}
