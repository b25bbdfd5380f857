package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;
import mpi.User_function;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every collective of the mpiJava API, every predefined operation on every type it applies to, MINLOC and MAXLOC
 * on the pair types, user operations (commutative or not, on items of several elements), objects, and derived
 * datatypes in collectives.
 */
class CollectivesTest
{
    @Test
    void collectivesOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, Collectives.class).assertSuccess().linesOfRank(0));
    }

    @Test
    void collectivesOnEightRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(8, Collectives.class).assertSuccess().linesOfRank(0));
    }

    public static final class Collectives
    {
        private static final int MOD = 10007;

        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();

            dataMovement(world, rank, size);
            predefinedOperations(world, rank, size);
            locations(world, rank, size);
            userOperations(world, rank, size);
            objects(world, rank, size);
            derived(world, rank, size);

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        private static void dataMovement(final Intracomm world, final int rank, final int size) throws Exception
        {
            world.Barrier();
            final int root = size - 1;
            final double[] bcast = new double[5];
            if (rank == root)
            {
                Arrays.fill(bcast, 1, 4, 2.5);
            }
            world.Bcast(bcast, 1, 3, MPI.DOUBLE, root);
            Check.equal(new double[]{ 0, 2.5, 2.5, 2.5, 0 }, bcast, "Bcast");
            final boolean[] flags = { rank == 0, false };
            world.Bcast(flags, 0, 2, MPI.BOOLEAN, 0);
            Check.equal(new boolean[]{ true, false }, flags, "Bcast of booleans");

            final int[] gathered = new int[2 * size + 1];
            world.Gather(new int[]{ rank, -rank }, 0, 2, MPI.INT, gathered, 1, 2, MPI.INT, root);
            if (rank == root)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r, gathered[1 + 2 * r], "Gather block " + r);
                    Check.equal(-r, gathered[2 + 2 * r], "Gather block " + r + " second element");
                }
            }

            final int[] counts = new int[size];
            final int[] displs = new int[size];
            int total = 0;
            for (int r = 0; r < size; r++)
            {
                counts[r] = r + 1;
                displs[r] = total + r;
                total += r + 1 + r;
            }
            final long[] mine = new long[rank + 1];
            Arrays.fill(mine, 100L + rank);
            final long[] varying = new long[total];
            world.Gatherv(mine, 0, rank + 1, MPI.LONG, varying, 0, counts, displs, MPI.LONG, 0);
            if (0 == rank)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(100L + r, varying[displs[r] + r], "Gatherv block " + r);
                }
            }
            final long[] scattered = new long[size];
            world.Scatterv(varying, 0, counts, displs, MPI.LONG, scattered, 0, rank + 1, MPI.LONG, 0);
            Check.equal(100L + rank, scattered[rank], "Scatterv");

            final short[] all = new short[size];
            for (int r = 0; r < size; r++)
            {
                all[r] = (short)(r * 3);
            }
            final short[] one = new short[1];
            world.Scatter(all, 0, 1, MPI.SHORT, one, 0, 1, MPI.SHORT, 0);
            Check.equal(rank * 3, one[0], "Scatter");

            final char[] letters = new char[size];
            world.Allgather(new char[]{ (char)('a' + rank) }, 0, 1, MPI.CHAR, letters, 0, 1, MPI.CHAR);
            for (int r = 0; r < size; r++)
            {
                Check.equal('a' + r, letters[r], "Allgather " + r);
            }
            final long[] allVarying = new long[total];
            world.Allgatherv(mine, 0, rank + 1, MPI.LONG, allVarying, 0, counts, displs, MPI.LONG);
            for (int r = 0; r < size; r++)
            {
                Check.equal(100L + r, allVarying[displs[r]], "Allgatherv block " + r);
            }

            final float[] sendBlocks = new float[2 * size];
            for (int d = 0; d < size; d++)
            {
                sendBlocks[2 * d] = rank * 100 + d;
                sendBlocks[2 * d + 1] = -(rank * 100 + d);
            }
            final float[] recvBlocks = new float[2 * size];
            world.Alltoall(sendBlocks, 0, 2, MPI.FLOAT, recvBlocks, 0, 2, MPI.FLOAT);
            for (int s = 0; s < size; s++)
            {
                Check.equal(s * 100 + rank, recvBlocks[2 * s], "Alltoall from " + s);
            }

            final int[] sendCounts = new int[size];
            final int[] sdispls = new int[size];
            final int[] recvCounts = new int[size];
            final int[] rdispls = new int[size];
            for (int r = 0; r < size; r++)
            {
                sendCounts[r] = r + 1;
                sdispls[r] = r * size;
                recvCounts[r] = rank + 1;
                rdispls[r] = r * size;
            }
            final byte[] sendBytes = new byte[size * size];
            for (int d = 0; d < size; d++)
            {
                Arrays.fill(sendBytes, d * size, d * size + d + 1, (byte)(rank * 10 + d));
            }
            final byte[] recvBytes = new byte[size * size];
            world.Alltoallv(sendBytes, 0, sendCounts, sdispls, MPI.BYTE, recvBytes, 0, recvCounts, rdispls, MPI.BYTE);
            for (int s = 0; s < size; s++)
            {
                Check.equal((byte)(s * 10 + rank), recvBytes[s * size + rank], "Alltoallv from " + s);
            }
        }

        private static void predefinedOperations(final Intracomm world, final int rank, final int size)
            throws Exception
        {
            final Datatype[] numeric = { MPI.BYTE, MPI.SHORT, MPI.CHAR, MPI.INT, MPI.LONG, MPI.FLOAT, MPI.DOUBLE };
            final Class<?>[] elements = { byte.class, short.class, char.class, int.class, long.class, float.class,
                double.class };
            final Op[] arithmetic = { MPI.SUM, MPI.PROD, MPI.MIN, MPI.MAX };
            final Op[] bitwise = { MPI.BAND, MPI.BOR, MPI.BXOR, MPI.LAND, MPI.LOR, MPI.LXOR };
            final int n = 4;
            for (int t = 0; t < numeric.length; t++)
            {
                for (int o = 0; o < arithmetic.length; o++)
                {
                    final Object in = array(elements[t], n, rank, (r, i) -> (r * 3 + i) % 7 + 1);
                    final Object out = Array.newInstance(elements[t], n);
                    world.Allreduce(in, 0, out, 0, n, numeric[t], arithmetic[o]);
                    final Object expected = Array.newInstance(elements[t], n);
                    for (int i = 0; i < n; i++)
                    {
                        long acc = (i % 7) + 1;
                        for (int r = 1; r < size; r++)
                        {
                            final long v = (r * 3 + i) % 7 + 1;
                            acc = switch (o)
                            {
                                case 0 -> acc + v;
                                case 1 -> wrap(elements[t], acc * v);
                                case 2 -> Math.min(acc, v);
                                default -> Math.max(acc, v);
                            };
                        }
                        set(expected, i, wrap(elements[t], acc));
                    }
                    Check.equal(expected, out, "Allreduce " + o + " of " + numeric[t]);
                }
                if (t >= 5)
                {
                    continue;
                }
                for (int o = 0; o < bitwise.length; o++)
                {
                    final Object in = array(elements[t], n, rank, (r, i) -> (r * 5 + i * 3) % 4);
                    final Object out = Array.newInstance(elements[t], n);
                    world.Allreduce(in, 0, out, 0, n, numeric[t], bitwise[o]);
                    final Object expected = Array.newInstance(elements[t], n);
                    for (int i = 0; i < n; i++)
                    {
                        long acc = (i * 3) % 4;
                        for (int r = 1; r < size; r++)
                        {
                            final long v = (r * 5 + i * 3) % 4;
                            acc = switch (o)
                            {
                                case 0 -> acc & v;
                                case 1 -> acc | v;
                                case 2 -> acc ^ v;
                                case 3 -> acc != 0 && v != 0 ? 1 : 0;
                                case 4 -> acc != 0 || v != 0 ? 1 : 0;
                                default -> (acc != 0) ^ (v != 0) ? 1 : 0;
                            };
                        }
                        set(expected, i, acc);
                    }
                    Check.equal(expected, out, "Allreduce bitwise/logical " + o + " of " + numeric[t]);
                }
            }
            for (int o = 0; o < bitwise.length; o++)
            {
                final boolean[] in = { rank % 2 == 0, rank == 1, true, false };
                final boolean[] out = new boolean[4];
                world.Allreduce(in, 0, out, 0, 4, MPI.BOOLEAN, bitwise[o]);
                final boolean[] expected = { true, false, true, false };
                for (int r = 1; r < size; r++)
                {
                    final boolean[] v = { r % 2 == 0, r == 1, true, false };
                    for (int i = 0; i < 4; i++)
                    {
                        expected[i] = switch (o % 3)
                        {
                            case 0 -> expected[i] & v[i];
                            case 1 -> expected[i] | v[i];
                            default -> expected[i] ^ v[i];
                        };
                    }
                }
                Check.equal(expected, out, "Allreduce " + o + " of BOOLEAN");
            }
            try
            {
                world.Allreduce(new double[1], 0, new double[1], 0, 1, MPI.DOUBLE, MPI.BAND);
                Check.fail("BAND on doubles");
            }
            catch (final MPIException expected)
            {
                Check.equal(10, expected.getErrorClass(), "BAND on doubles (MPI_ERR_OP)");
            }

            final int root = size / 2;
            final int[] sum = new int[2];
            world.Reduce(new int[]{ rank, 1 }, 0, sum, 0, 2, MPI.INT, MPI.SUM, root);
            if (rank == root)
            {
                Check.equal(new int[]{ size * (size - 1) / 2, size }, sum, "Reduce SUM at the root");
            }
            final long[] prefix = new long[1];
            world.Scan(new long[]{ rank + 1 }, 0, prefix, 0, 1, MPI.LONG, MPI.SUM);
            Check.equal((long)(rank + 1) * (rank + 2) / 2, prefix[0], "Scan");
            final int[] blockCounts = new int[size];
            int items = 0;
            for (int r = 0; r < size; r++)
            {
                blockCounts[r] = r % 3;
                items += r % 3;
            }
            final double[] contribution = new double[items];
            for (int i = 0; i < items; i++)
            {
                contribution[i] = i + rank;
            }
            final double[] block = new double[2];
            world.Reduce_scatter(contribution, 0, block, 0, blockCounts, MPI.DOUBLE, MPI.SUM);
            int start = 0;
            for (int r = 0; r < rank; r++)
            {
                start += blockCounts[r];
            }
            for (int i = 0; i < blockCounts[rank]; i++)
            {
                Check.equal((double)(start + i) * size + size * (size - 1) / 2.0, block[i], "Reduce_scatter " + i);
            }
        }

        private static void locations(final Intracomm world, final int rank, final int size) throws Exception
        {
            final Datatype[] pairs = { MPI.SHORT2, MPI.INT2, MPI.LONG2, MPI.FLOAT2, MPI.DOUBLE2 };
            final Class<?>[] elements = { short.class, int.class, long.class, float.class, double.class };
            final int items = 3;
            for (int t = 0; t < pairs.length; t++)
            {
                final Object in = Array.newInstance(elements[t], 2 * items);
                for (int k = 0; k < items; k++)
                {
                    set(in, 2 * k, (rank * 7 + k * 3) % 5);
                    set(in, 2 * k + 1, rank);
                }
                final Object min = Array.newInstance(elements[t], 2 * items);
                final Object max = Array.newInstance(elements[t], 2 * items);
                world.Allreduce(in, 0, min, 0, items, pairs[t], MPI.MINLOC);
                world.Reduce(in, 0, max, 0, items, pairs[t], MPI.MAXLOC, 0);
                for (int k = 0; k < items; k++)
                {
                    int minValue = Integer.MAX_VALUE;
                    int minRank = -1;
                    int maxValue = Integer.MIN_VALUE;
                    int maxRank = -1;
                    for (int r = 0; r < size; r++)
                    {
                        final int v = (r * 7 + k * 3) % 5;
                        if (v < minValue)
                        {
                            minValue = v;
                            minRank = r;
                        }
                        if (v > maxValue)
                        {
                            maxValue = v;
                            maxRank = r;
                        }
                    }
                    Check.equal(minValue, ((Number)Array.get(min, 2 * k)).longValue(), "MINLOC value of " + pairs[t]);
                    Check.equal(minRank, ((Number)Array.get(min, 2 * k + 1)).longValue(),
                        "MINLOC index of " + pairs[t]);
                    if (0 == rank)
                    {
                        Check.equal(maxValue, ((Number)Array.get(max, 2 * k)).longValue(), "MAXLOC value");
                        Check.equal(maxRank, ((Number)Array.get(max, 2 * k + 1)).longValue(), "MAXLOC index");
                    }
                }
            }
        }

        /**
         * Adds ints: a commutative user operation.
         */
        static final class AddInts extends User_function
        {
            public void Call(
                final Object invec, final int inoffset, final Object inoutvec, final int inoutoffset, final int count,
                final Datatype datatype) throws MPIException
            {
                for (int i = 0; i < count * datatype.Size(); i++)
                {
                    ((int[])inoutvec)[inoutoffset + i] += ((int[])invec)[inoffset + i];
                }
            }
        }

        /**
         * Multiplies 2x2 integer matrices modulo a prime, {@code inout = in x inout}: associative, not commutative.
         */
        static final class MultiplyMatrices extends User_function
        {
            public void Call(
                final Object invec, final int inoffset, final Object inoutvec, final int inoutoffset, final int count,
                final Datatype datatype) throws MPIException
            {
                if (4 != datatype.Size())
                {
                    throw new MPIException("items of 4 ints expected, not " + datatype.Size());
                }
                for (int k = 0; k < count; k++)
                {
                    final int[] a = Arrays.copyOfRange((int[])invec, inoffset + 4 * k, inoffset + 4 * k + 4);
                    final int[] b = Arrays.copyOfRange((int[])inoutvec, inoutoffset + 4 * k, inoutoffset + 4 * k + 4);
                    final int[] c = multiply(a, b);
                    System.arraycopy(c, 0, inoutvec, inoutoffset + 4 * k, 4);
                }
            }
        }

        static int[] multiply(final int[] a, final int[] b)
        {
            return new int[]{
                (a[0] * b[0] + a[1] * b[2]) % MOD, (a[0] * b[1] + a[1] * b[3]) % MOD,
                (a[2] * b[0] + a[3] * b[2]) % MOD, (a[2] * b[1] + a[3] * b[3]) % MOD };
        }

        static int[] matrix(final int rank, final int item)
        {
            return 0 == item ? new int[]{ rank + 1, 1, 1, 0 } : new int[]{ 1, rank + 2, 3, rank };
        }

        private static void userOperations(final Intracomm world, final int rank, final int size) throws Exception
        {
            final Op add = new Op(new AddInts(), true);
            final int[] sums = new int[3];
            world.Allreduce(new int[]{ rank, 1, 2 }, 0, sums, 0, 3, MPI.INT, add);
            Check.equal(new int[]{ size * (size - 1) / 2, size, 2 * size }, sums, "commutative user Allreduce");

            final Datatype matrixType = Datatype.Contiguous(4, MPI.INT);
            matrixType.Commit();
            final Op product = new Op(new MultiplyMatrices(), false);
            final int[] mine = new int[8];
            System.arraycopy(matrix(rank, 0), 0, mine, 0, 4);
            System.arraycopy(matrix(rank, 1), 0, mine, 4, 4);
            final int[][] expected = new int[size][];
            final int[][] expectedSecond = new int[size][];
            expected[0] = matrix(0, 0);
            expectedSecond[0] = matrix(0, 1);
            for (int r = 1; r < size; r++)
            {
                expected[r] = multiply(expected[r - 1], matrix(r, 0));
                expectedSecond[r] = multiply(expectedSecond[r - 1], matrix(r, 1));
            }
            final int[] all = new int[8];
            world.Allreduce(mine, 0, all, 0, 2, matrixType, product);
            Check.equal(expected[size - 1], Arrays.copyOf(all, 4), "non-commutative Allreduce in rank order");
            Check.equal(expectedSecond[size - 1], Arrays.copyOfRange(all, 4, 8), "second item of the Allreduce");
            final int[] atRoot = new int[8];
            world.Reduce(mine, 0, atRoot, 0, 2, matrixType, product, 1);
            if (1 == rank)
            {
                Check.equal(all, atRoot, "non-commutative Reduce");
            }
            final int[] prefix = new int[8];
            world.Scan(mine, 0, prefix, 0, 2, matrixType, product);
            Check.equal(expected[rank], Arrays.copyOf(prefix, 4), "non-commutative Scan");
            final int[] scatteredCounts = new int[size];
            Arrays.fill(scatteredCounts, 1);
            final int[] many = new int[4 * size];
            for (int r = 0; r < size; r++)
            {
                System.arraycopy(matrix(rank, r % 2), 0, many, 4 * r, 4);
            }
            final int[] mineOfMany = new int[4];
            world.Reduce_scatter(many, 0, mineOfMany, 0, scatteredCounts, matrixType, product);
            Check.equal(0 == rank % 2 ? expected[size - 1] : expectedSecond[size - 1], mineOfMany,
                "non-commutative Reduce_scatter");
            matrixType.Free();
        }

        /**
         * Concatenates strings: a non-commutative user operation on objects.
         */
        static final class Concatenate extends User_function
        {
            public void Call(
                final Object invec, final int inoffset, final Object inoutvec, final int inoutoffset, final int count,
                final Datatype datatype)
            {
                for (int i = 0; i < count; i++)
                {
                    ((Object[])inoutvec)[inoutoffset + i] =
                        (String)((Object[])invec)[inoffset + i] + ((Object[])inoutvec)[inoutoffset + i];
                }
            }
        }

        private static void objects(final Intracomm world, final int rank, final int size) throws Exception
        {
            final Object[] shared = new Object[2];
            if (1 == rank)
            {
                shared[0] = List.of("from", 1);
                shared[1] = new int[]{ 1, 2 };
            }
            world.Bcast(shared, 0, 2, MPI.OBJECT, 1);
            Check.equal(List.of("from", 1), shared[0], "Bcast of objects");
            Check.equal(new int[]{ 1, 2 }, shared[1], "Bcast of an array object");

            final Object[] gathered = new Object[size];
            world.Gather(new Object[]{ "r" + rank }, 0, 1, MPI.OBJECT, gathered, 0, 1, MPI.OBJECT, 0);
            final Object[] names = new Object[size];
            for (int r = 0; r < size; r++)
            {
                names[r] = "r" + r;
            }
            if (0 == rank)
            {
                Check.equal(names, gathered, "Gather of objects");
            }
            final Object[] mine = new Object[1];
            world.Scatter(names, 0, 1, MPI.OBJECT, mine, 0, 1, MPI.OBJECT, 0);
            Check.equal("r" + rank, mine[0], "Scatter of objects");
            final Object[] everyone = new Object[size];
            world.Allgather(mine, 0, 1, MPI.OBJECT, everyone, 0, 1, MPI.OBJECT);
            Check.equal(names, everyone, "Allgather of objects");

            final int[] counts = new int[size];
            final int[] displs = new int[size];
            for (int r = 0; r < size; r++)
            {
                counts[r] = r % 2 + 1;
                displs[r] = 2 * r;
            }
            final Object[] two = { "a" + rank, "b" + rank };
            final Object[] varying = new Object[2 * size];
            world.Gatherv(two, 0, rank % 2 + 1, MPI.OBJECT, varying, 0, counts, displs, MPI.OBJECT, size - 1);
            if (rank == size - 1)
            {
                Check.equal("b1", varying[3], "Gatherv of objects");
                Check.that(null == varying[1], "Gatherv leaves the gaps");
            }
            final Object[] allVarying = new Object[2 * size];
            world.Allgatherv(two, 0, rank % 2 + 1, MPI.OBJECT, allVarying, 0, counts, displs, MPI.OBJECT);
            Check.equal("a" + (size - 1), allVarying[2 * (size - 1)], "Allgatherv of objects");
            final Object[] back = new Object[2];
            world.Scatterv(allVarying, 0, counts, displs, MPI.OBJECT, back, 0, rank % 2 + 1, MPI.OBJECT, 0);
            Check.equal(0 == rank % 2 ? new Object[]{ "a" + rank, null } : two, back, "Scatterv of objects");

            final Object[] toAll = new Object[size];
            for (int d = 0; d < size; d++)
            {
                toAll[d] = rank + "->" + d;
            }
            final Object[] fromAll = new Object[size];
            world.Alltoall(toAll, 0, 1, MPI.OBJECT, fromAll, 0, 1, MPI.OBJECT);
            Check.equal((size - 1) + "->" + rank, fromAll[size - 1], "Alltoall of objects");
            final int[] ones = new int[size];
            final int[] steps = new int[size];
            for (int r = 0; r < size; r++)
            {
                ones[r] = 1;
                steps[r] = r;
            }
            final Object[] fromAllV = new Object[size];
            world.Alltoallv(toAll, 0, ones, steps, MPI.OBJECT, fromAllV, 0, ones, steps, MPI.OBJECT);
            Check.equal(fromAll, fromAllV, "Alltoallv of objects");

            final Op concatenate = new Op(new Concatenate(), false);
            final StringBuilder order = new StringBuilder();
            for (int r = 0; r < size; r++)
            {
                order.append(r);
            }
            final Object[] result = new Object[1];
            world.Allreduce(new Object[]{ Integer.toString(rank) }, 0, result, 0, 1, MPI.OBJECT, concatenate);
            Check.equal(order.toString(), result[0], "Allreduce of objects in rank order");
            final Object[] atRoot = new Object[1];
            world.Reduce(new Object[]{ Integer.toString(rank) }, 0, atRoot, 0, 1, MPI.OBJECT, concatenate, 0);
            if (0 == rank)
            {
                Check.equal(order.toString(), atRoot[0], "Reduce of objects");
            }
            world.Scan(new Object[]{ Integer.toString(rank) }, 0, result, 0, 1, MPI.OBJECT, concatenate);
            Check.equal(order.substring(0, rank + 1), result[0], "Scan of objects");
            final Object[] perRank = new Object[size];
            Arrays.fill(perRank, Integer.toString(rank));
            world.Reduce_scatter(perRank, 0, result, 0, ones, MPI.OBJECT, concatenate);
            Check.equal(order.toString(), result[0], "Reduce_scatter of objects");
            try
            {
                world.Allreduce(new Object[1], 0, new Object[1], 0, 1, MPI.OBJECT, MPI.SUM);
                Check.fail("SUM of objects");
            }
            catch (final MPIException expected)
            {
                Check.equal(10, expected.getErrorClass(), "predefined operation on objects (MPI_ERR_OP)");
            }
            final MPIException thrown = new MPIException("refused");
            final Op refusing = new Op(new User_function()
            {
                public void Call(
                    final Object invec, final int inoffset, final Object inoutvec, final int inoutoffset,
                    final int count, final Datatype datatype) throws MPIException
                {
                    throw thrown;
                }
            }, true);
            try
            {
                world.Allreduce(new Object[]{ "x" }, 0, new Object[1], 0, 1, MPI.OBJECT, refusing);
                Check.that(1 == size, "a refusing user function");
            }
            catch (final MPIException expected)
            {
                Check.that(thrown == expected, "the user function's own MPIException reaches the caller");
            }
        }

        private static void derived(final Intracomm world, final int rank, final int size) throws Exception
        {
            final Datatype column = Datatype.Vector(4, 1, 4, MPI.INT);
            column.Commit();
            final int[] matrix = new int[16];
            if (0 == rank)
            {
                for (int i = 0; i < 16; i++)
                {
                    matrix[i] = i;
                }
            }
            world.Bcast(matrix, 2, 1, column, 0);
            Check.equal(new int[]{ 2, 6, 10, 14 }, new int[]{ matrix[2], matrix[6], matrix[10], matrix[14] },
                "Bcast of a matrix column");
            Check.equal(0, matrix[0] + matrix[3] * (0 == rank ? 0 : 1), "Bcast leaves the other columns");

            final Datatype spaced = Datatype.Struct(new int[]{ 1, 1 }, new int[]{ 0, 2 },
                new Datatype[]{ MPI.INT, MPI.UB });
            Check.equal(2, spaced.Extent(), "extent of an int padded by MPI.UB");
            final int[] strided = new int[2 * size];
            world.Allgather(new int[]{ rank + 1 }, 0, 1, MPI.INT, strided, 0, 1, spaced);
            for (int r = 0; r < size; r++)
            {
                Check.equal(r + 1, strided[2 * r], "Allgather into every other element, " + r);
                Check.equal(0, strided[2 * r + 1], "Allgather leaves the gaps");
            }
            final int[] gatheredColumns = new int[2 * size];
            world.Gather(strided, 2 * rank, 1, spaced, gatheredColumns, 0, 1, spaced, 0);
            if (0 == rank)
            {
                Check.equal(strided, gatheredColumns, "Gather with a padded type on both sides");
            }
            final int[] scattered = new int[2];
            world.Scatter(strided, 0, 1, spaced, scattered, 1, 1, MPI.INT, size - 1);
            Check.equal(rank + 1, scattered[1], "Scatter from a padded type");

            final int[] sums = new int[16];
            final int[] matrixOfRank = new int[16];
            Arrays.fill(matrixOfRank, rank);
            world.Allreduce(matrixOfRank, 1, sums, 1, 1, column, MPI.SUM);
            Check.equal(size * (size - 1) / 2, sums[13], "Allreduce of a column");
            Check.equal(0, sums[2], "Allreduce leaves the other columns");

            final Datatype pair = Datatype.Indexed(new int[]{ 1, 1 }, new int[]{ 0, 3 }, MPI.LONG);
            final long[] sendPairs = new long[4 * size];
            for (int d = 0; d < size; d++)
            {
                sendPairs[4 * d] = rank * 100 + d;
                sendPairs[4 * d + 3] = -(rank * 100 + d);
            }
            final long[] recvPairs = new long[4 * size];
            final int[] ones = new int[size];
            final int[] steps = new int[size];
            for (int r = 0; r < size; r++)
            {
                ones[r] = 1;
                steps[r] = r;
            }
            Check.equal(4, pair.Extent(), "extent of an indexed pair");
            world.Alltoallv(sendPairs, 0, ones, steps, pair, recvPairs, 0, ones, steps, pair);
            for (int s = 0; s < size; s++)
            {
                Check.equal(s * 100 + rank, recvPairs[4 * s], "Alltoallv of indexed pairs from " + s);
                Check.equal(-(s * 100 + rank), recvPairs[4 * s + 3], "second element from " + s);
            }
            column.Free();
        }

        /**
         * Element values of a test array.
         */
        interface Values
        {
            long at(int rank, int index);
        }

        static Object array(final Class<?> element, final int n, final int rank, final Values values)
        {
            final Object array = Array.newInstance(element, n);
            for (int i = 0; i < n; i++)
            {
                set(array, i, values.at(rank, i));
            }
            return array;
        }

        static void set(final Object array, final int i, final long value)
        {
            final Class<?> element = array.getClass().getComponentType();
            if (element == byte.class)
            {
                Array.setByte(array, i, (byte)value);
            }
            else if (element == short.class)
            {
                Array.setShort(array, i, (short)value);
            }
            else if (element == char.class)
            {
                Array.setChar(array, i, (char)value);
            }
            else if (element == int.class)
            {
                Array.setInt(array, i, (int)value);
            }
            else if (element == long.class)
            {
                Array.setLong(array, i, value);
            }
            else if (element == float.class)
            {
                Array.setFloat(array, i, value);
            }
            else
            {
                Array.setDouble(array, i, value);
            }
        }

        static long wrap(final Class<?> element, final long value)
        {
            return element == byte.class ? (byte)value : element == short.class ? (short)value :
                element == char.class ? (char)value : element == int.class ? (int)value : value;
        }
    }
}
