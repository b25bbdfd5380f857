package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.Status;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every buffer kind with offsets and counts, serializable objects, and truncation.
 */
class DatatypeTest
{
    @Test
    void everyBufferKindRoundTrips()
    {
        final JobResult result = JobRunner.run(2, Kinds.class).assertSuccess();
        assertEquals(List.of("byte ok", "short ok", "int ok", "long ok", "float ok", "double ok", "char ok",
            "boolean ok", "direct ByteBuffer ok", "heap ByteBuffer ok", "DirectBuffer ok", "objects ok",
            "truncation ok"), result.linesOfRank(1));
    }

    record Point(int x, String label) implements Serializable
    {
    }

    public static final class Kinds
    {
        public static void main(final String[] args)
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final boolean sender = 0 == world.rank();
                final Object[] arrays = {
                    new byte[]{ 1, -2, 3, 4, 5, 6 },
                    new short[]{ 1, -2, 3, 4, Short.MAX_VALUE, 6 },
                    new int[]{ 1, -2, 3, Integer.MIN_VALUE, 5, 6 },
                    new long[]{ 1, -2, 3, Long.MAX_VALUE, 5, 6 },
                    new float[]{ 1.5f, -2, 3, Float.NaN, 5, 6 },
                    new double[]{ 1.25, -2, 3, Double.MIN_VALUE, 5, 6 },
                    new char[]{ 'a', 'b', '\u20ac', 'd', 'e', 'f' },
                    new boolean[]{ true, false, true, true, false, true } };
                for (final Object array : arrays)
                {
                    final Datatype type = typeOf(array);
                    if (sender)
                    {
                        world.send(array, 1, 4, 1, 0);
                    }
                    else
                    {
                        final Object into = Array.newInstance(array.getClass().getComponentType(), 8);
                        final Status status = world.recv(into, 2, 5, 0, 0);
                        Payloads.checkEquals(4, status.count(), type + " count");
                        Payloads.checkEquals(4 * type.size(), status.bytes(), type + " bytes");
                        for (int i = 0; i < 4; i++)
                        {
                            Payloads.checkEquals(Array.get(array, 1 + i), Array.get(into, 2 + i), type + " element " + i);
                        }
                        Payloads.checkEquals(Array.get(Array.newInstance(into.getClass().getComponentType(), 1), 0),
                            Array.get(into, 6), type + " element after the message is untouched");
                        System.out.println(type.toString().toLowerCase() + " ok");
                    }
                }

                final byte[] bytes = Payloads.bytes(100_000, 5);
                buffers(world, sender, bytes);
                objects(world, sender);
                truncation(world, sender, bytes);
            }
        }

        private static void buffers(final Comm world, final boolean sender, final byte[] bytes)
        {
            if (sender)
            {
                final ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 10);
                direct.position(10);
                direct.put(bytes);
                world.send(direct, 10, bytes.length, 1, 1);
                world.send(ByteBuffer.wrap(bytes), 0, bytes.length, 1, 2);
                world.send(new UnsafeBuffer(bytes), 0, bytes.length, 1, 3);
                return;
            }

            final ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
            world.recv(direct, 0, bytes.length, 0, 1);
            final byte[] copy = new byte[bytes.length];
            direct.get(copy);
            Payloads.checkTrue(Arrays.equals(bytes, copy), "direct ByteBuffer content");
            Payloads.checkEquals(0, direct.position() - bytes.length, "position untouched by the receive");
            System.out.println("direct ByteBuffer ok");

            final ByteBuffer heap = ByteBuffer.allocate(bytes.length + 4);
            world.recv(heap, 4, bytes.length, 0, 2);
            Payloads.checkTrue(Arrays.equals(bytes, Arrays.copyOfRange(heap.array(), 4, 4 + bytes.length)),
                "heap ByteBuffer content");
            System.out.println("heap ByteBuffer ok");

            final UnsafeBuffer offHeap = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes.length));
            world.recv(offHeap, 0, bytes.length, 0, 3);
            final byte[] back = new byte[bytes.length];
            offHeap.getBytes(0, back);
            Payloads.checkTrue(Arrays.equals(bytes, back), "DirectBuffer content");
            System.out.println("DirectBuffer ok");
        }

        private static void objects(final Comm world, final boolean sender)
        {
            final Object[] objects = { new Point(1, "one"), "text", null, List.of(1, 2, 3), new int[]{ 7 } };
            if (sender)
            {
                world.sendObjects(objects, 1, 4, 1, 4);
                world.sendObjects(objects, 0, 5, 1, 5);
                return;
            }

            final Object[] into = new Object[6];
            final Status status = world.recvObjects(into, 1, 5, 0, 4);
            Payloads.checkEquals(4, status.count(), "object count");
            Payloads.checkEquals("text", into[1], "string");
            Payloads.checkEquals(null, into[2], "null");
            Payloads.checkEquals(List.of(1, 2, 3), into[3], "list");
            Payloads.checkEquals(7, ((int[])into[4])[0], "array");
            final Object[] small = new Object[2];
            try
            {
                world.recvObjects(small, 0, 2, 0, 5);
                throw new AssertionError("5 objects fit into 2");
            }
            catch (final MpiException ex)
            {
                Payloads.checkEquals(ErrorClass.ERR_TRUNCATE, ex.errorClass(), "objects truncated");
            }
            Payloads.checkEquals(new Point(1, "one"), small[0], "record");
            System.out.println("objects ok");
        }

        private static void truncation(final Comm world, final boolean sender, final byte[] bytes)
        {
            if (sender)
            {
                world.send(bytes, 0, 100, 1, 6);
                world.send(bytes, 0, bytes.length, 1, 7);
                world.send(bytes, 0, 10, 1, 8);
                return;
            }

            for (final int tag : new int[]{ 6, 7 })
            {
                final byte[] into = new byte[50];
                try
                {
                    world.recv(into, 0, into.length, 0, tag);
                    throw new AssertionError("a longer message fit");
                }
                catch (final MpiException ex)
                {
                    Payloads.checkEquals(ErrorClass.ERR_TRUNCATE, ex.errorClass(), "error class");
                }
                Payloads.checkTrue(Arrays.equals(Arrays.copyOf(bytes, 50), into), "what fits is delivered");
            }
            final Status status = world.recv(new byte[10], 0, 10, 0, 8);
            Payloads.checkEquals(10, status.count(), "the next message is intact after truncations");
            System.out.println("truncation ok");
        }

        private static Datatype typeOf(final Object array)
        {
            for (final Datatype type : new Datatype[]{ Datatype.BYTE, Datatype.SHORT, Datatype.INT, Datatype.LONG,
                Datatype.FLOAT, Datatype.DOUBLE, Datatype.CHAR, Datatype.BOOLEAN })
            {
                if (type.arrayClass() == array.getClass())
                {
                    return type;
                }
            }
            throw new AssertionError("no datatype for " + array.getClass());
        }
    }
}
