package io.jmpi.examples.openmpi;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * The ring of Open MPI's examples ({@code Ring.java}): rank 0 sends a counter around the ring of ranks, rank 0
 * decrements it on each pass, and every rank leaves once it has passed on a 0.
 * <pre>{@code
 * bin/jrun -np 4 io.jmpi.examples.openmpi.Ring [PASSES]
 * }</pre>
 */
public final class Ring
{
    private static final int TAG = 201;

    private Ring()
    {
    }

    /**
     * @param args the number of passes, 10 by default.
     * @throws MPIException if a call fails.
     */
    public static void main(final String[] args) throws MPIException
    {
        MPI.Init(args);
        final Intracomm world = MPI.COMM_WORLD;
        final int rank = world.getRank();
        final int size = world.getSize();
        final int next = (rank + 1) % size;
        final int prev = (rank + size - 1) % size;
        final int[] message = new int[1];
        if (0 == rank)
        {
            message[0] = args.length > 0 ? Integer.parseInt(args[0]) : 10;
            System.out.println("Process 0 sending " + message[0] + " to " + next + ", tag " + TAG + " (" + size +
                " processes in ring)");
            world.send(message, 1, MPI.INT, next, TAG);
            System.out.println("Process 0 sent to " + next);
        }
        while (true)
        {
            world.recv(message, 1, MPI.INT, prev, TAG);
            if (0 == rank)
            {
                message[0]--;
                System.out.println("Process 0 decremented value: " + message[0]);
            }
            world.send(message, 1, MPI.INT, next, TAG);
            if (0 == message[0])
            {
                System.out.println("Process " + rank + " exiting");
                break;
            }
        }
        if (0 == rank)
        {
            world.recv(message, 1, MPI.INT, prev, TAG);
        }
        MPI.Finalize();
    }
}
