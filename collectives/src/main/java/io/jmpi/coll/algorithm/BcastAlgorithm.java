package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;

/**
 * An algorithm of MPI_Bcast.
 */
public interface BcastAlgorithm extends Algorithm
{
    /**
     * The root's {@code count} elements reach every member's buffer.
     *
     * @param buffer data at the root, destination elsewhere.
     * @param offset first element.
     * @param count  number of elements, the same at every member.
     * @param type   the buffer's datatype.
     * @param root   rank of the root.
     */
    void bcast(Object buffer, int offset, int count, Datatype type, int root);
}
