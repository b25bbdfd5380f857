package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.Group;
import io.jmpi.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static io.jmpi.coll.TestArrays.COMPOSE;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.check;
import static io.jmpi.coll.TestArrays.fold;
import static io.jmpi.coll.TestArrays.force;
import static io.jmpi.coll.TestArrays.operands;
import static io.jmpi.coll.TestArrays.random;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Collectives on communicators made by split, dup and create: both halves of a split broadcast at the same time by
 * each algorithm, each on its own stream; reductions follow the sub-communicator's rank order, keys included;
 * broadcasts on a duplicate interleave with the world's; a communicator freed and split again works.
 */
class CommSplitTest
{
    static final String[] BCAST = { "multicast", "binomial", "scatter_allgather", "shm" };

    @ParameterizedTest
    @ValueSource(ints = { 3, 4, 8 })
    void collectivesWorkOnSplitDupAndCreatedCommunicators(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "split");
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            final int rank = world.rank();

            final Comm half = world.split(rank % 2, rank);
            check(half.size() == (world.size() + 1 - rank % 2) / 2, "half size " + half.size());
            check(half.rank() == rank / 2, "half rank " + half.rank());
            bcastEveryAlgorithm(half, rank % 2);
            nonCommutativeAllreduce(half, rank % 2);

            final Comm reversed = world.split(0, -rank);
            check(reversed.rank() == world.size() - 1 - rank, "reversed rank " + reversed.rank());
            nonCommutativeAllreduce(reversed, 2);
            gatherWorldRanks(reversed);

            final Comm dup = world.dup();
            interleave(world, dup);

            final Group picked = world.group().incl(world.size() - 1, 0, 1);
            final Comm created = world.create(picked);
            check((null == created) == (rank > 1 && rank < world.size() - 1), "created at " + rank);
            if (null != created)
            {
                check(created.rank() == (rank == world.size() - 1 ? 0 : rank + 1), "created rank");
                bcastEveryAlgorithm(created, 3);
                gatherWorldRanks(created);
                created.free();
            }

            final Comm alone = world.split(rank == world.size() - 1 ? 1 : 0, 0);
            bcastEveryAlgorithm(alone, 4 + alone.size());
            nonCommutativeAllreduce(alone, 4 + alone.size());

            half.free();
            final Comm again = world.split(rank % 2, rank);
            bcastEveryAlgorithm(again, 10 + rank % 2);
            again.free();
            force("bcast", "");
        }

        private static void bcastEveryAlgorithm(final Comm comm, final int color)
        {
            for (final String algorithm : BCAST)
            {
                force("bcast", algorithm);
                for (int root = 0; root < comm.size(); root++)
                {
                    for (final int count : new int[]{ 1, 3001, 100_000 })
                    {
                        final Object data = random(Datatype.INT, count, seed(101, color, root, count));
                        final int[] buffer = comm.rank() == root ? (int[])data : new int[count];
                        comm.bcast(buffer, 0, count, root);
                        assertSame(data, buffer, "bcast " + algorithm + " on part " + color + " of size " +
                            comm.size() + " root " + root + " count " + count);
                    }
                }
            }
        }

        private static void nonCommutativeAllreduce(final Comm comm, final int color)
        {
            final int count = 9;
            final Object[] contributions = new Object[comm.size()];
            for (int r = 0; r < comm.size(); r++)
            {
                contributions[r] = operands(COMPOSE, Datatype.LONG, count, r, seed(102, color, r));
            }
            final long[] result = new long[count];
            for (final String algorithm : new String[]{ "recursive_doubling", "reduce_bcast" })
            {
                force("allreduce", algorithm);
                comm.allreduce(contributions[comm.rank()], 0, result, 0, count, COMPOSE);
                assertSame(fold(COMPOSE, contributions, count), result,
                    "allreduce " + algorithm + " in rank order on part " + color);
            }
            force("allreduce", "");
        }

        private static void gatherWorldRanks(final Comm comm)
        {
            final int[] mine = { Integer.parseInt(System.getenv("JMPI_RANK")) };
            final int[] all = new int[comm.size()];
            comm.allgather(mine, 0, 1, all, 0, 1);
            final int[] gathered = new int[comm.size()];
            comm.gather(mine, 0, 1, gathered, 0, 1, comm.size() - 1);
            if (comm.rank() == comm.size() - 1)
            {
                assertSame(all, gathered, "gather agrees with allgather");
            }
            final int[] sum = new int[1];
            comm.reduce(mine, 0, sum, 0, 1, Op.SUM, 0);
            if (0 == comm.rank())
            {
                int expected = 0;
                for (final int worldRank : all)
                {
                    expected += worldRank;
                }
                check(sum[0] == expected, "sum of world ranks " + sum[0] + ", expected " + expected);
            }
            check(all[comm.rank()] == mine[0], "own world rank at own place");
        }

        private static void interleave(final Comm world, final Comm dup)
        {
            force("bcast", "multicast");
            final int[] a = new int[100];
            final int[] b = new int[100];
            for (int i = 0; i < 50; i++)
            {
                final int rootA = i % world.size();
                final int rootB = (i + 1) % world.size();
                if (world.rank() == rootA)
                {
                    java.util.Arrays.fill(a, i);
                }
                if (world.rank() == rootB)
                {
                    java.util.Arrays.fill(b, -i);
                }
                world.bcast(a, 0, a.length, rootA);
                dup.bcast(b, 0, b.length, rootB);
                check(a[99] == i && b[0] == -i, "interleaved broadcast " + i + " got " + a[99] + ", " + b[0]);
            }
        }
    }
}
