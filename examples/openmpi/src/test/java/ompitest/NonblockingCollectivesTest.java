package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.CartComm;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Non-blocking collectives of Open MPI's Java API on direct buffers: every one, their in-place forms, many
 * outstanding at once, the face's own iAllToAllw and neighbour collectives, and the rejection of heap buffers.
 */
class NonblockingCollectivesTest
{
    @Test
    void nonBlockingCollectivesOnFiveRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(5, Nonblocking.class).assertSuccess().linesOfRank(2));
    }

    /**
     * Starts several collectives before completing any, then checks them.
     */
    public static final class Nonblocking
    {
        private static IntBuffer ints(final int... values)
        {
            final IntBuffer buffer = MPI.newIntBuffer(Math.max(1, values.length));
            for (int i = 0; i < values.length; i++)
            {
                buffer.put(i, values[i]);
            }
            return buffer;
        }

        /**
         * Every non-blocking collective of jmpi's runtime, started together and completed in one waitAll, then
         * the in-place forms.
         */
        private static void collectives(final Intracomm world, final int rank, final int size) throws Exception
        {
            final int root = size - 1;
            final int sum = size * (size - 1) / 2;
            final Request barrier = world.iBarrier();
            final IntBuffer bcast = ints(rank == root ? 11 : 0, rank == root ? 12 : 0);
            final Request bcastRequest = world.iBcast(bcast, 2, MPI.INT, root);
            final IntBuffer gathered = MPI.newIntBuffer(size);
            final Request gather = world.iGather(ints(rank * 3), 1, MPI.INT, gathered, 1, MPI.INT, root);
            final int[] counts = new int[size];
            final int[] displs = new int[size];
            for (int r = 0; r < size; r++)
            {
                counts[r] = 1 + r % 2;
                displs[r] = 2 * r;
            }
            final IntBuffer gatheredV = MPI.newIntBuffer(2 * size);
            final Request gatherV = world.iGatherv(ints(rank, rank), counts[rank], MPI.INT, gatheredV, counts,
                displs, MPI.INT, 0);
            final IntBuffer scatterSource = MPI.newIntBuffer(size);
            for (int r = 0; r < size; r++)
            {
                scatterSource.put(r, r * r);
            }
            final IntBuffer scattered = MPI.newIntBuffer(1);
            final Request scatter = world.iScatter(scatterSource, 1, MPI.INT, scattered, 1, MPI.INT, 0);
            final IntBuffer scatteredV = MPI.newIntBuffer(2);
            final IntBuffer scatterVSource = MPI.newIntBuffer(2 * size);
            for (int i = 0; i < 2 * size; i++)
            {
                scatterVSource.put(i, 1000 + i);
            }
            final Request scatterV = world.iScatterv(scatterVSource, counts, displs, MPI.INT, scatteredV,
                counts[rank], MPI.INT, root);
            final IntBuffer all = MPI.newIntBuffer(size);
            final Request allGather = world.iAllGather(ints(rank + 7), 1, MPI.INT, all, 1, MPI.INT);
            final IntBuffer allV = MPI.newIntBuffer(2 * size);
            final Request allGatherV = world.iAllGatherv(ints(rank, -rank), counts[rank], MPI.INT, allV, counts,
                displs, MPI.INT);
            final IntBuffer toAll = MPI.newIntBuffer(size);
            for (int r = 0; r < size; r++)
            {
                toAll.put(r, rank * 100 + r);
            }
            final IntBuffer fromAll = MPI.newIntBuffer(size);
            final Request allToAll = world.iAllToAll(toAll, 1, MPI.INT, fromAll, 1, MPI.INT);
            final int[] ones = new int[size];
            final int[] steps = new int[size];
            for (int r = 0; r < size; r++)
            {
                ones[r] = 1;
                steps[r] = r;
            }
            final IntBuffer fromAllV = MPI.newIntBuffer(size);
            final Request allToAllV = world.iAllToAllv(toAll, ones, steps, MPI.INT, fromAllV, ones, steps, MPI.INT);
            final IntBuffer reduced = MPI.newIntBuffer(1);
            final Request reduce = world.iReduce(ints(rank), reduced, 1, MPI.INT, MPI.SUM, root);
            final java.nio.DoubleBuffer maximum = MPI.newDoubleBuffer(1);
            final java.nio.DoubleBuffer contribution = MPI.newDoubleBuffer(1);
            contribution.put(0, rank * 0.5);
            final Request allReduce = world.iAllReduce(contribution, maximum, 1, MPI.DOUBLE, MPI.MAX);
            final IntBuffer blocks = MPI.newIntBuffer(size);
            for (int r = 0; r < size; r++)
            {
                blocks.put(r, r + rank);
            }
            final IntBuffer block = MPI.newIntBuffer(1);
            final Request reduceScatter = world.iReduceScatter(blocks, block, ones, MPI.INT, MPI.SUM);
            final IntBuffer blockOfBlock = MPI.newIntBuffer(1);
            final Request reduceScatterBlock = world.iReduceScatterBlock(blocks, blockOfBlock, 1, MPI.INT, MPI.SUM);
            final IntBuffer scan = MPI.newIntBuffer(1);
            final Request scanRequest = world.iScan(ints(rank + 1), scan, 1, MPI.INT, MPI.SUM);
            final IntBuffer exScan = ints(-1);
            final Request exScanRequest = world.iExScan(ints(rank + 1), exScan, 1, MPI.INT, MPI.SUM);

            Request.waitAll(new Request[]{ exScanRequest, scanRequest, reduceScatterBlock, reduceScatter,
                allReduce, reduce, allToAllV, allToAll, allGatherV, allGather, scatterV, scatter, gatherV, gather,
                bcastRequest, barrier });

            Check.equal(12, bcast.get(1), "iBcast");
            if (rank == root)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r * 3, gathered.get(r), "iGather from rank " + r);
                }
                Check.equal(sum, reduced.get(0), "iReduce");
            }
            if (0 == rank)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r, gatheredV.get(displs[r]), "iGatherv from rank " + r);
                }
            }
            Check.equal(rank * rank, scattered.get(0), "iScatter");
            Check.equal(1000 + displs[rank], scatteredV.get(0), "iScatterv");
            for (int r = 0; r < size; r++)
            {
                Check.equal(r + 7, all.get(r), "iAllGather from rank " + r);
                Check.equal(r, allV.get(displs[r]), "iAllGatherv from rank " + r);
                Check.equal(r * 100 + rank, fromAll.get(r), "iAllToAll from rank " + r);
                Check.equal(r * 100 + rank, fromAllV.get(r), "iAllToAllv from rank " + r);
            }
            Check.equal((size - 1) * 0.5, maximum.get(0), "iAllReduce MAX");
            Check.equal(size * rank + sum, block.get(0), "iReduceScatter");
            Check.equal(size * rank + sum, blockOfBlock.get(0), "iReduceScatterBlock");
            Check.equal((rank + 1) * (rank + 2) / 2, scan.get(0), "iScan");
            Check.equal(0 == rank ? -1 : rank * (rank + 1) / 2, exScan.get(0), "iExScan");

            inPlace(world, rank, size, root, sum);
        }

        private static void inPlace(final Intracomm world, final int rank, final int size, final int root,
            final int sum) throws Exception
        {
            final IntBuffer gatherBuffer = MPI.newIntBuffer(size);
            gatherBuffer.put(rank == root ? rank : 0, rank + 50);
            final IntBuffer allGatherBuffer = MPI.newIntBuffer(size);
            allGatherBuffer.put(rank, rank * 2);
            final IntBuffer reduceBuffer = ints(rank + 1);
            final IntBuffer allReduceBuffer = ints(rank);
            final IntBuffer scanBuffer = ints(1);
            final IntBuffer exScanBuffer = ints(rank + 1);
            final IntBuffer scatterBuffer = MPI.newIntBuffer(rank == 0 ? size : 1);
            if (0 == rank)
            {
                for (int r = 0; r < size; r++)
                {
                    scatterBuffer.put(r, -r);
                }
            }
            final IntBuffer reduceScatterBuffer = MPI.newIntBuffer(size);
            for (int r = 0; r < size; r++)
            {
                reduceScatterBuffer.put(r, r);
            }
            final Request[] requests = {
                world.iGather(gatherBuffer, 1, MPI.INT, root),
                world.iAllGather(allGatherBuffer, 1, MPI.INT),
                world.iReduce(reduceBuffer, 1, MPI.INT, MPI.SUM, 0),
                world.iAllReduce(allReduceBuffer, 1, MPI.INT, MPI.SUM),
                world.iScan(scanBuffer, 1, MPI.INT, MPI.SUM),
                world.iExScan(exScanBuffer, 1, MPI.INT, MPI.SUM),
                world.iScatter(scatterBuffer, 1, MPI.INT, 0),
                world.iReduceScatterBlock(reduceScatterBuffer, 1, MPI.INT, MPI.SUM) };
            Request.waitAll(requests);
            if (rank == root)
            {
                for (int r = 0; r < size; r++)
                {
                    Check.equal(r + 50, gatherBuffer.get(r), "in-place iGather from rank " + r);
                }
            }
            for (int r = 0; r < size; r++)
            {
                Check.equal(r * 2, allGatherBuffer.get(r), "in-place iAllGather from rank " + r);
            }
            if (0 == rank)
            {
                Check.equal(sum + size, reduceBuffer.get(0), "in-place iReduce");
                Check.equal(0, scatterBuffer.get(0), "in-place iScatter keeps the root's block");
            }
            else
            {
                Check.equal(-rank, scatterBuffer.get(0), "in-place iScatter");
            }
            Check.equal(sum, allReduceBuffer.get(0), "in-place iAllReduce");
            Check.equal(rank + 1, scanBuffer.get(0), "in-place iScan");
            if (rank > 0)
            {
                Check.equal(rank * (rank + 1) / 2, exScanBuffer.get(0), "in-place iExScan");
            }
            Check.equal(size * rank, reduceScatterBuffer.get(0), "in-place iReduceScatterBlock");

            final Request barrier = world.iBarrier();
            world.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                barrier.cancel();
                Check.fail("a non-blocking collective was cancelled");
            }
            catch (final mpi.MPIException ex)
            {
                Check.equal(MPI.ERR_REQUEST, ex.getErrorClass(), "error class of cancelling a collective");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);
            barrier.waitFor();
            try
            {
                world.iBcast(IntBuffer.allocate(1), 1, MPI.INT, 0);
                Check.fail("iBcast of a heap buffer was accepted");
            }
            catch (final IllegalArgumentException ex)
            {
                Check.equal("The buffer must be direct.", ex.getMessage(), "iBcast of a heap buffer");
            }
        }

        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();

            try
            {
                world.iAllToAllw(ByteBuffer.allocate(4), new int[size], new int[size], new Datatype[size],
                    MPI.newByteBuffer(4), new int[size], new int[size], new Datatype[size]);
                Check.fail("iAllToAllw with a heap buffer was accepted");
            }
            catch (final IllegalArgumentException ex)
            {
                Check.equal("The send buffer must be direct.", ex.getMessage(), "message for a heap buffer");
            }

            final ByteBuffer send = MPI.newByteBuffer(8 * size);
            final ByteBuffer recv = MPI.newByteBuffer(8 * size);
            final int[] counts = new int[size];
            final int[] displs = new int[size];
            final Datatype[] types = new Datatype[size];
            for (int r = 0; r < size; r++)
            {
                counts[r] = 2;
                displs[r] = 8 * r;
                types[r] = MPI.INT;
                send.putInt(8 * r, rank * 100 + r);
                send.putInt(8 * r + 4, -rank);
            }
            final Request allToAllw = world.iAllToAllw(send, counts, displs, types, recv, counts, displs, types);

            final CartComm ring = world.createCart(new int[]{ size }, new boolean[]{ true }, false);
            final IntBuffer mine = MPI.newIntBuffer(1);
            mine.put(0, rank + 1);
            final IntBuffer gathered = MPI.newIntBuffer(2);
            final Request gather = ring.iNeighborAllGather(mine, 1, MPI.INT, gathered, 1, MPI.INT);
            final IntBuffer blocks = MPI.newIntBuffer(2);
            blocks.put(0, rank * 10).put(1, rank * 10 + 1);
            final IntBuffer exchanged = MPI.newIntBuffer(2);
            final Request exchange = ring.iNeighborAllToAll(blocks, 1, MPI.INT, exchanged, 1, MPI.INT);
            final IntBuffer varying = MPI.newIntBuffer(4);
            final Request gatherV = ring.iNeighborAllGatherv(mine, 1, MPI.INT, varying, new int[]{ 1, 1 },
                new int[]{ 3, 0 }, MPI.INT);
            final IntBuffer varyingOut = MPI.newIntBuffer(2);
            varyingOut.put(0, -rank).put(1, rank);
            final IntBuffer varyingIn = MPI.newIntBuffer(4);
            final Request exchangeV = ring.iNeighborAllToAllv(varyingOut, new int[]{ 1, 1 }, new int[]{ 0, 1 },
                MPI.INT, varyingIn, new int[]{ 1, 1 }, new int[]{ 2, 0 }, MPI.INT);

            Request.waitAll(new Request[]{ exchangeV, gatherV, exchange, gather, allToAllw });

            for (int r = 0; r < size; r++)
            {
                Check.equal(r * 100 + rank, recv.getInt(8 * r), "iAllToAllw first int from rank " + r);
                Check.equal(-r, recv.getInt(8 * r + 4), "iAllToAllw second int from rank " + r);
            }
            final int before = (rank + size - 1) % size;
            final int after = (rank + 1) % size;
            Check.equal(before + 1, gathered.get(0), "iNeighborAllGather from the rank before");
            Check.equal(after + 1, gathered.get(1), "iNeighborAllGather from the rank after");
            Check.equal(before * 10 + 1, exchanged.get(0), "iNeighborAllToAll from the rank before");
            Check.equal(after * 10, exchanged.get(1), "iNeighborAllToAll from the rank after");
            Check.equal(before + 1, varying.get(3), "iNeighborAllGatherv from the rank before");
            Check.equal(after + 1, varying.get(0), "iNeighborAllGatherv from the rank after");
            Check.equal(before, varyingIn.get(2), "iNeighborAllToAllv from the rank before");
            Check.equal(-after, varyingIn.get(0), "iNeighborAllToAllv from the rank after");

            collectives(world, rank, size);

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
