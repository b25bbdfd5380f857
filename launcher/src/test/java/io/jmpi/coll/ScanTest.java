package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.copy;
import static io.jmpi.coll.TestArrays.fold;
import static io.jmpi.coll.TestArrays.force;
import static io.jmpi.coll.TestArrays.operands;
import static io.jmpi.coll.TestArrays.random;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Scan and exscan through each algorithm, against serial prefix folds in rank order; exscan
 * leaves rank 0's buffer as it was.
 */
class ScanTest
{
    static final String[] ALGORITHMS = { "recursive_doubling", "linear", "shm" };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void prefixReductionsMatchTheSerialFoldsByEveryAlgorithm(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "scan");
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            for (final String algorithm : ALGORITHMS)
            {
                force("scan", algorithm);
                force("exscan", algorithm);
                ReduceTest.forEachOpAndType(false, (op, type) -> scans(world, algorithm, op, type));
                byteBuffers(world, algorithm);
            }
            force("scan", "");
            force("exscan", "");
        }

        private static void scans(final Comm world, final String algorithm, final Op op, final Datatype type)
        {
            final int rank = world.rank();
            for (final int count : ReduceTest.counts(op))
            {
                final String what = algorithm + " " + op + " " + type + " count " + count;
                final Object[] contributions = new Object[world.size()];
                for (int r = 0; r < world.size(); r++)
                {
                    contributions[r] = operands(op, type, count, r, seed(61, r, count, type.size()));
                }

                final Object scanned = random(type, count + 2, seed(62, rank));
                final Object expected = copy(scanned);
                System.arraycopy(fold(op, Arrays.copyOf(contributions, rank + 1), count), 0, expected, 1, count);
                world.scan(contributions[rank], 0, scanned, 1, count, op);
                assertSame(expected, scanned, "scan " + what);

                final Object exscanned = random(type, count + 2, seed(63, rank));
                final Object exExpected = copy(exscanned);
                if (rank > 0)
                {
                    System.arraycopy(fold(op, Arrays.copyOf(contributions, rank), count), 0, exExpected, 1, count);
                }
                world.exscan(contributions[rank], 0, exscanned, 1, count, op);
                assertSame(exExpected, exscanned, "exscan " + what);
            }
        }

        private static void byteBuffers(final Comm world, final String algorithm)
        {
            final int count = 513;
            final int rank = world.rank();
            final Object[] contributions = new Object[world.size()];
            for (int r = 0; r < world.size(); r++)
            {
                contributions[r] = operands(Op.SUM, Datatype.BYTE, count, r, seed(64, r));
            }
            final ByteBuffer send = ByteBuffer.allocateDirect(count);
            send.put(0, (byte[])contributions[rank]);
            final ByteBuffer recv = ByteBuffer.allocate(count);
            final byte[] before = (byte[])random(Datatype.BYTE, count, seed(65, rank));
            recv.put(0, before);

            world.exscan(send, 0, recv, 0, count, Op.SUM);
            final byte[] actual = new byte[count];
            recv.get(0, actual);
            assertSame(0 == rank ? before : fold(Op.SUM, Arrays.copyOf(contributions, rank), count), actual,
                "exscan " + algorithm + " ByteBuffers");

            world.scan(send, 0, recv, 0, count, Op.SUM);
            recv.get(0, actual);
            assertSame(fold(Op.SUM, Arrays.copyOf(contributions, rank + 1), count), actual,
                "scan " + algorithm + " ByteBuffers");
        }
    }
}
