package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.CartComm;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Request;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Non-blocking collectives of Open MPI's Java API on direct buffers, overlapped with each other and with
 * point-to-point traffic, and their rejection of heap buffers.
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

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
