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
 * Gather, gatherv, scatter, scatterv, allgather and allgatherv through each algorithm and the tuned rule: every type,
 * counts 0, 1 and odd, every root, blocks of different counts at displacements out of rank order and with gaps that
 * must stay untouched, ByteBuffers, and a 16 MiB allgather.
 */
class GatherScatterTest
{
    static final String[] GATHER = { "linear", "binomial", "shm", "" };
    static final String[] SCATTER = { "linear", "binomial", "shm", "" };
    static final String[] ALLGATHER = { "ring", "bruck", "shm", "" };
    static final String[] GATHERV = { "linear", "shm" };
    static final String[] SCATTERV = { "linear", "shm" };
    static final String[] ALLGATHERV = { "ring", "shm" };
    static final int[] COUNTS = { 0, 1, 37 };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void blocksLandInRankOrderByEveryAlgorithm(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "gather scatter");
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            for (int a = 0; a < GATHER.length; a++)
            {
                force("gather", GATHER[a]);
                force("scatter", SCATTER[a]);
                force("allgather", ALLGATHER[a]);
                for (final Datatype type : TYPES)
                {
                    for (final int count : COUNTS)
                    {
                        for (int root = 0; root < world.size(); root++)
                        {
                            gather(world, GATHER[a], type, count, root);
                            scatter(world, SCATTER[a], type, count, root);
                        }
                        allgather(world, ALLGATHER[a], type, count);
                    }
                }
            }
            for (int a = 0; a < GATHERV.length; a++)
            {
                force("gatherv", GATHERV[a]);
                force("scatterv", SCATTERV[a]);
                force("allgatherv", ALLGATHERV[a]);
                for (final Datatype type : TYPES)
                {
                    for (int root = 0; root < world.size(); root++)
                    {
                        gatherv(world, type, root);
                        scatterv(world, type, root);
                    }
                    allgatherv(world, type);
                }
            }
            force("gatherv", "");
            force("scatterv", "");
            force("allgatherv", "");
            byteBuffers(world);
            sixteenMebibyteAllgather(world);
        }

        private static Object block(final Datatype type, final int count, final int rank, final long salt)
        {
            return random(type, count, seed(salt, rank, count, type.size()));
        }

        private static void gather(
            final Comm world, final String algorithm, final Datatype type, final int count, final int root)
        {
            final int size = world.size();
            final Object recv = random(type, size * count + 2, seed(71, world.rank()));
            final Object expected = copy(recv);
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(type, count, r, 72), 0, expected, 1 + r * count, count);
            }
            final Object send = random(type, count + 1, 73);
            System.arraycopy(block(type, count, world.rank(), 72), 0, send, 1, count);
            world.gather(send, 1, count, recv, 1, count, root);
            if (world.rank() == root)
            {
                assertSame(expected, recv, "gather " + algorithm + " " + type + " count " + count + " root " + root);
            }
        }

        private static void scatter(
            final Comm world, final String algorithm, final Datatype type, final int count, final int root)
        {
            final int size = world.size();
            final Object send = random(type, size * count + 1, seed(74, world.rank()));
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(type, count, r, 75), 0, send, 1 + r * count, count);
            }
            final Object recv = random(type, count + 2, seed(76, world.rank()));
            final Object expected = copy(recv);
            System.arraycopy(block(type, count, world.rank(), 75), 0, expected, 1, count);
            world.scatter(send, 1, count, recv, 1, count, root);
            assertSame(expected, recv, "scatter " + algorithm + " " + type + " count " + count + " root " + root);
        }

        private static void allgather(final Comm world, final String algorithm, final Datatype type, final int count)
        {
            final int size = world.size();
            final Object recv = random(type, size * count + 2, seed(77, world.rank()));
            final Object expected = copy(recv);
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(type, count, r, 78), 0, expected, 1 + r * count, count);
            }
            world.allgather(block(type, count, world.rank(), 78), 0, count, recv, 1, count);
            assertSame(expected, recv, "allgather " + algorithm + " " + type + " count " + count);
        }

        /**
         * Rank r's block has {@code (3r + 1) % 5} elements, blocks go in reverse rank order with a gap of two
         * elements after each, so that displacements differ from a packed layout.
         */
        static int[] counts(final int size)
        {
            final int[] counts = new int[size];
            for (int r = 0; r < size; r++)
            {
                counts[r] = (3 * r + 1) % 5;
            }
            return counts;
        }

        static int[] displacements(final int[] counts)
        {
            final int[] displacements = new int[counts.length];
            int next = 0;
            for (int r = counts.length - 1; r >= 0; r--)
            {
                displacements[r] = next;
                next += counts[r] + 2;
            }
            return displacements;
        }

        static int extent(final int[] counts)
        {
            int extent = 0;
            for (final int count : counts)
            {
                extent += count + 2;
            }
            return extent;
        }

        private static void gatherv(final Comm world, final Datatype type, final int root)
        {
            final int[] counts = counts(world.size());
            final int[] displacements = displacements(counts);
            final Object recv = random(type, extent(counts) + 3, seed(81, world.rank()));
            final Object expected = copy(recv);
            for (int r = 0; r < world.size(); r++)
            {
                System.arraycopy(block(type, counts[r], r, 82), 0, expected, 3 + displacements[r], counts[r]);
            }
            final int mine = counts[world.rank()];
            world.gatherv(block(type, mine, world.rank(), 82), 0, mine, recv, 3, counts, displacements, root);
            if (world.rank() == root)
            {
                assertSame(expected, recv, "gatherv " + type + " root " + root);
            }
        }

        private static void scatterv(final Comm world, final Datatype type, final int root)
        {
            final int[] counts = counts(world.size());
            final int[] displacements = displacements(counts);
            final Object send = random(type, extent(counts) + 3, seed(83, world.rank()));
            for (int r = 0; r < world.size(); r++)
            {
                System.arraycopy(block(type, counts[r], r, 84), 0, send, 3 + displacements[r], counts[r]);
            }
            final int mine = counts[world.rank()];
            final Object recv = random(type, mine + 1, seed(85, world.rank()));
            final Object expected = copy(recv);
            System.arraycopy(block(type, mine, world.rank(), 84), 0, expected, 1, mine);
            world.scatterv(send, 3, counts, displacements, recv, 1, mine, root);
            assertSame(expected, recv, "scatterv " + type + " root " + root);
        }

        private static void allgatherv(final Comm world, final Datatype type)
        {
            final int[] counts = counts(world.size());
            final int[] displacements = displacements(counts);
            final Object recv = random(type, extent(counts) + 3, seed(86, world.rank()));
            final Object expected = copy(recv);
            for (int r = 0; r < world.size(); r++)
            {
                System.arraycopy(block(type, counts[r], r, 87), 0, expected, 3 + displacements[r], counts[r]);
            }
            final int mine = counts[world.rank()];
            world.allgatherv(block(type, mine, world.rank(), 87), 0, mine, recv, 3, counts, displacements);
            assertSame(expected, recv, "allgatherv " + type);
        }

        private static void byteBuffers(final Comm world)
        {
            final int count = 1000;
            final int size = world.size();
            final byte[] expected = new byte[size * count];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(Datatype.BYTE, count, r, 88), 0, expected, r * count, count);
            }
            final ByteBuffer send = ByteBuffer.allocateDirect(count);
            send.put(0, (byte[])block(Datatype.BYTE, count, world.rank(), 88));
            final ByteBuffer recv = ByteBuffer.allocate(size * count);
            world.allgather(send, 0, count, recv, 0, count);
            final byte[] actual = new byte[size * count];
            recv.get(0, actual);
            assertSame(expected, actual, "allgather ByteBuffers");

            final ByteBuffer gathered = ByteBuffer.allocateDirect(size * count);
            world.gather(send, 0, count, gathered, 0, count, 0);
            if (0 == world.rank())
            {
                gathered.get(0, actual);
                assertSame(expected, actual, "gather ByteBuffers");
            }
        }

        private static void sixteenMebibyteAllgather(final Comm world)
        {
            final int size = world.size();
            final int count = (16 << 20) / size;
            final byte[] expected = new byte[size * count];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(block(Datatype.BYTE, count, r, 89), 0, expected, r * count, count);
            }
            final byte[] recv = new byte[size * count];
            force("allgather", "ring");
            world.allgather(block(Datatype.BYTE, count, world.rank(), 89), 0, count, recv, 0, count);
            force("allgather", "");
            assertSame(expected, recv, "allgather ring 16 MiB");
        }
    }
}
