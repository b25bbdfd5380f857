package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * An algorithm of MPI_Reduce. Buffers are primitive arrays of one type.
 */
public interface ReduceAlgorithm extends Algorithm
{
    /**
     * The root receives {@code x0 op x1 op ... op xn-1}, element-wise over every member's send buffer.
     *
     * @param sendBuffer this member's contribution.
     * @param sendOffset first element of the contribution.
     * @param recvBuffer the result at the root; ignored, and may be null, elsewhere.
     * @param recvOffset first element of the result.
     * @param count      number of elements.
     * @param type       datatype of the buffers.
     * @param op         reduction operation, checked for the type and count.
     * @param root       rank of the root.
     */
    void reduce(
        Object sendBuffer, int sendOffset, Object recvBuffer, int recvOffset, int count, Datatype type, Op op,
        int root);
}
