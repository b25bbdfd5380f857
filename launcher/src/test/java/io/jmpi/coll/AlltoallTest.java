package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static io.jmpi.coll.TestArrays.TYPES;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.copy;
import static io.jmpi.coll.TestArrays.force;
import static io.jmpi.coll.TestArrays.random;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Alltoall through each algorithm and the tuned rule, and alltoallv: every type, counts 0, 1 and odd, blocks of
 * different counts at displacements out of rank order with gaps that must stay untouched, and ByteBuffers.
 */
class AlltoallTest
{
    static final String[] ALGORITHMS = { "pairwise", "bruck", "shm", "" };
    static final String[] V_ALGORITHMS = { "pairwise", "shm" };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void everyBlockReachesItsRankByEveryAlgorithm(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "alltoall");
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            for (final String algorithm : ALGORITHMS)
            {
                force("alltoall", algorithm);
                for (final Datatype type : TYPES)
                {
                    for (final int count : new int[]{ 0, 1, 37 })
                    {
                        alltoall(world, algorithm, type, count);
                    }
                }
                byteBuffers(world, algorithm);
            }
            force("alltoall", "");
            for (final String algorithm : V_ALGORITHMS)
            {
                force("alltoallv", algorithm);
                for (final Datatype type : TYPES)
                {
                    alltoallv(world, type);
                }
            }
            force("alltoallv", "");
        }

        /**
         * @return the block that {@code source} sends to {@code destination}.
         */
        private static Object block(
            final Datatype type, final int count, final int source, final int destination, final long salt)
        {
            return random(type, count, seed(salt, source, destination, count, type.size()));
        }

        private static void alltoall(final Comm world, final String algorithm, final Datatype type, final int count)
        {
            final int size = world.size();
            final int rank = world.rank();
            final Object send = random(type, size * count + 1, 91);
            final Object recv = random(type, size * count + 2, seed(92, rank));
            final Object expected = copy(recv);
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(type, count, rank, r, 93), 0, send, 1 + r * count, count);
                System.arraycopy(block(type, count, r, rank, 93), 0, expected, 1 + r * count, count);
            }
            world.alltoall(send, 1, count, recv, 1, count);
            assertSame(expected, recv, "alltoall " + algorithm + " " + type + " count " + count);
        }

        private static void byteBuffers(final Comm world, final String algorithm)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int count = 300;
            final ByteBuffer send = ByteBuffer.allocateDirect(size * count);
            final byte[] expected = new byte[size * count];
            for (int r = 0; r < size; r++)
            {
                send.put(r * count, (byte[])block(Datatype.BYTE, count, rank, r, 94));
                System.arraycopy(block(Datatype.BYTE, count, r, rank, 94), 0, expected, r * count, count);
            }
            final ByteBuffer recv = ByteBuffer.allocate(size * count);
            world.alltoall(send, 0, count, recv, 0, count);
            final byte[] actual = new byte[size * count];
            recv.get(0, actual);
            assertSame(expected, actual, "alltoall " + algorithm + " ByteBuffers");
        }

        /**
         * Rank s sends {@code (s + 2d) % 4} elements to rank d; blocks are laid out in reverse rank order, with a gap
         * of one element after each on the send side and two on the receive side.
         */
        private static void alltoallv(final Comm world, final Datatype type)
        {
            final int size = world.size();
            final int rank = world.rank();
            final int[] sendCounts = new int[size];
            final int[] recvCounts = new int[size];
            for (int r = 0; r < size; r++)
            {
                sendCounts[r] = (rank + 2 * r) % 4;
                recvCounts[r] = (r + 2 * rank) % 4;
            }
            final int[] sendDisplacements = new int[size];
            final int[] recvDisplacements = new int[size];
            int sendExtent = 0;
            int recvExtent = 0;
            for (int r = size - 1; r >= 0; r--)
            {
                sendDisplacements[r] = sendExtent;
                sendExtent += sendCounts[r] + 1;
                recvDisplacements[r] = recvExtent;
                recvExtent += recvCounts[r] + 2;
            }

            final Object send = random(type, sendExtent, seed(95, rank));
            final Object recv = random(type, recvExtent + 1, seed(96, rank));
            final Object expected = copy(recv);
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(type, sendCounts[r], rank, r, 97), 0, send, sendDisplacements[r], sendCounts[r]);
                System.arraycopy(
                    block(type, recvCounts[r], r, rank, 97), 0, expected, 1 + recvDisplacements[r], recvCounts[r]);
            }
            world.alltoallv(send, 0, sendCounts, sendDisplacements, recv, 1, recvCounts, recvDisplacements);
            assertSame(expected, recv, "alltoallv " + type);
        }
    }
}
