package io.jmpi.examples.openmpi;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;

import java.nio.ByteBuffer;

/**
 * osu_bw in Open MPI's Java API, for 2 ranks: rank 0 sends a window of 64 messages with {@code iSend} from a direct
 * buffer, rank 1 receives them with {@code iRecv} and acknowledges the window; the bandwidth is in MB/s.
 * <pre>{@code
 * bin/jrun -np 2 io.jmpi.examples.openmpi.OsuBandwidth [-m [MIN:]MAX] [-i N] [-x N]
 * }</pre>
 */
public final class OsuBandwidth
{
    private static final int WINDOW = 64;
    private static final int DATA_TAG = 100;
    private static final int ACK_TAG = 101;

    private OsuBandwidth()
    {
    }

    /**
     * @param args OSU options.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        final Intracomm world = MPI.COMM_WORLD;
        final OsuSchedule schedule = OsuStart.schedule(world, args, "osu_bw", true, OsuSchedule::bandwidth);
        final int rank = world.getRank();
        final int peer = 1 - rank;
        final ByteBuffer buffer = MPI.newByteBuffer(schedule.maxSize());
        final byte[] ack = new byte[4];
        final Request[] window = new Request[WINDOW];
        final OsuTable table = 0 == rank ? new OsuTable("OSU MPI Bandwidth Test", "Bandwidth (MB/s)") : null;
        for (final int size : schedule.sizes())
        {
            final int iterations = schedule.iterations(size);
            final int warmup = schedule.warmup(size);
            world.barrier();
            long start = 0;
            for (int i = 0; i < warmup + iterations; i++)
            {
                if (i == warmup)
                {
                    start = System.nanoTime();
                }
                if (0 == rank)
                {
                    for (int j = 0; j < WINDOW; j++)
                    {
                        window[j] = world.iSend(buffer, size, MPI.BYTE, peer, DATA_TAG);
                    }
                    Request.waitAll(window);
                    world.recv(ack, ack.length, MPI.BYTE, peer, ACK_TAG);
                }
                else
                {
                    for (int j = 0; j < WINDOW; j++)
                    {
                        window[j] = world.iRecv(buffer, size, MPI.BYTE, peer, DATA_TAG);
                    }
                    Request.waitAll(window);
                    world.send(ack, ack.length, MPI.BYTE, peer, ACK_TAG);
                }
            }
            final long elapsedNs = System.nanoTime() - start;
            if (null != table)
            {
                table.row(size, (double)size * WINDOW * iterations / 1e6 / (elapsedNs / 1e9));
            }
        }
        MPI.Finalize();
    }
}
