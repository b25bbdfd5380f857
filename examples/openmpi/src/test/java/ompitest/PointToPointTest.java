package ompitest;

import io.jmpi.launcher.JobRunner;
import mpi.Comm;
import mpi.Datatype;
import mpi.MPI;
import mpi.MPIException;
import mpi.Message;
import mpi.Prequest;
import mpi.Request;
import mpi.Status;
import mpitest.Check;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Point-to-point communication of Open MPI's Java API with arrays, slices and direct buffers: every blocking send
 * mode and basic type, sendRecv, sendRecvReplace, PROC_NULL and wildcards, probes and matched probes,
 * truncation, pack and unpack, the non-blocking and persistent calls on direct buffers and their rejection of
 * heap buffers.
 */
class PointToPointTest
{
    @Test
    void blockingOnThreeRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(3, Blocking.class).assertSuccess().linesOfRank(0));
    }

    @Test
    void nonBlockingOnTwoRanks()
    {
        assertEquals(List.of("ok"), JobRunner.run(2, NonBlocking.class).assertSuccess().linesOfRank(1));
    }

    static Object values(final Class<?> element, final int length, final int seed)
    {
        final Object array = Array.newInstance(element, length);
        for (int i = 0; i < length; i++)
        {
            final int v = seed * 100 + i + 1;
            if (element == byte.class)
            {
                Array.setByte(array, i, (byte)v);
            }
            else if (element == char.class)
            {
                Array.setChar(array, i, (char)v);
            }
            else if (element == short.class)
            {
                Array.setShort(array, i, (short)v);
            }
            else if (element == boolean.class)
            {
                Array.setBoolean(array, i, 0 == (v + seed) % 3);
            }
            else if (element == int.class)
            {
                Array.setInt(array, i, v);
            }
            else if (element == long.class)
            {
                Array.setLong(array, i, v * 1_000_000_007L);
            }
            else if (element == float.class)
            {
                Array.setFloat(array, i, v + 0.25f);
            }
            else
            {
                Array.setDouble(array, i, v + 0.125);
            }
        }
        return array;
    }

    /**
     * Blocking calls with arrays, slices and direct buffers.
     */
    public static final class Blocking
    {
        private static final Datatype[] TYPES = {
            MPI.BYTE, MPI.CHAR, MPI.SHORT, MPI.BOOLEAN, MPI.INT, MPI.LONG, MPI.FLOAT, MPI.DOUBLE };
        private static final Class<?>[] ELEMENTS = {
            byte.class, char.class, short.class, boolean.class, int.class, long.class, float.class, double.class };

        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Comm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int size = world.getSize();
            final int next = (rank + 1) % size;
            final int prev = (rank + size - 1) % size;

            for (int t = 0; t < TYPES.length; t++)
            {
                final Object out = values(ELEMENTS[t], 10, rank);
                final Object in = Array.newInstance(ELEMENTS[t], 10);
                final Status status = world.sendRecv(out, 10, TYPES[t], next, t, in, 10, TYPES[t], prev, t);
                Check.equal(values(ELEMENTS[t], 10, prev), in, "sendRecv of " + TYPES[t]);
                Check.equal(prev, status.getSource(), "source of " + TYPES[t]);
                Check.equal(t, status.getTag(), "tag of " + TYPES[t]);
                Check.equal(10, status.getCount(TYPES[t]), "count of " + TYPES[t]);
            }

            modes(world, rank, size);
            directBuffers(world, next, prev, rank);
            procNullAndWildcards(world, rank, size);
            probes(world, rank, size);
            truncation(world, rank, next, prev);
            packing(world, rank, next, prev);

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }

        private static void modes(final Comm world, final int rank, final int size) throws MPIException
        {
            final int[] data = (int[])values(int.class, 6, rank);
            final int[] in = new int[6];
            MPI.attachBuffer(new byte[1024]);
            if (0 == rank)
            {
                for (int peer = 1; peer < size; peer++)
                {
                    world.send(data, 6, MPI.INT, peer, 1);
                    world.sSend(data, 6, MPI.INT, peer, 2);
                    world.bSend(data, 6, MPI.INT, peer, 3);
                    world.recv(in, 6, MPI.INT, peer, 4);
                    world.rSend(data, 6, MPI.INT, peer, 5);
                    Check.equal(values(int.class, 6, peer), in, "reply of rank " + peer);
                }
            }
            else
            {
                for (int tag = 1; tag <= 3; tag++)
                {
                    java.util.Arrays.fill(in, 0);
                    world.recv(in, 6, MPI.INT, 0, tag);
                    Check.equal(values(int.class, 6, 0), in, "mode of tag " + tag);
                }
                world.send(data, 6, MPI.INT, 0, 4);
                world.recv(in, 6, MPI.INT, 0, 5);
                Check.equal(values(int.class, 6, 0), in, "ready mode");
            }
            MPI.detachBuffer();
        }

        private static void directBuffers(final Comm world, final int next, final int prev, final int rank)
            throws MPIException
        {
            final DoubleBuffer out = MPI.newDoubleBuffer(8);
            for (int i = 0; i < 8; i++)
            {
                out.put(i, rank + i / 10.0);
            }
            final DoubleBuffer in = MPI.newDoubleBuffer(8);
            final Status status = world.sendRecv(MPI.slice(out, 2), 4, MPI.DOUBLE, next, 9,
                MPI.slice(in, 1), 4, MPI.DOUBLE, prev, 9);
            Check.equal(4, status.getCount(MPI.DOUBLE), "count into a direct slice");
            Check.equal(0.0, in.get(0), "element before the slice");
            for (int i = 0; i < 4; i++)
            {
                Check.equal(prev + (i + 2) / 10.0, in.get(1 + i), "direct double " + i);
            }
            final int[] ring = { rank, rank * 2, rank * 3 };
            world.sendRecvReplace(ring, 3, MPI.INT, next, 10, prev, 10);
            Check.equal(new int[]{ prev, prev * 2, prev * 3 }, ring, "sendRecvReplace");
            final ByteBuffer bytes = MPI.newByteBuffer(4);
            bytes.putInt(0, rank + 40);
            world.sendRecvReplace(bytes, 1, MPI.INT, next, 11, prev, 11);
            Check.equal(prev + 40, bytes.getInt(0), "sendRecvReplace of an int in a byte buffer");
        }

        private static void procNullAndWildcards(final Comm world, final int rank, final int size)
            throws MPIException
        {
            final int[] in = { 42 };
            world.send(in, 1, MPI.INT, MPI.PROC_NULL, 0);
            final Status none = world.recv(in, 1, MPI.INT, MPI.PROC_NULL, 0);
            Check.equal(MPI.PROC_NULL, none.getSource(), "source of a receive from PROC_NULL");
            Check.equal(MPI.ANY_TAG, none.getTag(), "tag of a receive from PROC_NULL");
            Check.equal(0, none.getCount(MPI.INT), "count of a receive from PROC_NULL");
            Check.equal(42, in[0], "a receive from PROC_NULL leaves the buffer");
            final Comm wild = world.dup();
            if (0 == rank)
            {
                final boolean[] seen = new boolean[size];
                for (int i = 1; i < size; i++)
                {
                    final Status status = wild.recv(in, 1, MPI.INT, MPI.ANY_SOURCE, MPI.ANY_TAG);
                    Check.equal(status.getSource() * 10, in[0], "payload of rank " + status.getSource());
                    Check.equal(status.getSource() + 100, status.getTag(), "tag of rank " + status.getSource());
                    seen[status.getSource()] = true;
                }
                for (int r = 1; r < size; r++)
                {
                    Check.that(seen[r], "a message from rank " + r);
                }
            }
            else
            {
                wild.send(new int[]{ rank * 10 }, 1, MPI.INT, 0, rank + 100);
            }
            wild.free();
        }

        private static void probes(final Comm world, final int rank, final int size) throws MPIException
        {
            if (0 == rank)
            {
                for (int i = 1; i < size; i++)
                {
                    final Status probed = world.probe(MPI.ANY_SOURCE, 20);
                    final long[] in = new long[probed.getCount(MPI.LONG)];
                    Check.equal(probed.getSource() + 1, in.length, "probed count of rank " + probed.getSource());
                    world.recv(in, in.length, MPI.LONG, probed.getSource(), 20);
                    Check.equal(probed.getSource() * 7L, in[in.length - 1], "probed payload");
                }
                for (int i = 1; i < size; i++)
                {
                    final Message message = new Message();
                    Check.that(message.isNull(), "a new message is null");
                    Status status;
                    while (null == (status = message.imProbe(MPI.ANY_SOURCE, 21, world)))
                    {
                        Thread.onSpinWait();
                    }
                    final short[] in = new short[status.getCount(MPI.SHORT)];
                    final Status received = message.mRecv(in, in.length, MPI.SHORT);
                    Check.equal(status.getSource(), received.getSource(), "mRecv source");
                    Check.equal((short)(received.getSource() + 5), in[0], "mRecv payload");
                    Check.that(message.isNull(), "a received message is null");
                }
                final Message message = new Message();
                final Status status = message.mProbe(MPI.ANY_SOURCE, 22, world);
                final IntBuffer in = MPI.newIntBuffer(2);
                message.imRecv(in, 2, MPI.INT).waitFor();
                Check.equal(status.getSource(), in.get(1), "imRecv payload");
                for (int i = 2; i < size; i++)
                {
                    world.recv(new int[2], 2, MPI.INT, MPI.ANY_SOURCE, 22);
                }
                Check.that(null == world.iProbe(MPI.ANY_SOURCE, 23), "iProbe finds no message");
            }
            else
            {
                final long[] out = new long[rank + 1];
                out[rank] = rank * 7L;
                world.send(out, out.length, MPI.LONG, 0, 20);
                final short[] shorts = new short[rank + 2];
                shorts[0] = (short)(rank + 5);
                world.send(shorts, shorts.length, MPI.SHORT, 0, 21);
                world.send(new int[]{ 0, rank }, 2, MPI.INT, 0, 22);
            }
            world.barrier();
        }

        private static void truncation(final Comm world, final int rank, final int next, final int prev)
            throws MPIException
        {
            world.setErrhandler(MPI.ERRORS_RETURN);
            try
            {
                world.sendRecv(new int[5], 5, MPI.INT, next, 30, new int[3], 3, MPI.INT, prev, 30);
                Check.fail("a receive of 5 ints into 3 succeeded");
            }
            catch (final MPIException ex)
            {
                Check.equal(MPI.ERR_TRUNCATE, ex.getErrorClass(), "error class of a truncated receive");
            }
            world.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }

        private static void packing(final Comm world, final int rank, final int next, final int prev)
            throws MPIException
        {
            final byte[] packed = new byte[world.packSize(3, MPI.INT) + world.packSize(2, MPI.DOUBLE)];
            Check.equal(28, packed.length, "packSize of 3 ints and 2 doubles");
            int position = world.pack(new int[]{ rank, rank + 1, rank + 2 }, 3, MPI.INT, packed, 0);
            position = world.pack(new double[]{ rank * 0.5, rank * 1.5 }, 2, MPI.DOUBLE, packed, position);
            Check.equal(28, position, "position after packing");
            final byte[] in = new byte[packed.length];
            world.sendRecv(packed, position, MPI.PACKED, next, 31, in, in.length, MPI.PACKED, prev, 31);
            final int[] ints = new int[3];
            final double[] doubles = new double[2];
            position = world.unpack(in, 0, ints, 3, MPI.INT);
            position = world.unpack(in, position, doubles, 2, MPI.DOUBLE);
            Check.equal(28, position, "position after unpacking");
            Check.equal(new int[]{ prev, prev + 1, prev + 2 }, ints, "unpacked ints");
            Check.equal(new double[]{ prev * 0.5, prev * 1.5 }, doubles, "unpacked doubles");
        }
    }

    /**
     * Non-blocking and persistent calls on direct buffers, and the completion calls of requests.
     */
    public static final class NonBlocking
    {
        public static void main(final String[] args) throws Exception
        {
            MPI.Init(args);
            final Comm world = MPI.COMM_WORLD;
            final int rank = world.getRank();
            final int peer = 1 - rank;

            try
            {
                world.iSend(IntBuffer.allocate(4), 4, MPI.INT, peer, 0);
                Check.fail("iSend of a heap buffer was accepted");
            }
            catch (final IllegalArgumentException ex)
            {
                Check.equal("The buffer must be direct.", ex.getMessage(), "message for a heap buffer");
            }

            final IntBuffer out = MPI.newIntBuffer(4);
            for (int i = 0; i < 4; i++)
            {
                out.put(i, rank * 10 + i);
            }
            final IntBuffer[] ins = { MPI.newIntBuffer(4), MPI.newIntBuffer(4), MPI.newIntBuffer(4),
                MPI.newIntBuffer(4) };
            final Request[] receives = {
                world.iRecv(ins[0], 4, MPI.INT, peer, 1), world.iRecv(ins[1], 4, MPI.INT, peer, 2),
                world.iRecv(ins[2], 4, MPI.INT, peer, 3), world.iRecv(ins[3], 4, MPI.INT, MPI.ANY_SOURCE, 4) };
            MPI.attachBuffer(new byte[256]);
            final Request[] sends = {
                world.iSend(out, 4, MPI.INT, peer, 1), world.isSend(out, 4, MPI.INT, peer, 2),
                world.ibSend(out, 4, MPI.INT, peer, 3), world.irSend(out, 4, MPI.INT, peer, 4) };
            final Status any = Request.waitAnyStatus(receives);
            Check.that(any.getIndex() >= 0 && any.getIndex() < 4, "index of waitAnyStatus");
            Check.that(receives[any.getIndex()].isNull(), "a completed request is null");
            final int[] some = Request.waitSome(receives);
            Check.that(null != some, "waitSome with active requests");
            final Status[] statuses = Request.waitAllStatus(receives);
            Check.equal(4, statuses.length, "waitAllStatus length");
            Request.waitAll(sends);
            MPI.detachBuffer();
            for (int r = 0; r < 4; r++)
            {
                for (int i = 0; i < 4; i++)
                {
                    Check.equal(peer * 10 + i, ins[r].get(i), "iRecv " + r + " element " + i);
                }
            }
            Check.equal(MPI.UNDEFINED, Request.waitAny(receives), "waitAny of inactive requests");
            Check.that(null == Request.waitSome(receives), "waitSome of inactive requests");

            final Request pending = world.iRecv(ins[0], 4, MPI.INT, peer, 50);
            Check.that(null == pending.testStatus(), "testStatus of a pending receive");
            Check.that(null == pending.getStatus(), "getStatus of a pending receive");
            Check.equal(MPI.UNDEFINED, Request.testAny(new Request[]{ pending }), "testAny of a pending receive");
            Check.that(!Request.testAll(new Request[]{ pending }), "testAll of a pending receive");
            Check.equal(0, Request.testSome(new Request[]{ pending }).length, "testSome of a pending receive");
            pending.cancel();
            final Status cancelled = pending.waitStatus();
            Check.that(cancelled.isCancelled(), "a cancelled receive");

            final IntBuffer persistentOut = MPI.newIntBuffer(2);
            final IntBuffer persistentIn = MPI.newIntBuffer(2);
            final Prequest send = 0 == rank ? world.sendInit(persistentOut, 2, MPI.INT, peer, 60) :
                world.sSendInit(persistentOut, 2, MPI.INT, peer, 60);
            final Prequest recv = world.recvInit(persistentIn, 2, MPI.INT, peer, 60);
            for (int round = 0; round < 3; round++)
            {
                persistentOut.put(0, rank + round);
                persistentOut.put(1, rank - round);
                Prequest.startAll(new Prequest[]{ recv, send });
                final Status[] done = Request.waitAllStatus(new Request[]{ recv, send });
                Check.equal(2, done[0].getCount(MPI.INT), "persistent count, round " + round);
                Check.equal(peer + round, persistentIn.get(0), "persistent first, round " + round);
                Check.equal(peer - round, persistentIn.get(1), "persistent second, round " + round);
                Check.that(!recv.isNull(), "an inactive persistent request is not null");
            }
            send.free();
            recv.free();
            Check.that(send.isNull(), "a freed persistent request is null");

            final IntBuffer testOut = MPI.newIntBuffer(1);
            testOut.put(0, rank + 70);
            final IntBuffer testIn = MPI.newIntBuffer(1);
            final Request tested = world.iRecv(testIn, 1, MPI.INT, peer, 70);
            world.iSend(testOut, 1, MPI.INT, peer, 70).waitFor();
            while (!tested.test())
            {
                Thread.onSpinWait();
            }
            Check.equal(peer + 70, testIn.get(0), "test completes a receive");
            Check.that(MPI.REQUEST_NULL.isNull(), "REQUEST_NULL is null");

            world.barrier();
            System.out.println("ok");
            MPI.Finalize();
        }
    }
}
