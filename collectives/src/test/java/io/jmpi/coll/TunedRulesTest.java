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
        assertEquals("binomial", TunedRules.bcast(1, 1 << 20, true));
        assertEquals("binomial", TunedRules.bcast(2, 8, true));
        assertEquals("binomial", TunedRules.bcast(2, TunedRules.BCAST_TWO_RANK_TREE_MAX_BYTES, true));
        assertEquals("multicast", TunedRules.bcast(2, 64 * 1024, true));
        assertEquals("multicast", TunedRules.bcast(3, 8, true));
        assertEquals("multicast", TunedRules.bcast(8, 1 << 20, true));
    }

    @Test
    void bcastWithoutMulticastTakesATreeOrScatterAllgather()
    {
        assertEquals("binomial", TunedRules.bcast(8, 8, false));
        assertEquals("scatter_allgather", TunedRules.bcast(8, TunedRules.BCAST_SCATTER_ALLGATHER_MIN_BYTES, false));
        assertEquals("binomial", TunedRules.bcast(2, 1 << 20, false));
    }

    @Test
    void allreduceTakesTheRingForLongCommutativeReductionsOnly()
    {
        assertEquals("recursive_doubling", TunedRules.allreduce(8, 1024, true));
        assertEquals("ring", TunedRules.allreduce(8, TunedRules.ALLREDUCE_RING_MIN_BYTES, true));
        assertEquals("recursive_doubling", TunedRules.allreduce(8, 1 << 24, false));
        assertEquals("recursive_doubling", TunedRules.allreduce(2, 1 << 24, true));
    }

    @Test
    void reduceScatterTakesTheRingForLongCommutativeReductionsOnly()
    {
        assertEquals("reduce_scatterv", TunedRules.reduceScatter(4, 64, true));
        assertEquals("ring", TunedRules.reduceScatter(4, TunedRules.REDUCE_SCATTER_RING_MIN_BYTES, true));
        assertEquals("reduce_scatterv", TunedRules.reduceScatter(4, 1 << 24, false));
    }

    @Test
    void treesServeShortBlocksOnMoreThanTwoRanks()
    {
        assertEquals("binomial", TunedRules.gather(8, 64));
        assertEquals("linear", TunedRules.gather(8, TunedRules.TREE_MAX_BLOCK_BYTES + 1));
        assertEquals("linear", TunedRules.gather(2, 64));
        assertEquals("binomial", TunedRules.scatter(4, 64));
        assertEquals("linear", TunedRules.scatter(4, 1 << 20));
    }

    @Test
    void bruckServesShortMessages()
    {
        assertEquals("bruck", TunedRules.allgather(8, 1024));
        assertEquals("ring", TunedRules.allgather(8, TunedRules.ALLGATHER_BRUCK_MAX_BYTES));
        assertEquals("bruck", TunedRules.alltoall(8, 16));
        assertEquals("pairwise", TunedRules.alltoall(8, 4096));
        assertEquals("pairwise", TunedRules.alltoall(2, 16));
    }

    @Test
    void scansTakeTheChainForLongMessages()
    {
        assertEquals("recursive_doubling", TunedRules.scan(8, 1024));
        assertEquals("linear", TunedRules.scan(8, TunedRules.SCAN_LINEAR_MIN_BYTES));
        assertEquals("recursive_doubling", TunedRules.exscan(8, 1024));
        assertEquals("linear", TunedRules.exscan(8, 1 << 20));
    }

    @Test
    void barrierAndReduceHaveOneChoice()
    {
        assertEquals("dissemination", TunedRules.barrier(5));
        assertEquals("binomial", TunedRules.reduce(5, 1 << 20, false));
    }
}
