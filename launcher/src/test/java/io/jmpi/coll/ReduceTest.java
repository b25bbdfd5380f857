package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.Op;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static io.jmpi.coll.TestArrays.COMPOSE;
import static io.jmpi.coll.TestArrays.OPS;
import static io.jmpi.coll.TestArrays.TYPES;
import static io.jmpi.coll.TestArrays.USER_SUM;
import static io.jmpi.coll.TestArrays.assertSame;
import static io.jmpi.coll.TestArrays.copy;
import static io.jmpi.coll.TestArrays.defined;
import static io.jmpi.coll.TestArrays.fold;
import static io.jmpi.coll.TestArrays.force;
import static io.jmpi.coll.TestArrays.operands;
import static io.jmpi.coll.TestArrays.random;
import static io.jmpi.coll.TestArrays.seed;

/**
 * Reduce, allreduce and reduce-scatter through each algorithm, and allreduce through the tuned rule, against a
 * serial fold in rank order: predefined operations on the types they are defined on (all of them through allreduce's tuned rule), a
 * commutative and a non-commutative user operation, counts 0, 1 and odd (even for MINLOC and MAXLOC), 16 MiB, and
 * ByteBuffer and DirectBuffer arguments.
 */
class ReduceTest
{
    static final String[] REDUCE = { "linear", "binomial", "shm" };
    static final String[] ALLREDUCE = { "recursive_doubling", "ring", "reduce_bcast", "shm", "" };
    static final String[] REDUCE_SCATTER = { "ring", "reduce_scatterv", "shm" };

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void reductionsMatchTheSerialFoldByEveryAlgorithm(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "reduce");
    }

    /**
     * Run a case for each operation and type to test. The whole matrix (every predefined operation on every type
     * MPI defines it on) when {@code all}; else what exercises an algorithm's handling of types and operations:
     * SUM on every numeric type, every operation on int, logical operations on boolean, MINLOC on double, and the
     * two user operations. The kernels themselves are unit-tested in the runtime's OpTest.
     */
    static void forEachOpAndType(final boolean all, final OpTypeCase body)
    {
        for (final Op op : OPS)
        {
            for (final Datatype type : TYPES)
            {
                final boolean sample = Datatype.INT == type || Op.SUM == op ||
                    (Datatype.BOOLEAN == type && (Op.LAND == op || Op.BXOR == op)) ||
                    (Datatype.DOUBLE == type && Op.MINLOC == op);
                if (defined(op, type) && (all || sample))
                {
                    body.run(op, type);
                }
            }
        }
        body.run(USER_SUM, Datatype.INT);
        body.run(COMPOSE, Datatype.LONG);
    }

    static int[] counts(final Op op)
    {
        return Op.MINLOC == op || Op.MAXLOC == op ? new int[]{ 0, 2, 38 } : new int[]{ 0, 1, 37 };
    }

    interface OpTypeCase
    {
        void run(Op op, Datatype type);
    }

    static final class Area
    {
        static void run(final Comm world)
        {
            for (final String algorithm : REDUCE)
            {
                force("reduce", algorithm);
                forEachOpAndType(false, (op, type) -> reduce(world, algorithm, op, type));
            }
            force("reduce", "");
            for (final String algorithm : ALLREDUCE)
            {
                force("allreduce", algorithm);
                forEachOpAndType(algorithm.isEmpty(), (op, type) -> allreduce(world, algorithm, op, type));
                bufferKinds(world, algorithm);
            }
            for (final String algorithm : REDUCE_SCATTER)
            {
                force("reduce_scatter", algorithm);
                forEachOpAndType(false, (op, type) -> reduceScatter(world, algorithm, op, type));
            }
            force("reduce_scatter", "");
            sixteenMebibytes(world);
        }

        private static Object[] contributions(
            final Comm world, final Op op, final Datatype type, final int count, final long salt)
        {
            final Object[] contributions = new Object[world.size()];
            for (int r = 0; r < world.size(); r++)
            {
                contributions[r] = operands(op, type, count, r, seed(salt, r, count, type.size()));
            }
            return contributions;
        }

        private static void reduce(final Comm world, final String algorithm, final Op op, final Datatype type)
        {
            for (final int count : counts(op))
            {
                final Object[] contributions = contributions(world, op, type, count, 11);
                final int root = (count + type.size()) % world.size();
                final Object recv = random(type, count + 2, seed(12, world.rank()));
                final Object expected = copy(recv);
                System.arraycopy(fold(op, contributions, count), 0, expected, 1, count);
                world.reduce(contributions[world.rank()], 0, recv, 1, count, op, root);
                if (world.rank() == root)
                {
                    assertSame(expected, recv, "reduce " + algorithm + " " + op + " " + type + " count " + count);
                }
            }
        }

        private static void allreduce(final Comm world, final String algorithm, final Op op, final Datatype type)
        {
            for (final int count : counts(op))
            {
                final Object[] contributions = contributions(world, op, type, count, 21);
                final Object recv = random(type, count + 2, seed(22, world.rank()));
                final Object expected = copy(recv);
                System.arraycopy(fold(op, contributions, count), 0, expected, 1, count);
                world.allreduce(contributions[world.rank()], 0, recv, 1, count, op);
                assertSame(expected, recv, "allreduce " + algorithm + " " + op + " " + type + " count " + count);
            }
        }

        private static void reduceScatter(final Comm world, final String algorithm, final Op op, final Datatype type)
        {
            final int unit = op.operandLength();
            for (final int base : new int[]{ 0, 1, 5 })
            {
                final int[] recvCounts = new int[world.size()];
                int total = 0;
                for (int r = 0; r < world.size(); r++)
                {
                    recvCounts[r] = ((base + 3 * r) % 7) * unit;
                    total += recvCounts[r];
                }
                int start = 0;
                for (int r = 0; r < world.rank(); r++)
                {
                    start += recvCounts[r];
                }
                final int count = recvCounts[world.rank()];
                final Object[] contributions = contributions(world, op, type, total, 31 + base);
                final Object recv = random(type, count + 2, seed(32, world.rank()));
                final Object expected = copy(recv);
                System.arraycopy(fold(op, contributions, total), start, expected, 1, count);
                world.reduceScatter(contributions[world.rank()], 0, recv, 1, recvCounts, op);
                assertSame(expected, recv, "reduceScatter " + algorithm + " " + op + " " + type + " base " + base);
            }
        }

        private static void bufferKinds(final Comm world, final String algorithm)
        {
            final int count = 1001;
            final Object[] contributions = contributions(world, Op.SUM, Datatype.BYTE, count, 41);
            final byte[] expected = (byte[])fold(Op.SUM, contributions, count);
            final byte[] mine = (byte[])contributions[world.rank()];

            final ByteBuffer send = ByteBuffer.allocateDirect(count + 3);
            send.put(3, mine);
            final UnsafeBuffer recv = new UnsafeBuffer(new byte[count + 5]);
            world.allreduce(send, 3, recv, 5, count, Op.SUM);
            final byte[] actual = new byte[count];
            recv.getBytes(5, actual);
            assertSame(expected, actual, "allreduce " + algorithm + " direct ByteBuffer into UnsafeBuffer");

            final ByteBuffer heap = ByteBuffer.allocate(count);
            world.allreduce(mine, 0, heap, 0, count, Op.SUM);
            heap.get(0, actual);
            assertSame(expected, actual, "allreduce " + algorithm + " byte[] into heap ByteBuffer");
        }

        private static void sixteenMebibytes(final Comm world)
        {
            final int count = 4 << 20;
            final int[] mine = new int[count];
            final int[] expected = new int[count];
            for (int r = 0; r < world.size(); r++)
            {
                for (int i = 0; i < count; i++)
                {
                    final int value = i * (2 * r + 1) ^ r;
                    expected[i] += value;
                    if (r == world.rank())
                    {
                        mine[i] = value;
                    }
                }
            }
            final int[] recv = new int[count];
            for (final String algorithm : new String[]{ "recursive_doubling", "ring" })
            {
                force("allreduce", algorithm);
                world.allreduce(mine, 0, recv, 0, count, Op.SUM);
                assertSame(expected, recv, "allreduce " + algorithm + " 16 MiB");
            }
            force("allreduce", "");
            force("reduce", "binomial");
            final int root = world.size() - 1;
            world.reduce(mine, 0, recv, 0, count, Op.SUM, root);
            if (world.rank() == root)
            {
                assertSame(expected, recv, "reduce binomial 16 MiB");
            }
            force("reduce", "");
        }
    }
}
