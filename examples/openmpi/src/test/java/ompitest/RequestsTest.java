package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests of Open MPI's Java API: the status forms of the wait and test families with their indices, getStatus
 * that leaves a request active, free, cancel, and persistent requests started again and misused.
 */
class RequestsTest
{
    @Test
    void requestsOnThreeRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Requests.class).assertSuccess().linesOfRank(0));
    }

    /**
     * Rank 0 receives from every other rank through requests, in every completion style.
     */
    public static final class Requests
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Comm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();
            final int others = size - 1;

            for (int round = 0; round < 4; round++)
            {
                if (0 == rank)
                {
                    final IntBuffer[] ins = new IntBuffer[others];
                    final Request[] requests = new Request[others];
                    for (int r = 1; r < size; r++)
                    {
                        ins[r - 1] = MPI.newIntBuffer(1);
                        requests[r - 1] = world.iRecv(ins[r - 1], 1, MPI.INT, r, round);
                    }
                    world.barrier();
                    final boolean[] done = new boolean[others];
                    int completed = 0;
                    while (completed < others)
                    {
                        final Status[] statuses;
                        switch (round)
                        {
                            case 0:
                                final Status any = Request.testAnyStatus(requests);
                                statuses = null == any ? new Status[0] : new Status[]{ any };
                                break;
                            case 1:
                                statuses = Request.waitSomeStatus(requests);
                                break;
                            case 2:
                                statuses = Request.testSomeStatus(requests);
                                break;
                            default:
                                final Status[] all = Request.testAllStatus(requests);
                                statuses = null == all ? new Status[0] : withIndices(all);
                                break;
                        }
                        for (int s = 0; s < statuses.length; s++)
                        {
                            final Status status = statuses[s];
                            final int index = 3 == round ? s : status.getIndex();
                            Check.that(!done[index], "request " + index + " completes once, round " + round);
                            done[index] = true;
                            completed++;
                            Check.equal(index + 1, status.getSource(), "source of request " + index);
                            Check.equal(round, status.getTag(), "tag of request " + index);
                            Check.equal((index + 1) * 10 + round, ins[index].get(0), "payload of request " + index);
                            Check.that(requests[index].isNull(), "a completed request is null");
                        }
                    }
                    Check.that(null == Request.testSomeStatus(requests), "testSome of inactive requests");
                }
                else
                {
                    world.barrier();
                    world.send(new int[]{ rank * 10 + round }, 1, MPI.INT, 0, round);
                }
            }

            if (0 == rank)
            {
                final IntBuffer in = MPI.newIntBuffer(1);
                final Request request = world.iRecv(in, 1, MPI.INT, 1, 99);
                Check.that(null == request.getStatus(), "getStatus of a pending receive");
                world.send(new int[]{ 1 }, 1, MPI.INT, 1, 98);
                Status status;
                while (null == (status = request.getStatus()))
                {
                    Thread.onSpinWait();
                }
                Check.equal(1, status.getSource(), "getStatus once complete");
                Check.that(!request.isNull(), "getStatus leaves the request active");
                request.waitFor();
                Check.that(request.isNull(), "wait makes it inactive");
                Check.equal(77, in.get(0), "payload after getStatus");

                final Request freed = world.iRecv(MPI.newIntBuffer(1), 1, MPI.INT, 1, 97);
                freed.cancel();
                freed.free();
                Check.that(freed.isNull(), "a freed request is null");
            }
            else if (1 == rank)
            {
                world.recv(new int[1], 1, MPI.INT, 0, 98);
                world.send(new int[]{ 77 }, 1, MPI.INT, 0, 99);
            }

            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;
            final IntBuffer modeOut = MPI.newIntBuffer(2);
            final IntBuffer modeIn = MPI.newIntBuffer(2);
            MPI.attachBuffer(new byte[64]);
            final Prequest receive = world.recvInit(modeIn, 2, MPI.INT, prev, 6);
            final Prequest[] sends = {
                world.bSendInit(modeOut, 2, MPI.INT, next, 6), world.rSendInit(modeOut, 2, MPI.INT, next, 6) };
            for (int mode = 0; mode < sends.length; mode++)
            {
                modeOut.put(0, rank + mode).put(1, mode);
                receive.start();
                world.barrier();
                sends[mode].start();
                Request.waitAll(new Request[]{ sends[mode], receive });
                Check.equal(prev + mode, modeIn.get(0), "persistent send of mode " + mode);
            }
            MPI.detachBuffer();

            final IntBuffer buffer = MPI.newIntBuffer(1);
            final Prequest persistent = world.recvInit(buffer, 1, MPI.INT, MPI.PROC_NULL, 5);
            persistent.start();
            world.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                persistent.start();
                persistent.waitFor();
                persistent.start();
                persistent.start();
                Check.fail("a second start of an active persistent request succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_REQUEST, ex.getErrorClass(), "error class of starting an active request");
            }
            final Status fromNull = persistent.waitStatus();
            Check.equal(MPI.PROC_NULL, fromNull.getSource(), "a persistent receive from PROC_NULL");
            persistent.free();
            try
            {
                persistent.start();
                Check.fail("a start of a freed persistent request succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_REQUEST, ex.getErrorClass(), "error class of starting a freed request");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }

        private static Status[] withIndices(final Status[] statuses) throws MPIException
        {
            final Status[] indexed = new Status[statuses.length];
            for (int i = 0; i < statuses.length; i++)
            {
                Check.equal(i + 1, statuses[i].getSource(), "testAllStatus keeps the order");
                indexed[i] = statuses[i];
            }
            return indexed;
        }
    }
}
