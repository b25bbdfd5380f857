package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Datatype;
import mpi.DoubleInt;
import mpi.FloatInt;
import mpi.LongInt;
import mpi.ShortInt;
import mpi.Int2;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;
import mpi.UserFunction;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The blocking collectives of Open MPI's Java API, with arrays and direct buffers, their in-place forms, MINLOC and
 * MAXLOC over the pair types, and user operations in the array and the buffer form, commutative or not.
 */
class CollectivesTest
{
    @Test
    void collectivesOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, Collectives.class).assertSuccess().linesOfRank(4));
    }

    @Test
    void collectivesOnTwoRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(2, Collectives.class).assertSuccess().linesOfRank(0));
    }

    /**
     * Every blocking collective, checked on every rank.
     */
    public static final class Collectives
    {
        private static int rank;
        private static int size;

        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            rank = world.getRank();
            size = world.getSize();
            final int root = size - 1;

            world.barrier();
            final int[] bcast = 0 == rank ? new int[]{ 7, 8, 9 } : new int[3];
            world.bcast(bcast, 3, MPI.INT, 0);
            Check.equal(new int[]{ 7, 8, 9 }, bcast, "bcast of an array");
            final DoubleBuffer direct = MPI.newDoubleBuffer(2);
            if (root == rank)
            {
                direct.put(0, 1.5).put(1, 2.5);
            }
            world.bcast(direct, 2, MPI.DOUBLE, root);
            Check.equal(2.5, direct.get(1), "bcast of a direct buffer");

            gathers(world, root);
            scatters(world, root);
            allGathers(world);
            allToAlls(world);
            reductions(world, root);
            locations(world, root);
            userOperations(world, root);

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }

        private static void gathers(final Intracomm world, final int root) throws MPIException
        {
            final int[] all = new int[2 * size];
            world.gather(new int[]{ rank, -rank }, 2, MPI.INT, all, 2, MPI.INT, root);
            if (root == rank)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r, all[2 * r], "gather block " + r);
                    Check.equal(-r, all[2 * r + 1], "gather block " + r);
                }
            }
            final IntBuffer inPlace = MPI.newIntBuffer(size);
            inPlace.put(rank == root ? rank : 0, rank + 100);
            world.gather(inPlace, 1, MPI.INT, root);
            if (root == rank)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r + 100, inPlace.get(r), "in-place gather of a direct buffer, rank " + r);
                }
            }
            final int[] counts = new int[size];
            final int[] displs = new int[size];
            int total = 0;
            for (int r = 0; r < size; r++)
            {
                counts[r] = r + 1;
                displs[r] = total + r;
                total += counts[r] + r;
            }
            final long[] mine = new long[rank + 1];
            java.util.Arrays.fill(mine, rank * 11L);
            final long[] gathered = new long[total];
            if (root == rank)
            {
                java.util.Arrays.fill(gathered, rank * 11L);
                world.gatherv(gathered, counts, displs, MPI.LONG, root);
                for (int r = 0; r < size; r++)
                {
                    for (int i = 0; i < counts[r]; i++)
                    {
                        Check.equal(r * 11L, gathered[displs[r] + i], "in-place gatherv of rank " + r);
                    }
                }
                final long[] again = new long[total];
                java.util.Arrays.fill(again, rank * 11L);
                world.gatherv(mine, rank + 1, MPI.LONG, again, counts, displs, MPI.LONG, root);
                Check.equal(gathered, again, "gatherv");
            }
            else
            {
                world.gatherv(mine, rank + 1, MPI.LONG, root);
                world.gatherv(mine, rank + 1, MPI.LONG, null, counts, displs, MPI.LONG, root);
            }
        }

        private static void scatters(final Intracomm world, final int root) throws MPIException
        {
            final short[] blocks = new short[3 * size];
            for (int i = 0; i < blocks.length; i++)
            {
                blocks[i] = (short)(i * 3);
            }
            final short[] mine = new short[3];
            world.scatter(blocks, 3, MPI.SHORT, mine, 3, MPI.SHORT, root);
            Check.equal(new short[]{ (short)(9 * rank), (short)(9 * rank + 3), (short)(9 * rank + 6) }, mine,
                "scatter");
            final int[] inPlace = new int[rank == root ? size : 1];
            if (rank == root)
            {
                for (int r = 0; r < size; r++)
                {
                    inPlace[r] = r * r;
                }
            }
            world.scatter(inPlace, 1, MPI.INT, root);
            Check.equal(rank * rank, inPlace[rank == root ? rank : 0], "in-place scatter");
            final int[] counts = new int[size];
            final int[] displs = new int[size];
            final float[] source = new float[size * (size + 1)];
            for (int r = 0; r < size; r++)
            {
                counts[r] = size - r;
                displs[r] = r * (size + 1);
                for (int i = 0; i < counts[r]; i++)
                {
                    source[displs[r] + i] = r + i / 4f;
                }
            }
            final float[] part = new float[size - rank];
            world.scatterv(source, counts, displs, MPI.FLOAT, part, size - rank, MPI.FLOAT, root);
            for (int i = 0; i < part.length; i++)
            {
                Check.equal(rank + i / 4f, part[i], "scatterv element " + i);
            }
            final float[] again = new float[size - rank];
            if (rank == root)
            {
                world.scatterv(source, counts, displs, MPI.FLOAT, root);
            }
            else
            {
                world.scatterv(again, size - rank, MPI.FLOAT, root);
                Check.equal(part, again, "in-place scatterv");
            }
        }

        private static void allGathers(final Intracomm world) throws MPIException
        {
            final char[] all = new char[size];
            world.allGather(new char[]{ (char)('a' + rank) }, 1, MPI.CHAR, all, 1, MPI.CHAR);
            for (int r = 0; r < size; r++)
            {
                Check.equal('a' + r, all[r], "allGather of chars, rank " + r);
            }
            final IntBuffer inPlace = MPI.newIntBuffer(2 * size);
            inPlace.put(2 * rank, rank).put(2 * rank + 1, rank * 2);
            world.allGather(inPlace, 2, MPI.INT);
            for (int r = 0; r < size; r++)
            {
                Check.equal(r * 2, inPlace.get(2 * r + 1), "in-place allGather of a direct buffer, rank " + r);
            }
            final int[] counts = new int[size];
            final int[] displs = new int[size];
            for (int r = 0; r < size; r++)
            {
                counts[r] = 1 + r % 2;
                displs[r] = 2 * (size - 1 - r);
            }
            final double[] v = new double[2 * size];
            world.allGatherv(new double[]{ rank, rank + 0.5 }, counts[rank], MPI.DOUBLE, v, counts, displs, MPI.DOUBLE);
            final double[] inPlaceV = new double[2 * size];
            inPlaceV[displs[rank]] = rank;
            inPlaceV[displs[rank] + 1] = counts[rank] > 1 ? rank + 0.5 : 0;
            world.allGatherv(inPlaceV, counts, displs, MPI.DOUBLE);
            for (int r = 0; r < size; r++)
            {
                Check.equal(r, v[displs[r]], "allGatherv of rank " + r);
                Check.equal(r, inPlaceV[displs[r]], "in-place allGatherv of rank " + r);
                if (counts[r] > 1)
                {
                    Check.equal(r + 0.5, v[displs[r] + 1], "allGatherv second element of rank " + r);
                }
            }
        }

        private static void allToAlls(final Intracomm world) throws MPIException
        {
            final int[] out = new int[size];
            for (int r = 0; r < size; r++)
            {
                out[r] = rank * 100 + r;
            }
            final int[] in = new int[size];
            world.allToAll(out, 1, MPI.INT, in, 1, MPI.INT);
            for (int r = 0; r < size; r++)
            {
                Check.equal(r * 100 + rank, in[r], "allToAll from rank " + r);
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
                rdispls[r] = r * (rank + 1);
            }
            final long[] send = new long[size * size];
            for (int r = 0; r < size; r++)
            {
                for (int i = 0; i <= r; i++)
                {
                    send[sdispls[r] + i] = rank * 1000L + r * 10 + i;
                }
            }
            final long[] recv = new long[size * (rank + 1)];
            world.allToAllv(send, sendCounts, sdispls, MPI.LONG, recv, recvCounts, rdispls, MPI.LONG);
            for (int r = 0; r < size; r++)
            {
                for (int i = 0; i <= rank; i++)
                {
                    Check.equal(r * 1000L + rank * 10 + i, recv[rdispls[r] + i], "allToAllv from rank " + r);
                }
            }
            final ByteBuffer wSend = MPI.newByteBuffer(12 * size);
            final ByteBuffer wRecv = MPI.newByteBuffer(12 * size);
            final int[] ones = new int[size];
            final int[] wSendDispls = new int[size];
            final int[] wRecvDispls = new int[size];
            final Datatype[] types = new Datatype[size];
            for (int r = 0; r < size; r++)
            {
                ones[r] = 1;
                wSendDispls[r] = 12 * r;
                wRecvDispls[r] = 12 * (size - 1 - r);
                types[r] = 0 == r % 2 ? MPI.INT : MPI.DOUBLE;
            }
            for (int r = 0; r < size; r++)
            {
                if (0 == r % 2)
                {
                    wSend.putInt(wSendDispls[r], rank * 10 + r);
                }
                else
                {
                    wSend.putDouble(wSendDispls[r], rank + r / 10.0);
                }
            }
            final Datatype[] recvTypes = new Datatype[size];
            java.util.Arrays.fill(recvTypes, 0 == rank % 2 ? MPI.INT : MPI.DOUBLE);
            world.allToAllw(wSend, ones, wSendDispls, types, wRecv, ones, wRecvDispls, recvTypes);
            for (int r = 0; r < size; r++)
            {
                if (0 == rank % 2)
                {
                    Check.equal(r * 10 + rank, wRecv.getInt(wRecvDispls[r]), "allToAllw int from rank " + r);
                }
                else
                {
                    Check.equal(r + rank / 10.0, wRecv.getDouble(wRecvDispls[r]), "allToAllw double from " + r);
                }
            }
        }

        private static void reductions(final Intracomm world, final int root) throws MPIException
        {
            final int sum = size * (size - 1) / 2;
            final int[] result = new int[2];
            world.reduce(new int[]{ rank, 1 }, result, 2, MPI.INT, MPI.SUM, root);
            if (root == rank)
            {
                Check.equal(new int[]{ sum, size }, result, "reduce SUM");
            }
            final IntBuffer inPlace = MPI.newIntBuffer(1);
            inPlace.put(0, rank + 1);
            world.reduce(inPlace, 1, MPI.INT, MPI.PROD, 0);
            if (0 == rank)
            {
                int factorial = 1;
                for (int r = 1; r <= size; r++)
                {
                    factorial *= r;
                }
                Check.equal(factorial, inPlace.get(0), "in-place reduce PROD of a direct buffer");
            }
            final double[] max = new double[1];
            world.allReduce(new double[]{ rank * 1.5 }, max, 1, MPI.DOUBLE, MPI.MAX);
            Check.equal((size - 1) * 1.5, max[0], "allReduce MAX");
            final long[] min = { 10L - rank };
            world.allReduce(min, 1, MPI.LONG, MPI.MIN);
            Check.equal(11L - size, min[0], "in-place allReduce MIN");
            final boolean[] any = { rank == size - 1 };
            world.allReduce(any, 1, MPI.BOOLEAN, MPI.LOR);
            Check.that(any[0], "allReduce LOR");
            final boolean[] all = { rank == size - 1 };
            world.allReduce(all, 1, MPI.BOOLEAN, MPI.LAND);
            Check.that(size > 1 ? !all[0] : all[0], "allReduce LAND");
            final int[] bits = { 1 << rank };
            world.allReduce(bits, 1, MPI.INT, MPI.BOR);
            Check.equal((1 << size) - 1, bits[0], "allReduce BOR");
            final int[] xor = { rank };
            world.allReduce(xor, 1, MPI.INT, MPI.BXOR);
            int expectedXor = 0;
            for (int r = 0; r < size; r++)
            {
                expectedXor ^= r;
            }
            Check.equal(expectedXor, xor[0], "allReduce BXOR");

            final int[] counts = new int[size];
            int total = 0;
            for (int r = 0; r < size; r++)
            {
                counts[r] = r + 1;
                total += counts[r];
            }
            final int[] contribution = new int[total];
            for (int i = 0; i < total; i++)
            {
                contribution[i] = i + rank;
            }
            final int[] block = new int[rank + 1];
            world.reduceScatter(contribution, block, counts, MPI.INT, MPI.SUM);
            int start = 0;
            for (int r = 0; r < rank; r++)
            {
                start += counts[r];
            }
            for (int i = 0; i < block.length; i++)
            {
                Check.equal(size * (start + i) + sum, block[i], "reduceScatter element " + i);
            }
            final int[] inPlaceRs = contribution.clone();
            world.reduceScatter(inPlaceRs, counts, MPI.INT, MPI.SUM);
            Check.equal(size * start + sum, inPlaceRs[0], "in-place reduceScatter");
            final float[] blocks = new float[2 * size];
            for (int i = 0; i < blocks.length; i++)
            {
                blocks[i] = i;
            }
            final float[] mine = new float[2];
            world.reduceScatterBlock(blocks, mine, 2, MPI.FLOAT, MPI.SUM);
            Check.equal(size * 2f * rank, mine[0], "reduceScatterBlock");
            world.reduceScatterBlock(blocks, 2, MPI.FLOAT, MPI.MAX);
            Check.equal(2f * rank + 1, blocks[1], "in-place reduceScatterBlock");

            final int[] scan = new int[1];
            world.scan(new int[]{ rank + 1 }, scan, 1, MPI.INT, MPI.SUM);
            Check.equal((rank + 1) * (rank + 2) / 2, scan[0], "scan");
            final int[] exScan = { -1 };
            world.exScan(new int[]{ rank + 1 }, exScan, 1, MPI.INT, MPI.SUM);
            Check.equal(0 == rank ? -1 : rank * (rank + 1) / 2, exScan[0], "exScan");
            final IntBuffer scanInPlace = MPI.newIntBuffer(1);
            scanInPlace.put(0, 2);
            world.scan(scanInPlace, 1, MPI.INT, MPI.PROD);
            Check.equal(1 << (rank + 1), scanInPlace.get(0), "in-place scan of a direct buffer");
            final int[] exInPlace = { rank + 1 };
            world.exScan(exInPlace, 1, MPI.INT, MPI.SUM);
            if (rank > 0)
            {
                Check.equal(rank * (rank + 1) / 2, exInPlace[0], "in-place exScan");
            }
            final double[] local = { 1, 2 };
            Intracomm.reduceLocal(new double[]{ 3, 4 }, local, 2, MPI.DOUBLE, MPI.SUM);
            Check.equal(new double[]{ 4, 6 }, local, "reduceLocal");
        }

        private static void locations(final Intracomm world, final int root) throws MPIException
        {
            final int extent = MPI.INT2.getExtent();
            Check.equal(8, extent, "extent of INT2 in bytes");
            final ByteBuffer in = MPI.newByteBuffer(2 * extent);
            final ByteBuffer out = MPI.newByteBuffer(2 * extent);
            final Int2.Data first = MPI.int2.getData(in, 0);
            first.putValue(rank % 3);
            first.putIndex(rank);
            final Int2.Data second = MPI.int2.getData(in, 1);
            second.putValue(-rank);
            second.putIndex(rank);
            world.allReduce(in, out, 2, MPI.INT2, MPI.MAXLOC);
            final Int2.Data top = MPI.int2.getData(out, 0);
            final Int2.Data negated = MPI.int2.getData(out, 1);
            Check.equal(Math.min(2, size - 1), top.getValue(), "MAXLOC value");
            Check.equal(Math.min(2, size - 1), top.getIndex(), "MAXLOC lowest index");
            Check.equal(0, negated.getIndex(), "MAXLOC of -rank");
            final ByteBuffer doubles = MPI.newByteBuffer(MPI.DOUBLE_INT.getExtent());
            final DoubleInt.Data distance = MPI.doubleInt.getData(doubles, 0);
            distance.putValue(Math.abs(rank - (size - 1) / 2.0 - 0.25));
            distance.putIndex(rank);
            final ByteBuffer result = MPI.newByteBuffer(MPI.DOUBLE_INT.getExtent());
            world.reduce(doubles, result, 1, MPI.DOUBLE_INT, MPI.MINLOC, root);
            if (root == rank)
            {
                final int nearest = (int)Math.round((size - 1) / 2.0 + 0.25 - 1e-9);
                final DoubleInt.Data closest = MPI.doubleInt.getData(result, 0);
                Check.equal(Math.abs(nearest - (size - 1) / 2.0 - 0.25), closest.getValue(), "MINLOC value");
                Check.equal(nearest, closest.getIndex(), "MINLOC index");
            }
            pairs(world);
            world.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                world.allReduce(in, out, 2, MPI.INT2, MPI.SUM);
                Check.fail("SUM over INT2 was accepted");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_OP, ex.getErrorClass(), "error class of SUM over INT2");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }

        private static void pairs(final Intracomm world) throws MPIException
        {
            final ByteBuffer shorts = MPI.newByteBuffer(MPI.SHORT_INT.getExtent());
            final ShortInt.Data shortPair = MPI.shortInt.getData(shorts, 0);
            shortPair.putValue((short)(rank % 2));
            shortPair.putIndex(rank);
            world.allReduce(shorts, 1, MPI.SHORT_INT, MPI.MAXLOC);
            Check.equal(size > 1 ? 1 : 0, shortPair.getValue(), "MAXLOC over SHORT_INT, value");
            Check.equal(size > 1 ? 1 : 0, shortPair.getIndex(), "MAXLOC over SHORT_INT, lowest index");
            final ByteBuffer longs = MPI.newByteBuffer(MPI.LONG_INT.getExtent());
            final LongInt.Data longPair = MPI.longInt.getData(longs, 0);
            longPair.putValue((1L << 40) - rank);
            longPair.putIndex(rank);
            world.allReduce(longs, 1, MPI.LONG_INT, MPI.MINLOC);
            Check.equal((1L << 40) - (size - 1), longPair.getValue(), "MINLOC over LONG_INT, value");
            Check.equal(size - 1, longPair.getIndex(), "MINLOC over LONG_INT, index");
            final ByteBuffer floats = MPI.newByteBuffer(MPI.FLOAT_INT.getExtent());
            final FloatInt.Data floatPair = MPI.floatInt.getData(floats, 0);
            floatPair.putValue(rank * 0.5f);
            floatPair.putIndex(rank);
            world.allReduce(floats, 1, MPI.FLOAT_INT, MPI.MAXLOC);
            Check.equal((size - 1) * 0.5f, floatPair.getValue(), "MAXLOC over FLOAT_INT, value");
            Check.equal(size - 1, floatPair.getIndex(), "MAXLOC over FLOAT_INT, index");
            final double[] complex = { rank, -rank };
            world.allReduce(complex, 1, MPI.DOUBLE_COMPLEX, MPI.SUM);
            Check.equal(size * (size - 1) / 2.0, complex[0], "SUM over DOUBLE_COMPLEX, real part");
            Check.equal(-size * (size - 1) / 2.0, complex[1], "SUM over DOUBLE_COMPLEX, imaginary part");
            final float[] floatComplex = { 1, 2 };
            world.allReduce(floatComplex, 1, MPI.FLOAT_COMPLEX, MPI.SUM);
            Check.equal(2f * size, floatComplex[1], "SUM over FLOAT_COMPLEX");
        }

        private static void userOperations(final Intracomm world, final int root) throws MPIException
        {
            final Op arrayMax = new Op(new UserFunction()
            {
                @Override
                public void call(final Object inVec, final Object inOutVec, final int count, final Datatype type)
                {
                    final int[] in = (int[])inVec;
                    final int[] inOut = (int[])inOutVec;
                    for (int i = 0; i < count; i++)
                    {
                        inOut[i] = Math.max(in[i], inOut[i]);
                    }
                }
            }, true);
            Check.that(arrayMax.isCommutative(), "a commutative user op");
            final int[] maximum = new int[3];
            world.allReduce(new int[]{ rank, -rank, 5 }, maximum, 3, MPI.INT, arrayMax);
            Check.equal(new int[]{ size - 1, 0, 5 }, maximum, "user op in array form");

            final Op concatenate = new Op(new UserFunction()
            {
                @Override
                public void call(final ByteBuffer in, final ByteBuffer inOut, final int count, final Datatype type)
                {
                    for (int i = 0; i < count; i++)
                    {
                        final long leftDigits = in.getLong(16 * i);
                        final long leftScale = in.getLong(16 * i + 8);
                        final long rightDigits = inOut.getLong(16 * i);
                        final long rightScale = inOut.getLong(16 * i + 8);
                        inOut.putLong(16 * i, leftDigits * rightScale + rightDigits);
                        inOut.putLong(16 * i + 8, leftScale * rightScale);
                    }
                }
            }, false);
            Check.that(!concatenate.isCommutative(), "a non-commutative user op");
            final Datatype digitsAndScale = Datatype.createContiguous(2, MPI.LONG);
            digitsAndScale.commit();
            final long[] digits = new long[2];
            world.reduce(new long[]{ rank + 1, 10 }, digits, 1, digitsAndScale, concatenate, root);
            if (root == rank)
            {
                long expected = 0;
                for (int r = 0; r < size; r++)
                {
                    expected = expected * 10 + r + 1;
                }
                Check.equal(expected, digits[0], "non-commutative user op in buffer form, in rank order");
            }
            final Datatype pair = Datatype.createContiguous(2, MPI.DOUBLE);
            pair.commit();
            final Op complexProduct = new Op(new UserFunction()
            {
                @Override
                public void call(final Object inVec, final Object inOutVec, final int count, final Datatype type)
                {
                    final double[] a = (double[])inVec;
                    final double[] b = (double[])inOutVec;
                    for (int i = 0; i < count; i++)
                    {
                        final double re = a[2 * i] * b[2 * i] - a[2 * i + 1] * b[2 * i + 1];
                        final double im = a[2 * i] * b[2 * i + 1] + a[2 * i + 1] * b[2 * i];
                        b[2 * i] = re;
                        b[2 * i + 1] = im;
                    }
                }
            }, true);
            final double[] product = new double[4];
            world.allReduce(new double[]{ 0, 1, 1, 0 }, product, 2, pair, complexProduct);
            final double[][] powers = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 } };
            Check.equal(powers[size % 4][0], product[0], "i^size, real part");
            Check.equal(powers[size % 4][1], product[1], "i^size, imaginary part");
            Check.equal(1.0, product[2], "1^size");
            complexProduct.free();
            Check.that(complexProduct.isNull(), "a freed operation is null");
            Check.that(!MPI.SUM.isNull(), "a predefined operation is not null");
        }
    }
}
