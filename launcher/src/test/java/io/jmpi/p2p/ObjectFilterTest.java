package io.jmpi.p2p;

import io.jmpi.Comm;
import io.jmpi.ErrorClass;
import io.jmpi.Mpi;
import io.jmpi.MpiException;
import io.jmpi.ObjectCodec;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.io.File;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Received objects pass a deserialization filter: by default the classes of the class path and the JDK's value
 * classes in a bounded graph, or what {@code jmpi.serialFilter} says. A rejected stream fails its receive with
 * ERR_OTHER naming the class or the limit, and the rank goes on communicating.
 */
class ObjectFilterTest
{
    private static final String FORGED_ARRAY_REJECTED = "ERR_OTHER: the deserialization filter rejected the " +
        "received objects: an array of 2147483632 elements (int[]), longer than the 4936 bytes left in the message";

    @Test
    void theDefaultFilterLetsValuesThroughAndRejectsOtherClassesAndOversizedGraphs()
    {
        final JobResult result = JobRunner.run(2, Exchange.class, "default").assertSuccess();
        final List<String> lines = result.linesOfRank(1);
        assertEquals(List.of(
            "values ok",
            "ERR_OTHER: the deserialization filter rejected the received objects: class javax.management.ObjectName" +
                " is neither on the class path nor a JDK value class (set jmpi.serialFilter to allow it)",
            "ERR_OTHER: the deserialization filter rejected the received objects: class java.io.File" +
                " is neither on the class path nor a JDK value class (set jmpi.serialFilter to allow it)",
            "values ok",
            "ERR_OTHER: the deserialization filter rejected the received objects: the objects nest deeper than 256" +
                " levels",
            FORGED_ARRAY_REJECTED,
            "still communicating"), lines, result.toString());
    }

    @Test
    void thePropertyReplacesTheDefaultFilter()
    {
        final JobResult result = JobRunner.run(
            List.of("-J-Djmpi.serialFilter=java.io.File;java.lang.*;!*"), JobRunner.DEFAULT_TIMEOUT, 2,
            Exchange.class, "property").assertSuccess();
        assertEquals(List.of(
            "file ok",
            "ERR_OTHER: the deserialization filter rejected the received objects: " +
                "jmpi.serialFilter=\"java.io.File;java.lang.*;!*\" rejects class java.util.HashMap" +
                " (depth 1, 1 references)",
            FORGED_ARRAY_REJECTED,
            "still communicating"), result.linesOfRank(1), result.toString());
    }

    @Test
    void aMalformedPropertyFailsInit()
    {
        final JobResult result = JobRunner.run(
            List.of("-J-Djmpi.serialFilter=maxdepth=deep"), JobRunner.DEFAULT_TIMEOUT, 1, Exchange.class, "default");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains(
            "MpiException: ERR_ARG: jmpi.serialFilter=\"maxdepth=deep\" is not a filter"), result.toString());
    }

    /**
     * A value class of the program's class path.
     */
    record Value(int number, String label) implements Serializable
    {
    }

    /**
     * A link of a chain serialized by default serialization, one level deeper per link.
     */
    static final class Node implements Serializable
    {
        private static final long serialVersionUID = 1L;

        Node next;
    }

    /**
     * Rank 0 sends, rank 1 receives and prints what it got: "ok" lines for what passed, the messages of what
     * was rejected; then a last exchange shows that the ranks still communicate.
     */
    public static final class Exchange
    {
        private static final int TAG = 3;

        public static void main(final String[] args) throws Exception
        {
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                final List<Object[]> messages = "default".equals(args[0]) ? defaultCases() : propertyCases();
                if (0 == world.rank())
                {
                    for (final Object[] message : messages)
                    {
                        world.sendObjects(message, 0, message.length, 1, TAG);
                    }
                    final byte[] forged = arrayLongerThanItsMessage();
                    world.send(forged, 0, forged.length, 1, TAG);
                    world.sendObjects(new Object[]{ "after" }, 0, 1, 1, TAG);
                }
                else
                {
                    for (final Object[] sent : messages)
                    {
                        receive(world, sent, sent.length);
                    }
                    receive(world, null, 1);
                    final Object[] after = new Object[1];
                    world.recvObjects(after, 0, 1, 0, TAG);
                    Payloads.checkEquals("after", after[0], "message after the rejected ones");
                    System.out.println("still communicating");
                }
            }
        }

        private static void receive(final Comm world, final Object[] sent, final int count)
        {
            final Object[] received = new Object[count];
            try
            {
                world.recvObjects(received, 0, count, 0, TAG);
                Payloads.checkEquals(Arrays.asList(sent), Arrays.asList(received), "objects received");
                System.out.println(sent[0] instanceof File ? "file ok" : "values ok");
            }
            catch (final MpiException ex)
            {
                Payloads.checkEquals(ErrorClass.ERR_OTHER, ex.errorClass(), "error class of a rejected stream");
                System.out.println(ex.getMessage());
            }
        }

        private static List<Object[]> defaultCases() throws Exception
        {
            final Map<String, Object> map = new HashMap<>();
            map.put("list", new ArrayList<>(List.of(1, 2L, 3.0f, 'c', (short)4, (byte)5, true)));
            map.put("concurrent", new ConcurrentHashMap<>(Map.of("unit", TimeUnit.SECONDS)));
            Node shallow = null;
            Node deep = null;
            for (int i = 0; i < 300; i++)
            {
                final Node node = new Node();
                node.next = deep;
                deep = node;
                if (i < 200)
                {
                    shallow = deep;
                }
            }
            final Object[] values = {
                new Value(7, "seven"), map, LocalDate.of(2024, 2, 29), new BigDecimal("1.25"),
                new int[][]{ { 1 }, { 2, 3 } }, new String[]{ "a", null }, List.of("immutable"), new byte[100_000] };
            final Object[] chain = { shallow };
            return List.of(
                new Object[]{ new Comparing(values) },
                new Object[]{ new ObjectName("jmpi:type=Test") },
                new Object[]{ new ArrayList<>(List.of("fine", new File("/tmp"))) },
                new Object[]{ new Comparing(chain) },
                new Object[]{ deep });
        }

        private static List<Object[]> propertyCases()
        {
            return List.of(
                new Object[]{ new File("/tmp") },
                new Object[]{ new HashMap<>(Map.of("k", "v")) });
        }

        /**
         * A serialized {@code int[1234]} whose length field says 2^31 - 16 elements: unfiltered, the receiver
         * would try to allocate 8 GiB on reading a 5 KB message.
         */
        private static byte[] arrayLongerThanItsMessage()
        {
            final byte[] encoded = ObjectCodec.encode(new Object[]{ new int[1234] }, 0, 1);
            // the class descriptor of [I ends with TC_ENDBLOCKDATA and a null superclass, then comes the length
            final byte[] length = { 0x78, 0x70, 0, 0, 0x04, (byte)0xD2 };
            for (int i = 0; i + length.length <= encoded.length; i++)
            {
                if (Arrays.equals(encoded, i, i + length.length, length, 0, length.length))
                {
                    encoded[i + 2] = 0x7F;
                    encoded[i + 3] = (byte)0xFF;
                    encoded[i + 4] = (byte)0xFF;
                    encoded[i + 5] = (byte)0xF0;
                    return encoded;
                }
            }
            throw new AssertionError("no array length in the serialized int[]");
        }
    }

    /**
     * Objects compared by content, arrays and chains of nodes included, so that one comparison checks a whole
     * message of mixed values.
     */
    record Comparing(Object[] objects) implements Serializable
    {
        public boolean equals(final Object other)
        {
            return other instanceof Comparing && Arrays.deepEquals(describe(objects), describe(((Comparing)other).objects));
        }

        public int hashCode()
        {
            return 0;
        }

        public String toString()
        {
            return Arrays.deepToString(describe(objects));
        }

        private static Object[] describe(final Object[] objects)
        {
            final Object[] described = objects.clone();
            for (int i = 0; i < described.length; i++)
            {
                if (described[i] instanceof Node)
                {
                    int links = 0;
                    for (Node node = (Node)described[i]; null != node; node = node.next)
                    {
                        links++;
                    }
                    described[i] = "chain of " + links;
                }
            }
            return described;
        }
    }
}
