package io.jmpi.failure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Frames as a stranger forges them, one who knows what anyone can see of a job: its id (the name of its directory,
 * on every host agent's command line) and the layout of io.jmpi.engine.Wire. Each is a frame that a rank would
 * take for real if the job's token could be derived from its id, as it was before jobs had a secret: messages on
 * the real tag from the real peers, the envelopes of large messages, clear-to-sends, acknowledgements and BYEs,
 * besides garbage.
 */
public final class ForgedFrames
{
    private static final byte EAGER = 1;
    private static final byte RTS = 2;
    private static final byte CTS = 3;
    private static final byte DATA = 4;
    private static final byte ACK = 5;
    private static final byte BYE = 6;
    private static final byte SHORT = 7;
    private static final int SHORT_HEADER_LENGTH = 24;
    private static final int HEADER_LENGTH = 48;
    /** The payload byte of every forged message: a forged message taken for real fails the receiver's check. */
    private static final byte FORGED_BYTE = 0x5A;

    private ForgedFrames()
    {
    }

    /**
     * @param jobId the job's id.
     * @return the token a job's id gave (FNV-1a of the id) before jobs had a secret.
     */
    public static long tokenOfJobId(final String jobId)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < jobId.length(); i++)
        {
            hash ^= jobId.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * @param token  the token the forged frames carry.
     * @param ranks  the job's size: frames claim to come from each rank.
     * @param tag    the tag of the job's real exchange.
     * @param sizes  sizes of the real exchange's messages.
     * @return garbage and well-formed frames with that token.
     */
    public static List<byte[]> frames(final long token, final int ranks, final int tag, final int[] sizes)
    {
        final List<byte[]> frames = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(42);
        for (final int length : new int[]{ 1, 3, 8, 16, 23, 31, 47, 48, 64, 1000, 4096, 60_000 })
        {
            final byte[] garbage = new byte[length];
            random.nextBytes(garbage);
            frames.add(garbage);
        }
        for (int source = 0; source < ranks; source++)
        {
            for (final int size : sizes)
            {
                if (size <= 1024)
                {
                    frames.add(shortFrame(source, tag, token, size));
                    frames.add(frame(EAGER, source, tag, token, size, 0, 0, 0, size));
                }
                frames.add(frame(RTS, source, tag, token, size, 0, 77, 0, 0));
            }
            frames.add(frame(DATA, source, tag, token, 200_000, 0, 7, 1, 64));
            frames.add(frame(CTS, source, tag, token, 200_000, 0, 1, 7, 0));
            frames.add(frame(ACK, source, tag, token, 0, 0, 1, 7, 0));
            frames.add(frame(BYE, source, 0, token, 0, 0, 0, 0, 0));
        }
        return frames;
    }

    private static byte[] shortFrame(final int source, final int tag, final long token, final int payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(SHORT_HEADER_LENGTH + payload).order(ByteOrder.LITTLE_ENDIAN);
        header(frame, SHORT, source, tag, token);
        for (int i = 0; i < payload; i++)
        {
            frame.put(SHORT_HEADER_LENGTH + i, FORGED_BYTE);
        }
        return frame.array();
    }

    private static byte[] frame(
        final byte type, final int source, final int tag, final long token, final int length, final int dataOffset,
        final long senderOp, final long receiverOp, final int payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(HEADER_LENGTH + payload).order(ByteOrder.LITTLE_ENDIAN);
        header(frame, type, source, tag, token);
        frame.putInt(24, length);
        frame.putInt(28, dataOffset);
        frame.putLong(32, senderOp);
        frame.putLong(40, receiverOp);
        for (int i = 0; i < payload; i++)
        {
            frame.put(HEADER_LENGTH + i, FORGED_BYTE);
        }
        return frame.array();
    }

    private static void header(final ByteBuffer frame, final byte type, final int source, final int tag, final long token)
    {
        frame.put(0, type);
        frame.putInt(4, source);
        frame.putInt(8, 0);
        frame.putInt(12, tag);
        frame.putLong(16, token);
    }
}
