package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Point-to-point communication of the mpiJava API: every send mode blocking, non-blocking and persistent, every
 * basic type, PROC_NULL, wildcards, large messages, Sendrecv, probes, truncation, cancel and the request families.
 */
class PointToPointTest
{
    @Test
    void sendModesTypesAndProbes()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Modes.class).assertSuccess().linesOfRank(0));
    }

    @Test
    void requestsAndPersistentRequests()
    {
        assertEquals(List.of("ok"), JobRunner.run(2, Requests.class).assertSuccess().linesOfRank(1));
    }

    /**
     * Blocking sends in every mode, every basic type with offsets, PROC_NULL, wildcards, large messages, Sendrecv,
     * probes and truncation.
     */
    public static final class Modes
    {
        private static final Datatype[] TYPES = {
            MPI.BYTE, MPI.CHAR, MPI.SHORT, MPI.BOOLEAN, MPI.INT, MPI.LONG, MPI.FLOAT, MPI.DOUBLE };
        private static final Class<?>[] ELEMENTS = {
            byte.class, char.class, short.class, boolean.class, int.class, long.class, float.class, double.class };

        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();
            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;

            for (int t = 0; t < TYPES.length; t++)
            {
                final Object out = values(ELEMENTS[t], 10, rank);
                final Object in = Array.newInstance(ELEMENTS[t], 10);
                if (0 == rank % 2)
                {
                    world.Send(out, 2, 5, TYPES[t], next, t);
                    world.Recv(in, 3, 5, TYPES[t], prev, t);
                }
                else
                {
                    world.Recv(in, 3, 5, TYPES[t], prev, t);
                    world.Send(out, 2, 5, TYPES[t], next, t);
                }
                final Object expected = Array.newInstance(ELEMENTS[t], 10);
                System.arraycopy(values(ELEMENTS[t], 10, prev), 2, expected, 3, 5);
                Check.equal(expected, in, "ring of " + TYPES[t]);
            }

            synchronousAndReady(world, rank);
            buffered(world, rank, next, prev);
            procNull(world);
            wildcards(world, rank, size);
            large(world, rank, next, prev);
            probes(world, rank);
            truncation(world, rank);

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        static Object values(final Class<?> element, final int length, final int seed)
        {
            final Object array = Array.newInstance(element, length);
            for (int i = 0; i < length; i++)
            {
                final int value = seed * 100 + i;
                if (element == boolean.class)
                {
                    Array.setBoolean(array, i, 0 == (seed + i) % 2);
                }
                else if (element == char.class)
                {
                    Array.setChar(array, i, (char)value);
                }
                else if (element == byte.class)
                {
                    Array.setByte(array, i, (byte)value);
                }
                else if (element == short.class)
                {
                    Array.setShort(array, i, (short)value);
                }
                else
                {
                    Array.set(array, i, element == int.class ? (Object)value :
                        element == long.class ? (Object)(long)value :
                        element == float.class ? (Object)(float)value : (Object)(double)value);
                }
            }
            return array;
        }

        private static void synchronousAndReady(final Intracomm world, final int rank) throws Exception
        {
            final int[] one = new int[1];
            if (0 == rank)
            {
                final double start = MPI.Wtime();
                world.Ssend(new int[]{ 42 }, 0, 1, MPI.INT, 1, 20);
                Check.that(MPI.Wtime() - start >= 0.2, "Ssend returned before the receive started");
                world.Barrier();
                world.Rsend(new int[]{ 43 }, 0, 1, MPI.INT, 1, 21);
                world.Rsend(new int[]{ 44 }, 0, 1, MPI.INT, 1, 22);
            }
            else if (1 == rank)
            {
                Thread.sleep(300);
                world.Recv(one, 0, 1, MPI.INT, 0, 20);
                Check.equal(42, one[0], "Ssend");
                final Request ready = world.Irecv(one, 0, 1, MPI.INT, 0, 21);
                world.Barrier();
                ready.Wait();
                Check.equal(43, one[0], "Rsend to a posted receive");
                world.Recv(one, 0, 1, MPI.INT, 0, 22);
                Check.equal(44, one[0], "Rsend with no receive posted is sent as a standard send");
            }
            else
            {
                world.Barrier();
            }
        }

        private static void buffered(final Intracomm world, final int rank, final int next, final int prev)
            throws Exception
        {
            final int messages = 4;
            final ByteBuffer attached = ByteBuffer.allocateDirect(messages * (100 * 8 + MPI.BSEND_OVERHEAD));
            MPI.Buffer_attach(attached);
            final long[] data = (long[])values(long.class, 100, rank);
            for (int m = 0; m < messages; m++)
            {
                world.Bsend(data, 0, 100, MPI.LONG, next, 30 + m);
                data[0]++;
            }
            final long[] in = new long[100];
            for (int m = 0; m < messages; m++)
            {
                world.Recv(in, 0, 100, MPI.LONG, prev, 30 + m);
                Check.equal(prev * 100L + m, in[0], "Bsend " + m);
                Check.equal(prev * 100L + 99, in[99], "Bsend " + m + " last element");
            }
            final ByteBuffer detached = MPI.Buffer_detach();
            Check.that(attached == detached, "Buffer_detach returns the ByteBuffer attached");

            final byte[] array = new byte[2 * (4 + MPI.BSEND_OVERHEAD)];
            MPI.Buffer_attach(array);
            world.Ibsend(new int[]{ rank }, 0, 1, MPI.INT, next, 35).Wait();
            world.Bsend(new int[]{ -rank }, 0, 1, MPI.INT, next, 36);
            final int[] one = new int[1];
            world.Recv(one, 0, 1, MPI.INT, prev, 35);
            Check.equal(prev, one[0], "Ibsend");
            world.Recv(one, 0, 1, MPI.INT, prev, 36);
            Check.equal(-prev, one[0], "Bsend into a byte[]");
            final byte[] back = MPI.Buffer_detach();
            Check.that(array == back, "Buffer_detach returns the byte[] attached");
            try
            {
                world.Bsend(one, 0, 1, MPI.INT, next, 37);
                Check.fail("Bsend with no buffer attached succeeded");
            }
            catch (final MPIException expected)
            {
                Check.equal(1, expected.getErrorClass(), "error class of Bsend with no buffer (MPI_ERR_BUFFER)");
            }
        }

        private static void procNull(final Intracomm world) throws Exception
        {
            final int[] data = { 7, 7 };
            world.Send(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            world.Ssend(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            world.Rsend(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            final Status status = world.Recv(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            Check.equal(MPI.PROC_NULL, status.source, "source of a receive from PROC_NULL");
            Check.equal(MPI.ANY_TAG, status.tag, "tag of a receive from PROC_NULL");
            Check.equal(0, status.Get_count(MPI.INT), "count of a receive from PROC_NULL");
            Check.equal(new int[]{ 7, 7 }, data, "a receive from PROC_NULL leaves the buffer");
            final Request send = world.Isend(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            final Request recv = world.Irecv(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            Check.that(null != send.Test() && null != recv.Test(), "PROC_NULL requests complete at once");
            final Status both = world.Sendrecv(data, 0, 2, MPI.INT, MPI.PROC_NULL, 0,
                data, 0, 2, MPI.INT, MPI.PROC_NULL, 0);
            Check.equal(MPI.PROC_NULL, both.source, "Sendrecv with PROC_NULL");
        }

        private static void wildcards(final Intracomm world, final int rank, final int size) throws Exception
        {
            if (0 != rank)
            {
                world.Send(new int[]{ rank }, 0, 1, MPI.INT, 0, 40 + rank);
                return;
            }
            final boolean[] seen = new boolean[size];
            final int[] one = new int[1];
            for (int i = 1; i < size; i++)
            {
                final Status status = world.Recv(one, 0, 1, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                Check.equal(status.source, one[0], "ANY_SOURCE reports the sender");
                Check.equal(40 + status.source, status.tag, "ANY_TAG reports the tag");
                Check.that(!seen[status.source], "each sender once");
                seen[status.source] = true;
            }
        }

        private static void large(final Intracomm world, final int rank, final int next, final int prev)
            throws Exception
        {
            final int n = 1 << 20;
            final double[] out = new double[n];
            final double[] in = new double[n];
            for (int i = 0; i < n; i++)
            {
                out[i] = rank * 1e7 + i;
            }
            final Status status = world.Sendrecv(out, 0, n, MPI.DOUBLE, next, 50, in, 0, n, MPI.DOUBLE, prev, 50);
            Check.equal(prev, status.source, "Sendrecv source");
            Check.equal(n, status.Get_count(MPI.DOUBLE), "Sendrecv count");
            Check.equal(prev * 1e7 + n - 1, in[n - 1], "8 MB Sendrecv");

            final Request recv = world.Irecv(in, 0, n, MPI.DOUBLE, prev, 51);
            final Request send = world.Isend(out, 0, n, MPI.DOUBLE, next, 51);
            Request.Waitall(new Request[]{ send, recv });
            Check.equal(prev * 1e7 + 12345, in[12345], "8 MB Isend/Irecv");

            System.arraycopy(out, 0, in, 0, n);
            world.Sendrecv_replace(in, 0, n, MPI.DOUBLE, next, 52, prev, 52);
            Check.equal(prev * 1e7 + 7, in[7], "Sendrecv_replace");
        }

        private static void probes(final Intracomm world, final int rank) throws Exception
        {
            if (0 == rank)
            {
                world.Send(new int[7], 0, 7, MPI.INT, 1, 60);
                world.Barrier();
                world.Send(new int[]{ 5 }, 0, 1, MPI.INT, 1, 61);
            }
            else if (1 == rank)
            {
                Check.that(null == world.Iprobe(0, 61), "Iprobe before the message is sent");
                final Status probed = world.Probe(0, 60);
                Check.equal(0, probed.source, "Probe source");
                Check.equal(60, probed.tag, "Probe tag");
                Check.equal(7, probed.Get_count(MPI.INT), "Probe count in ints");
                Check.equal(14, probed.Get_elements(MPI.SHORT), "Probe elements in shorts");
                Check.equal(MPI.UNDEFINED, probed.Get_count(MPI.LONG), "28 bytes are no whole number of longs");
                world.Recv(new int[7], 0, 7, MPI.INT, 0, 60);
                world.Barrier();
                Status found;
                while (null == (found = world.Iprobe(MPI.ANY_SOURCE, MPI.ANY_TAG)))
                {
                    Thread.onSpinWait();
                }
                Check.equal(61, found.tag, "Iprobe tag");
                world.Recv(new int[1], 0, 1, MPI.INT, 0, 61);
            }
            else
            {
                world.Barrier();
            }
        }

        private static void truncation(final Intracomm world, final int rank) throws Exception
        {
            if (0 == rank)
            {
                world.Send(new int[10], 0, 10, MPI.INT, 1, 70);
            }
            else if (1 == rank)
            {
                try
                {
                    world.Recv(new int[5], 0, 5, MPI.INT, 0, 70);
                    Check.fail("a receive too small succeeded");
                }
                catch (final MPIException expected)
                {
                    Check.equal(15, expected.getErrorClass(), "error class of a truncated receive (MPI_ERR_TRUNCATE)");
                }
            }
            try
            {
                world.Send(new double[1], 0, 1, MPI.INT, 0, 71);
                Check.fail("a double[] sent as MPI.INT");
            }
            catch (final MPIException expected)
            {
                Check.equal(3, expected.getErrorClass(), "error class of a buffer of the wrong type (MPI_ERR_TYPE)");
            }
        }
    }

    /**
     * Non-blocking sends in every mode, Test, the request families, cancel, and persistent requests.
     */
    public static final class Requests
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int peer = 1 - rank;
            final int[] in = new int[8];

            final Request isend = world.Isend(new int[]{ rank, 1 }, 0, 2, MPI.INT, peer, 1);
            final Request irecv = world.Irecv(in, 0, 2, MPI.INT, peer, 1);
            Status status;
            while (null == (status = irecv.Test()))
            {
                Thread.onSpinWait();
            }
            Check.equal(peer, status.source, "Test status source");
            Check.equal(2, status.Get_count(MPI.INT), "Test status count");
            Check.equal(peer, in[0], "Isend/Irecv data");
            isend.Wait();
            Check.that(irecv.Is_null() && isend.Is_null(), "completed requests are null");
            Check.equal(MPI.ANY_SOURCE, irecv.Wait().source, "waiting on a null request returns an empty status");

            final Request[] modes = {
                world.Irecv(in, 0, 1, MPI.INT, peer, 2), world.Irecv(in, 1, 1, MPI.INT, peer, 3),
                world.Irecv(in, 2, 1, MPI.INT, peer, 4), world.Irecv(in, 3, 1, MPI.INT, peer, 5),
                null, null, null, null };
            world.Barrier();
            MPI.Buffer_attach(new byte[64]);
            modes[4] = world.Isend(new int[]{ 20 }, 0, 1, MPI.INT, peer, 2);
            modes[5] = world.Issend(new int[]{ 30 }, 0, 1, MPI.INT, peer, 3);
            modes[6] = world.Ibsend(new int[]{ 40 }, 0, 1, MPI.INT, peer, 4);
            modes[7] = world.Irsend(new int[]{ 50 }, 0, 1, MPI.INT, peer, 5);
            final Status[] statuses = Request.Waitall(modes);
            MPI.Buffer_detach();
            Check.equal(new int[]{ 20, 30, 40, 50 }, java.util.Arrays.copyOf(in, 4), "Isend, Issend, Ibsend, Irsend");
            Check.equal(5, statuses[3].tag, "Waitall statuses are in request order");

            synchronous(world, rank, peer);
            families(world, rank, peer);
            cancel(world, rank, peer);
            persistent(world, rank, peer);

            world.Barrier();
            MPI.Finalize();
            System.out.println("ok");
        }

        private static void synchronous(final Intracomm world, final int rank, final int peer) throws Exception
        {
            if (0 == rank)
            {
                final Request issend = world.Issend(new int[]{ 1 }, 0, 1, MPI.INT, peer, 10);
                Check.that(null == issend.Test(), "Issend completed before its receive was posted");
                world.Barrier();
                issend.Wait();
            }
            else
            {
                world.Barrier();
                world.Recv(new int[1], 0, 1, MPI.INT, peer, 10);
            }
        }

        private static void families(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final int n = 4;
            if (0 == rank)
            {
                world.Barrier();
                for (int round = 0; round < 4; round++)
                {
                    for (int i = n - 1; i >= 0; i--)
                    {
                        world.Send(new int[]{ 100 * round + i }, 0, 1, MPI.INT, peer, 100 * round + i);
                    }
                    world.Barrier();
                }
                return;
            }
            final int[] in = new int[n];
            final Request[] requests = new Request[n];

            post(world, requests, in, peer, 0);
            Check.that(null == Request.Testall(requests), "Testall before anything was sent");
            Check.that(null == Request.Testany(requests), "Testany before anything was sent");
            Check.equal(0, Request.Testsome(requests).length, "Testsome before anything was sent");
            world.Barrier();
            final boolean[] done = new boolean[n];
            for (int i = 0; i < n; i++)
            {
                final Status any = Request.Waitany(requests);
                Check.that(!done[any.index], "Waitany reports each request once");
                done[any.index] = true;
                Check.equal(any.index, any.tag, "Waitany index matches the tag");
                Check.equal(any.index, in[any.index], "Waitany data");
            }
            Check.equal(MPI.UNDEFINED, Request.Waitany(requests).index, "Waitany with no active request");
            world.Barrier();

            post(world, requests, in, peer, 100);
            int completed = 0;
            while (completed < n)
            {
                for (final Status some : Request.Waitsome(requests))
                {
                    Check.equal(100 + some.index, some.tag, "Waitsome index matches the tag");
                    completed++;
                }
            }
            Check.equal(0, Request.Waitsome(requests).length, "Waitsome with no active request");
            world.Barrier();

            post(world, requests, in, peer, 200);
            Status[] all;
            while (null == (all = Request.Testall(requests)))
            {
                Thread.onSpinWait();
            }
            Check.equal(203, all[3].tag, "Testall statuses");
            world.Barrier();

            post(world, requests, in, peer, 300);
            completed = 0;
            while (completed < n)
            {
                final Status any = Request.Testany(requests);
                completed += null == any ? 0 : 1;
                for (final Status some : Request.Testsome(requests))
                {
                    Check.equal(300 + some.index, some.tag, "Testsome index matches the tag");
                    completed++;
                }
            }
            Check.equal(300, in[0], "Testany/Testsome data");
            world.Barrier();
        }

        private static void post(
            final Intracomm world, final Request[] requests, final int[] in, final int peer, final int tagBase)
            throws MPIException
        {
            for (int i = 0; i < requests.length; i++)
            {
                requests[i] = world.Irecv(in, i, 1, MPI.INT, peer, tagBase + i);
            }
        }

        private static void cancel(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final Request never = world.Irecv(new int[1], 0, 1, MPI.INT, peer, 999);
            never.Cancel();
            Check.that(never.Wait().Test_cancelled(), "a cancelled receive reports Test_cancelled");
            final Request send = world.Isend(new int[]{ 3 }, 0, 1, MPI.INT, peer, 998);
            send.Cancel();
            Check.that(!send.Wait().Test_cancelled(), "sends are not cancelled");
            final int[] one = new int[1];
            world.Recv(one, 0, 1, MPI.INT, peer, 998);
            Check.equal(3, one[0], "the send whose cancel was refused is delivered");
            final Request freed = world.Isend(new int[]{ 4 }, 0, 1, MPI.INT, peer, 997);
            freed.Free();
            Check.that(freed.Is_null(), "a freed request is null");
            world.Recv(one, 0, 1, MPI.INT, peer, 997);
            Check.equal(4, one[0], "a send whose request was freed is delivered");
        }

        private static void persistent(final Intracomm world, final int rank, final int peer) throws Exception
        {
            final int[] out = new int[3];
            final int[] in = new int[3];
            final Prequest send = world.Send_init(out, 0, 3, MPI.INT, peer, 500);
            final Prequest recv = world.Recv_init(in, 0, 3, MPI.INT, peer, 500);
            for (int round = 0; round < 5; round++)
            {
                out[2] = 10 * rank + round;
                Prequest.Startall(new Prequest[]{ recv, send });
                Request.Waitall(new Request[]{ send, recv });
                Check.equal(10 * peer + round, in[2], "persistent round " + round);
                Check.that(!send.Is_null() && !recv.Is_null(), "a completed persistent request is not null");
            }
            MPI.Buffer_attach(new byte[3 * 4 + MPI.BSEND_OVERHEAD]);
            final Prequest[] modes = {
                world.Ssend_init(out, 0, 3, MPI.INT, peer, 501),
                world.Bsend_init(out, 0, 3, MPI.INT, peer, 502),
                world.Rsend_init(out, 0, 3, MPI.INT, peer, 503) };
            for (int m = 0; m < modes.length; m++)
            {
                out[0] = 1000 * m + rank;
                final Prequest receive = world.Recv_init(in, 0, 3, MPI.INT, peer, 501 + m);
                receive.Start();
                world.Barrier();
                modes[m].Start();
                modes[m].Wait();
                receive.Wait();
                Check.equal(1000 * m + peer, in[0], "persistent send mode " + m);
                receive.Free();
                Check.that(receive.Is_null(), "a freed persistent request is null");
            }
            MPI.Buffer_detach();
            send.Free();
            try
            {
                send.Start();
                Check.fail("a freed persistent request started");
            }
            catch (final MPIException expected)
            {
                Check.equal(7, expected.getErrorClass(), "error class of starting a freed request (MPI_ERR_REQUEST)");
            }
        }
    }
}
