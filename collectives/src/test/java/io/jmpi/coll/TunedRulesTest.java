package io.jmpi.coll;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tuned selection rule picks by communicator size, message size and commutativity.
 */
class TunedRulesTest
{
    @Test
    void bcastFollowsTheBenchmark()
    {
        assertEquals("binomial", TunedRules.bcast(1, 1 << 20, true, false, false));
        assertEquals("binomial", TunedRules.bcast(2, 8, true, false, false));
        assertEquals("binomial", TunedRules.bcast(2, TunedRules.BCAST_TWO_RANK_TREE_MAX_BYTES, true, false, false));
        assertEquals("multicast", TunedRules.bcast(2, 64 * 1024, true, false, false));
        assertEquals("multicast", TunedRules.bcast(3, 8, true, false, false));
        assertEquals("multicast", TunedRules.bcast(8, 1 << 20, true, false, false));
    }

    @Test
    void bcastWithoutMulticastTakesATreeOrScatterAllgather()
    {
        assertEquals("binomial", TunedRules.bcast(8, 8, false, false, false));
        assertEquals("scatter_allgather", TunedRules.bcast(8, TunedRules.BCAST_SCATTER_ALLGATHER_MIN_BYTES, false, false, false));
        assertEquals("binomial", TunedRules.bcast(2, 1 << 20, false, false, false));
    }

    @Test
    void allreduceTakesTheRingForLongCommutativeReductionsOnly()
    {
        assertEquals("recursive_doubling", TunedRules.allreduce(8, 1024, true, false, false));
        assertEquals("ring", TunedRules.allreduce(8, TunedRules.ALLREDUCE_RING_MIN_BYTES, true, false, false));
        assertEquals("recursive_doubling", TunedRules.allreduce(8, 1 << 24, false, false, false));
        assertEquals("recursive_doubling", TunedRules.allreduce(2, 1 << 24, true, false, false));
    }

    @Test
    void reduceScatterTakesTheRingForLongCommutativeReductionsOnly()
    {
        assertEquals("reduce_scatterv", TunedRules.reduceScatter(4, 64, true, false));
        assertEquals("ring", TunedRules.reduceScatter(4, TunedRules.REDUCE_SCATTER_RING_MIN_BYTES, true, false));
        assertEquals("reduce_scatterv", TunedRules.reduceScatter(4, 1 << 24, false, false));
    }

    @Test
    void treesServeShortBlocksOnMoreThanTwoRanks()
    {
        assertEquals("binomial", TunedRules.gather(8, 64, false));
        assertEquals("linear", TunedRules.gather(8, TunedRules.TREE_MAX_BLOCK_BYTES + 1, false));
        assertEquals("linear", TunedRules.gather(2, 64, false));
        assertEquals("binomial", TunedRules.scatter(4, 64, false));
        assertEquals("linear", TunedRules.scatter(4, 1 << 20, false));
    }

    @Test
    void bruckServesShortMessages()
    {
        assertEquals("bruck", TunedRules.allgather(8, 1024, false));
        assertEquals("ring", TunedRules.allgather(8, TunedRules.ALLGATHER_BRUCK_MAX_BYTES, false));
        assertEquals("bruck", TunedRules.alltoall(8, 16, false));
        assertEquals("pairwise", TunedRules.alltoall(8, 4096, false));
        assertEquals("pairwise", TunedRules.alltoall(2, 16, false));
    }

    @Test
    void scansTakeTheChainForLongMessages()
    {
        assertEquals("recursive_doubling", TunedRules.scan(8, 1024, false));
        assertEquals("linear", TunedRules.scan(8, TunedRules.SCAN_LINEAR_MIN_BYTES, false));
        assertEquals("recursive_doubling", TunedRules.exscan(8, 1024, false));
        assertEquals("linear", TunedRules.exscan(8, 1 << 20, false));
    }

    @Test
    void barrierAndReduceHaveOneChoice()
    {
        assertEquals("dissemination", TunedRules.barrier(5, false, false));
        assertEquals("binomial", TunedRules.reduce(5, 1 << 20, false, false));
    }

    @Test
    void membersOnOneHostUseTheSharedSegmentForEveryCollective()
    {
        assertEquals("shm", TunedRules.barrier(2, true, false));
        assertEquals("shm", TunedRules.bcast(8, 1 << 20, true, true, false));
        assertEquals("shm", TunedRules.reduce(4, 8, false, true));
        assertEquals("shm", TunedRules.allreduce(4, 1 << 20, true, true, false));
        assertEquals("shm", TunedRules.gather(8, 64, true));
        assertEquals("shm", TunedRules.scatter(8, 64, true));
        assertEquals("shm", TunedRules.allgather(8, 1024, true));
        assertEquals("shm", TunedRules.alltoall(8, 16, true));
        assertEquals("shm", TunedRules.reduceScatter(4, 64, true, true));
        assertEquals("shm", TunedRules.scan(8, 1024, true));
        assertEquals("shm", TunedRules.exscan(8, 1024, true));
        assertEquals("shm", TunedRules.gatherv(true));
        assertEquals("linear", TunedRules.gatherv(false));
        assertEquals("linear", TunedRules.scatterv(false));
        assertEquals("ring", TunedRules.allgatherv(false));
        assertEquals("pairwise", TunedRules.alltoallv(false));
    }

    @Test
    void membersAcrossHostsWithSeveralOnAHostGoInTwoLevels()
    {
        assertEquals("hierarchical", TunedRules.barrier(6, false, true));
        assertEquals("hierarchical", TunedRules.bcast(6, 8, true, false, true));
        assertEquals("hierarchical", TunedRules.bcast(6, 1 << 20, false, false, true));
        assertEquals("hierarchical", TunedRules.allreduce(6, 8, true, false, true));
        assertEquals("recursive_doubling", TunedRules.allreduce(6, 8, false, false, true));
        assertEquals("shm", TunedRules.allreduce(6, 8, true, true, false));
    }
}
