package io.jmpi.coll.algorithm;

/**
 * An algorithm of MPI_Barrier.
 */
public interface BarrierAlgorithm extends Algorithm
{
    /**
     * Return once every member has entered the barrier.
     */
    void barrier();
}
