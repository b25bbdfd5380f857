package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static io.jmpi.coll.TestArrays.TYPES;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.copy;
import static io.jmpi.coll.TestArrays.copyOfRange;
import static io.jmpi.coll.TestArrays.force;
import static io.jmpi.coll.TestArrays.random;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Broadcast through each algorithm, forced by property, and through the tuned rule: every type, counts 0, 1, odd and
 * 16 MiB, every root, every buffer kind; and 1,000 multicast broadcasts from rotating roots, which must arrive in call
 * order.
 */
class BcastTest
{
    static final String[] ALGORITHMS = { "multicast", "binomial", "scatter_allgather", "shm", "" };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void broadcastsReachEveryRankByEveryAlgorithm(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "bcast");
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            for (final String algorithm : ALGORITHMS)
            {
                force("bcast", algorithm);
                everyTypeCountAndRoot(world, algorithm);
                bufferKinds(world, algorithm);
                if (!algorithm.isEmpty())
                {
                    sixteenMebibytes(world, algorithm);
                }
            }
            force("bcast", "multicast");
            rotatingRoots(world);
            force("bcast", "");
        }

        private static void everyTypeCountAndRoot(final Comm world, final String algorithm)
        {
            for (final Datatype type : TYPES)
            {
                for (final int count : new int[]{ 0, 1, 37 })
                {
                    for (int root = 0; root < world.size(); root++)
                    {
                        final String what = algorithm + " " + type + " count " + count + " root " + root;
                        final Object data = random(type, count + 2, seed(1, root, count, type.size()));
                        final Object buffer = world.rank() == root ?
                            copy(data) : random(type, count + 2, seed(2, world.rank(), count));
                        final Object expected = copy(buffer);
                        System.arraycopy(data, 1, expected, 1, count);
                        world.bcast(buffer, 1, count, root);
                        assertSame(expected, buffer, what);
                    }
                }
            }
        }

        private static void bufferKinds(final Comm world, final String algorithm)
        {
            final int length = 70_001;
            final byte[] data = (byte[])random(Datatype.BYTE, length, seed(3, length));
            final int root = world.size() / 2;
            final boolean isRoot = world.rank() == root;

            final ByteBuffer heap = ByteBuffer.allocate(length);
            final ByteBuffer direct = ByteBuffer.allocateDirect(length);
            final UnsafeBuffer unsafe = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
            if (isRoot)
            {
                heap.put(0, data);
                direct.put(0, data);
                unsafe.putBytes(0, data);
            }
            world.bcast(heap, 0, length, root);
            world.bcast(direct, 0, length, root);
            world.bcast(unsafe, 0, length, root);

            final byte[] actual = new byte[length];
            heap.get(0, actual);
            assertSame(data, actual, algorithm + " heap ByteBuffer");
            direct.get(0, actual);
            assertSame(data, actual, algorithm + " direct ByteBuffer");
            unsafe.getBytes(0, actual);
            assertSame(data, actual, algorithm + " UnsafeBuffer");
        }

        private static void sixteenMebibytes(final Comm world, final String algorithm)
        {
            final int length = 16 << 20;
            final int root = world.size() - 1;
            final byte[] data = (byte[])random(Datatype.BYTE, length, seed(4, length));
            final byte[] buffer = world.rank() == root ? data : new byte[length];
            world.bcast(buffer, 0, length, root);
            assertSame(data, buffer, algorithm + " 16 MiB");
        }

        /**
         * 1,000 broadcasts of varying lengths, each from the next root: every rank checks each one, so a broadcast
         * that overtook another, or came from the wrong root, fails.
         */
        private static void rotatingRoots(final Comm world)
        {
            final int[] buffer = new int[5000];
            for (int i = 0; i < 1000; i++)
            {
                final int root = i % world.size();
                final int count = (i * 7919) % 5000;
                final int[] expected = new int[count];
                for (int j = 0; j < count; j++)
                {
                    expected[j] = i * 31 + j;
                }
                if (world.rank() == root)
                {
                    System.arraycopy(expected, 0, buffer, 0, count);
                }
                world.bcast(buffer, 0, count, root);
                assertSame(expected, copyOfRange(buffer, 0, count), "broadcast " + i + " from " + root);
            }
        }
    }
}
