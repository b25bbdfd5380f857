package mpitest;

import io.jmpi.launcher.JobRunner;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MPI.OBJECT point to point in every mode, object receives in posting order, and Pack/Unpack with MPI.PACKED.
 */
class ObjectsTest
{
    @Test
    void objectsAndPacking()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Objects.class).assertSuccess().linesOfRank(0));
    }

    /**
     * A serializable value class of the program.
     */
    record Point(int x, String label) implements Serializable
    {
    }

    public static final class Objects
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Intracomm world = MPI.COMM_WORLD;
            final int rank = world.Rank();
            final int size = world.Size();
            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;

            final Object[] out = { "skip", new Point(rank, "p" + rank), List.of(rank, rank + 1), null, "end" + rank };
            final Object[] in = new Object[6];
            final Request recv = world.Irecv(in, 1, 5, MPI.OBJECT, prev, 1);
            world.Send(out, 1, 4, MPI.OBJECT, next, 1);
            final Status status = recv.Wait();
            Check.equal(4, status.Get_count(MPI.OBJECT), "objects received");
            Check.equal(new Object[]{ null, new Point(prev, "p" + prev), List.of(prev, prev + 1), null, "end" + prev,
                null }, in, "objects around the ring");

            final Object[] one = new Object[1];
            final Request posted = world.Irecv(one, 0, 1, MPI.OBJECT, prev, 2);
            world.Ssend(new Object[]{ "ssend" + rank }, 0, 1, MPI.OBJECT, next, 2);
            posted.Wait();
            Check.equal("ssend" + prev, one[0], "Ssend of objects");
            MPI.Buffer_attach(new byte[4096]);
            world.Bsend(new Object[]{ "bsend" + rank }, 0, 1, MPI.OBJECT, next, 3);
            world.Ibsend(new Object[]{ "ibsend" + rank }, 0, 1, MPI.OBJECT, next, 4).Wait();
            world.Recv(one, 0, 1, MPI.OBJECT, prev, 3);
            Check.equal("bsend" + prev, one[0], "Bsend of objects");
            world.Recv(one, 0, 1, MPI.OBJECT, prev, 4);
            Check.equal("ibsend" + prev, one[0], "Ibsend of objects");
            MPI.Buffer_detach();

            final Object[] swapped = { "mine" + rank };
            world.Sendrecv_replace(swapped, 0, 1, MPI.OBJECT, next, 5, prev, 5);
            Check.equal("mine" + prev, swapped[0], "Sendrecv_replace of objects");
            world.Sendrecv(new Object[]{ rank }, 0, 1, MPI.OBJECT, next, 6, one, 0, 1, MPI.OBJECT, prev, 6);
            Check.equal(prev, one[0], "Sendrecv of objects");

            large(world, rank, next, prev);
            ordering(world, rank, size);
            errorsAndNull(world, rank);
            persistent(world, next, prev);
            packing(world, rank);
            filtered(world, rank);

            world.Barrier();
            MPI.Finalize();
            if (0 == rank)
            {
                System.out.println("ok");
            }
        }

        /**
         * A class outside the deserialization filter fails the receive with ERR_OTHER naming it, whether the objects
         * come inline, after a header, or by a collective; the communicator stays usable.
         */
        private static void filtered(final Intracomm world, final int rank) throws Exception
        {
            final Object[] small = { new javax.management.ObjectName("jmpi:type=Small") };
            // beyond the 8 KiB of a first message: a header, then the payload
            final Object[] big = { new byte[32 * 1024], new javax.management.ObjectName("jmpi:type=Big") };
            if (1 == rank)
            {
                world.Send(small, 0, 1, MPI.OBJECT, 2, 40);
                world.Send(big, 0, 2, MPI.OBJECT, 2, 41);
                world.Send(new Object[]{ "fine" }, 0, 1, MPI.OBJECT, 2, 42);
            }
            else if (2 == rank)
            {
                rejected(() -> world.Recv(new Object[1], 0, 1, MPI.OBJECT, 1, 40), "inline objects");
                rejected(() -> world.Irecv(new Object[2], 0, 2, MPI.OBJECT, 1, 41).Wait(), "objects after a header");
                final Object[] fine = new Object[1];
                world.Recv(fine, 0, 1, MPI.OBJECT, 1, 42);
                Check.equal("fine", fine[0], "objects received after rejected ones");
            }
            final Object[] broadcast = 0 == rank ? small.clone() : new Object[1];
            if (0 == rank)
            {
                world.Bcast(broadcast, 0, 1, MPI.OBJECT, 0);
            }
            else
            {
                rejected(() -> world.Bcast(broadcast, 0, 1, MPI.OBJECT, 0), "broadcast objects");
            }
            final Object[] after = { 0 == rank ? "after" : null };
            world.Bcast(after, 0, 1, MPI.OBJECT, 0);
            Check.equal("after", after[0], "a broadcast after a rejected one");
        }

        private static void rejected(final Call call, final String what)
        {
            try
            {
                call.run();
                Check.fail(what + " of a class outside the filter were accepted");
            }
            catch (final MPIException expected)
            {
                Check.equal(16, expected.getErrorClass(), "error class of rejected " + what);
                Check.that(expected.getMessage().contains("class javax.management.ObjectName is neither on the " +
                    "class path nor a JDK value class"), "the rejection names the class: " + expected.getMessage());
            }
        }

        /**
         * A call of the mpiJava API.
         */
        private interface Call
        {
            void run() throws MPIException;
        }

        private static void large(final Intracomm world, final int rank, final int next, final int prev)
            throws Exception
        {
            final double[] big = new double[100_000];
            big[99_999] = rank;
            final Object[] in = new Object[2];
            final Request recv = world.Irecv(in, 0, 2, MPI.OBJECT, prev, 7);
            world.Send(new Object[]{ big, "small" + rank }, 0, 2, MPI.OBJECT, next, 7);
            recv.Wait();
            Check.equal((double)prev, ((double[])in[0])[99_999], "800 KB object after a posted Irecv");
            Check.equal("small" + prev, in[1], "second object of a large message");

            final Request sync = world.Irecv(in, 0, 1, MPI.OBJECT, prev, 8);
            world.Ssend(new Object[]{ big }, 0, 1, MPI.OBJECT, next, 8);
            sync.Wait();
            Check.equal((double)prev, ((double[])in[0])[99_999], "large object Ssend");

            if (0 == rank)
            {
                world.Send(new Object[]{ big, big }, 0, 2, MPI.OBJECT, 1, 9);
                world.Isend(new Object[]{ "after" }, 0, 1, MPI.OBJECT, 1, 9).Wait();
            }
            else if (1 == rank)
            {
                Thread.sleep(200);
                final Status status = world.Recv(in, 0, 2, MPI.OBJECT, 0, 9);
                Check.equal(2, status.Get_count(MPI.OBJECT), "large objects sent before the receive was posted");
                Check.that(in[0] == in[1], "objects of one message keep their shared references");
                world.Recv(in, 0, 1, MPI.OBJECT, 0, 9);
                Check.equal("after", in[0], "a small object message after a large one, same tag");
            }
        }

        private static void ordering(final Intracomm world, final int rank, final int size) throws Exception
        {
            if (0 != rank)
            {
                world.Send(new Object[]{ "first" + rank }, 0, 1, MPI.OBJECT, 0, 10);
                world.Send(new Object[]{ "second" + rank }, 0, 1, MPI.OBJECT, 0, 10);
                world.Isend(new Object[]{ new Point(rank, "any") }, 0, 1, MPI.OBJECT, 0, 11 + rank).Wait();
                return;
            }
            for (int source = 1; source < size; source++)
            {
                final Object[] a = new Object[1];
                final Object[] b = new Object[1];
                final Request first = world.Irecv(a, 0, 1, MPI.OBJECT, source, 10);
                final Request second = world.Irecv(b, 0, 1, MPI.OBJECT, source, MPI.ANY_TAG);
                second.Wait();
                first.Wait();
                Check.equal("first" + source, a[0], "the first posted object receive gets the first message");
                Check.equal("second" + source, b[0], "the second posted object receive gets the second message");
            }
            final boolean[] seen = new boolean[size];
            for (int i = 1; i < size; i++)
            {
                final Object[] p = new Object[1];
                final Status status = world.Recv(p, 0, 1, MPI.OBJECT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                Check.equal(new Point(status.source, "any"), p[0], "ANY_SOURCE object receive");
                Check.equal(11 + status.source, status.tag, "ANY_TAG object receive");
                seen[status.source] = true;
            }
            Check.that(seen[1], "object from rank 1");
        }

        private static void errorsAndNull(final Intracomm world, final int rank) throws Exception
        {
            final Object[] kept = { "kept" };
            final Status status = world.Recv(kept, 0, 1, MPI.OBJECT, MPI.PROC_NULL, 0);
            Check.equal(MPI.PROC_NULL, status.source, "object receive from PROC_NULL");
            Check.equal(0, status.Get_count(MPI.OBJECT), "count of an object receive from PROC_NULL");
            Check.equal("kept", kept[0], "an object receive from PROC_NULL leaves the buffer");
            if (1 == rank)
            {
                world.Send(new Object[]{ 1, 2, 3 }, 0, 3, MPI.OBJECT, 2, 20);
                world.Send(new Object[]{ "late" }, 0, 1, MPI.OBJECT, 2, 21);
            }
            else if (2 == rank)
            {
                final Status probed = world.Probe(1, 20);
                Check.equal(20, probed.tag, "Probe of an object message");
                Check.equal(MPI.UNDEFINED, probed.Get_count(MPI.OBJECT), "a probe cannot count objects");
                try
                {
                    world.Recv(new Object[2], 0, 2, MPI.OBJECT, 1, 20);
                    Check.fail("three objects fit a receive of two");
                }
                catch (final MPIException expected)
                {
                    Check.equal(15, expected.getErrorClass(), "truncated object receive");
                }
                final Request cancelled = world.Irecv(new Object[1], 0, 1, MPI.OBJECT, 1, 999);
                cancelled.Cancel();
                Check.that(cancelled.Wait().Test_cancelled(), "a cancelled object receive");
                final Object[] late = new Object[1];
                world.Recv(late, 0, 1, MPI.OBJECT, 1, 21);
                Check.equal("late", late[0], "object receive after a cancelled one");
            }
        }

        private static void persistent(final Intracomm world, final int next, final int prev) throws Exception
        {
            final Object[] out = new Object[1];
            final Object[] in = new Object[1];
            final Prequest send = world.Send_init(out, 0, 1, MPI.OBJECT, next, 30);
            final Prequest recv = world.Recv_init(in, 0, 1, MPI.OBJECT, prev, 30);
            for (int round = 0; round < 3; round++)
            {
                out[0] = "round" + round + "from" + world.Rank();
                recv.Start();
                send.Start();
                send.Wait();
                recv.Wait();
                Check.equal("round" + round + "from" + prev, in[0], "persistent object receive " + round);
            }
        }

        private static void packing(final Intracomm world, final int rank) throws Exception
        {
            final int ints = world.Pack_size(3, MPI.INT);
            final int doubles = world.Pack_size(2, MPI.DOUBLE);
            Check.equal(12, ints, "Pack_size of 3 ints");
            Check.equal(16, doubles, "Pack_size of 2 doubles");
            try
            {
                world.Pack_size(1, MPI.OBJECT);
                Check.fail("Pack_size of objects");
            }
            catch (final MPIException expected)
            {
                Check.equal(3, expected.getErrorClass(), "Pack_size of objects (MPI_ERR_TYPE)");
            }
            if (0 == rank)
            {
                final byte[] packed = new byte[1000];
                int position = world.Pack(new int[]{ 0, 1, 2, 3 }, 1, 3, MPI.INT, packed, 0);
                position = world.Pack(new double[]{ 0.5, 1.5 }, 0, 2, MPI.DOUBLE, packed, position);
                position = world.Pack(new boolean[]{ true, false }, 0, 2, MPI.BOOLEAN, packed, position);
                position = world.Pack(new char[]{ 'j', 'm' }, 0, 2, MPI.CHAR, packed, position);
                position = world.Pack(new Object[]{ new Point(7, "packed") }, 0, 1, MPI.OBJECT, packed, position);
                position = world.Pack(new long[]{ -1L }, 0, 1, MPI.LONG, packed, position);
                world.Send(packed, 0, position, MPI.PACKED, 1, 40);
                try
                {
                    world.Pack(new long[4], 0, 4, MPI.LONG, new byte[8], 0);
                    Check.fail("Pack beyond the end of the byte array");
                }
                catch (final MPIException expected)
                {
                    Check.equal(15, expected.getErrorClass(), "Pack that does not fit (MPI_ERR_TRUNCATE)");
                }
            }
            else if (1 == rank)
            {
                final Status probed = world.Probe(0, 40);
                final byte[] packed = new byte[probed.Get_count(MPI.PACKED)];
                world.Recv(packed, 0, packed.length, MPI.PACKED, 0, 40);
                final int[] ints3 = new int[4];
                final double[] doubles2 = new double[2];
                final boolean[] flags = new boolean[2];
                final char[] chars = new char[2];
                final Object[] objects = new Object[1];
                final long[] longs = new long[1];
                int position = world.Unpack(packed, 0, ints3, 1, 3, MPI.INT);
                position = world.Unpack(packed, position, doubles2, 0, 2, MPI.DOUBLE);
                position = world.Unpack(packed, position, flags, 0, 2, MPI.BOOLEAN);
                position = world.Unpack(packed, position, chars, 0, 2, MPI.CHAR);
                position = world.Unpack(packed, position, objects, 0, 1, MPI.OBJECT);
                position = world.Unpack(packed, position, longs, 0, 1, MPI.LONG);
                Check.equal(packed.length, position, "Unpack consumes every packed byte");
                Check.equal(new int[]{ 0, 1, 2, 3 }, ints3, "unpacked ints");
                Check.equal(new double[]{ 0.5, 1.5 }, doubles2, "unpacked doubles");
                Check.equal(new boolean[]{ true, false }, flags, "unpacked booleans");
                Check.equal(new char[]{ 'j', 'm' }, chars, "unpacked chars");
                Check.equal(new Point(7, "packed"), objects[0], "unpacked object");
                Check.equal(-1L, longs[0], "unpacked long");
            }
        }
    }
}
