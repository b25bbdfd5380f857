package io.jmpi.coll.multicast;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.aeron.protocol.DataHeaderFlyweight;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.transport.Channels;
import io.jmpi.transport.EmbeddedDriver;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two members of a communicator in one process, on a real media driver: chunking, truncation, skipping the frames
 * of earlier calls, and detecting a log that is out of step with the caller.
 */
class BroadcastStreamTest
{
    private static final int STREAM_ID = 0x100077;
    private static final long BASE = BufferUtil.ARRAY_BASE_OFFSET;
    private static final long JOIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long TOKEN = 0x5EC2E7_70CE4L;

    private String directory;
    private MediaDriver driver;
    private Aeron aeron;
    private BroadcastStream root;
    private BroadcastStream member;
    private final AtomicInteger dropped = new AtomicInteger();

    @BeforeEach
    void openTwoMembers()
    {
        directory = EmbeddedDriver.aeronDirFor("coll-test-" + UUID.randomUUID());
        driver = EmbeddedDriver.launch(directory);
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        root = BroadcastStream.open(
            aeron, Channels.IPC_CHANNEL, STREAM_ID, TOKEN, new YieldingIdleStrategy(), () -> { }, () -> { });
        member = BroadcastStream.open(
            aeron, Channels.IPC_CHANNEL, STREAM_ID, TOKEN, new YieldingIdleStrategy(), () -> { },
            dropped::incrementAndGet);
        final int[] sessions = { root.sessionId(), member.sessionId() };
        assertEquals(sessions[0], sessions[1], "members on one host share one publication");
        assertTrue(root.join(sessions, JOIN_TIMEOUT_NS));
        assertTrue(member.join(sessions, JOIN_TIMEOUT_NS));
    }

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(member, root, aeron, driver);
        assertFalse(new File(directory).exists(), directory);
    }

    @Test
    void messagesOfEveryLengthArriveWholeInOrder()
    {
        final int chunk = Channels.IPC_MTU - DataHeaderFlyweight.HEADER_LENGTH - BroadcastFrame.HEADER_LENGTH;
        int sequence = 0;
        for (final int length : new int[]{ 0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 5, 300_000 })
        {
            sequence++;
            final byte[] message = random(length, sequence);
            final byte[] received = new byte[length];
            root.publish(sequence, 0, message, BASE, length);
            assertEquals(length, member.receive(sequence, 0, received, BASE, length));
            assertArrayEquals(message, received, "length " + length);
        }
    }

    @Test
    void aMessageLargerThanTheFlowControlWindowStreamsThrough() throws Exception
    {
        final int length = 9 << 20;
        final byte[] message = random(length, 1);
        final byte[] received = new byte[length];
        final CompletableFuture<Integer> reader =
            CompletableFuture.supplyAsync(() -> member.receive(1, 0, received, BASE, length));
        root.publish(1, 0, message, BASE, length);
        assertEquals(length, reader.get());
        assertArrayEquals(message, received);
    }

    @Test
    void aShorterBufferIsFilledAndTheRestSkipped()
    {
        final byte[] message = random(200_000, 2);
        final byte[] received = new byte[100_010];
        root.publish(1, 0, message, BASE, message.length);
        root.publish(2, 0, message, BASE, 7);
        assertEquals(message.length, member.receive(1, 0, received, BASE, 100_000));
        assertArrayEquals(Arrays.copyOf(message, 100_000), Arrays.copyOf(received, 100_000));
        assertArrayEquals(new byte[10], Arrays.copyOfRange(received, 100_000, 100_010));
        assertEquals(7, member.receive(2, 0, received, BASE, 7));
    }

    @Test
    void framesOfACallThisMemberLeftAreSkipped()
    {
        final byte[] first = random(70_000, 3);
        final byte[] second = random(1000, 4);
        final byte[] received = new byte[1000];
        root.publish(5, 0, first, BASE, first.length);
        root.publish(8, 0, second, BASE, second.length);
        assertEquals(1000, member.receive(8, 0, received, BASE, received.length));
        assertArrayEquals(second, received);
    }

    @Test
    void rootsTakeTurnsOnOneLog()
    {
        final byte[] one = random(5000, 5);
        final byte[] two = random(6000, 6);
        final byte[] received = new byte[6000];
        root.publish(1, 0, one, BASE, one.length);
        assertEquals(5000, member.receive(1, 0, received, BASE, received.length));
        member.publish(2, 1, two, BASE, two.length);
        assertEquals(6000, root.receive(2, 1, received, BASE, received.length));
        assertArrayEquals(two, received);
    }

    @Test
    void aLaterCallOrAnotherRootFirstInTheLogIsAnError()
    {
        final byte[] message = random(10, 7);
        root.publish(3, 0, message, BASE, message.length);
        assertEquals(ErrorClass.ERR_OTHER, assertThrows(MpiException.class,
            () -> member.receive(2, 0, new byte[10], BASE, 10)).errorClass());
        assertEquals(ErrorClass.ERR_OTHER, assertThrows(MpiException.class,
            () -> member.receive(3, 1, new byte[10], BASE, 10)).errorClass());
        assertEquals(10, member.receive(3, 0, new byte[10], BASE, 10));
    }

    @Test
    void framesWithoutTheJobsTokenAreDroppedAndCounted()
    {
        final byte[] message = random(100, 8);
        try (Publication stranger = aeron.addPublication(Channels.IPC_CHANNEL, STREAM_ID))
        {
            // the very frame the root writes next, in the members' own log, but with another job's token
            final UnsafeBuffer forged = new UnsafeBuffer(new byte[BroadcastFrame.HEADER_LENGTH + message.length]);
            forged.putInt(BroadcastFrame.SEQUENCE_OFFSET, 1);
            forged.putInt(BroadcastFrame.LENGTH_OFFSET, message.length);
            forged.putInt(BroadcastFrame.ROOT_OFFSET, 0);
            forged.putLong(BroadcastFrame.TOKEN_OFFSET, ~TOKEN);
            assertTrue(stranger.offer(forged) > 0);
            assertTrue(stranger.offer(forged, 0, BroadcastFrame.HEADER_LENGTH - 1) > 0);
        }
        root.publish(1, 0, message, BASE, message.length);
        final byte[] received = new byte[message.length];
        assertEquals(message.length, member.receive(1, 0, received, BASE, received.length));
        assertArrayEquals(message, received);
        assertEquals(2, dropped.get());
    }

    @Test
    void aSessionThatNeverAppearsFailsTheJoinAtItsTimeout()
    {
        final int[] sessions = { root.sessionId(), root.sessionId() + 1 };
        assertFalse(member.join(sessions, TimeUnit.MILLISECONDS.toNanos(200)));
        assertEquals(1, member.sessionsHeard(new int[]{ root.sessionId(), root.sessionId() + 1 }));
    }

    private static byte[] random(final int length, final long seed)
    {
        final byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }
}
