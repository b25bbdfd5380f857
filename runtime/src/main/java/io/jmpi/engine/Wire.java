package io.jmpi.engine;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The frames of the point-to-point protocol, one Aeron fragment each, so that no frame is ever reassembled.
 * <pre>
 *   0       1       2               4               8
 *   +-------+-------+---------------+---------------+
 *   | type  | flags |    unused     |  source rank  |
 *   +-------+-------+---------------+---------------+
 *   |   context id  |      tag      |
 *   +---------------+---------------+---------------+
 *   |            job token          |                 SHORT: the message follows here
 *   +---------------+---------------+---------------+
 *   |    length     |    offset     |
 *   +---------------+---------------+-------------------------------+
 *   |            sender op id       |         receiver op id        |
 *   +-------------------------------+-------------------------------+
 *   |  payload (EAGER: the message; DATA: bytes [offset, offset + n)) ...
 * </pre>
 * The source is the sender's world rank; length is the whole message's length in bytes. The job token, derived
 * from the job id, lets a receiver drop frames that a process outside the job wrote onto its inbox. A standard
 * eager message goes in a SHORT frame, whose header ends after the token and whose length is the frame's: with
 * Aeron's 32-byte header, a message of up to 8 bytes then fills one cache line, which is what a round trip costs.
 */
final class Wire
{
    /** A whole message that fits one frame, from a synchronous send (the receiver answers ACK). */
    static final byte EAGER = 1;
    /** A whole message that fits one frame, from a standard send, behind the short header. */
    static final byte SHORT = 7;
    /** Ready to send: the envelope of a large message, whose data waits for a clear to send. */
    static final byte RTS = 2;
    /** Clear to send: the receive matched; {@code length} is how many bytes the receiver accepts. */
    static final byte CTS = 3;
    /** A chunk of a large message, addressed to the receiver's op. */
    static final byte DATA = 4;
    /** The receiver matched a synchronous eager send. */
    static final byte ACK = 5;
    /** The sender is leaving the job normally (finalize): nothing more will come from it. */
    static final byte BYE = 6;

    /**
     * ACK: the length field of a refusal. The receiver dropped the message because its unexpected messages hold
     * all it may hold; the send fails with ERR_NO_MEM.
     */
    static final int REFUSED = -1;

    /** The sender waits for the receiver to match (ssend, issend). */
    static final byte FLAG_SYNC = 1;
    /** RTS: the data will come through the pair's data ring, not the inbox. */
    static final byte FLAG_RING = 2;
    /**
     * RTS: the sender's buffer is in shared memory: the receiver op id field holds the allocation's id and the offset
     * field where the message starts in it; the receiver copies it out and answers ACK.
     */
    static final byte FLAG_SHARED = 4;

    static final int TYPE_OFFSET = 0;
    static final int FLAGS_OFFSET = 1;
    static final int SOURCE_OFFSET = 4;
    static final int CONTEXT_OFFSET = 8;
    static final int TAG_OFFSET = 12;
    static final int TOKEN_OFFSET = 16;
    static final int SHORT_HEADER_LENGTH = 24;
    static final int LENGTH_OFFSET = 24;
    static final int DATA_OFFSET_OFFSET = 28;
    static final int SENDER_OP_OFFSET = 32;
    static final int RECEIVER_OP_OFFSET = 40;
    static final int HEADER_LENGTH = 48;

    private Wire()
    {
    }

    static void putHeader(
        final MutableDirectBuffer buffer,
        final int index,
        final byte type,
        final byte flags,
        final int source,
        final int context,
        final int tag,
        final int length,
        final int dataOffset,
        final long senderOp,
        final long receiverOp,
        final long token)
    {
        buffer.putByte(index + TYPE_OFFSET, type);
        buffer.putByte(index + FLAGS_OFFSET, flags);
        buffer.putInt(index + SOURCE_OFFSET, source);
        buffer.putInt(index + CONTEXT_OFFSET, context);
        buffer.putInt(index + TAG_OFFSET, tag);
        buffer.putInt(index + LENGTH_OFFSET, length);
        buffer.putInt(index + DATA_OFFSET_OFFSET, dataOffset);
        buffer.putLong(index + SENDER_OP_OFFSET, senderOp);
        buffer.putLong(index + RECEIVER_OP_OFFSET, receiverOp);
        buffer.putLong(index + TOKEN_OFFSET, token);
    }

    static void putShortHeader(
        final MutableDirectBuffer buffer,
        final int index,
        final int source,
        final int context,
        final int tag,
        final long token)
    {
        buffer.putByte(index + TYPE_OFFSET, SHORT);
        buffer.putByte(index + FLAGS_OFFSET, (byte)0);
        buffer.putInt(index + SOURCE_OFFSET, source);
        buffer.putInt(index + CONTEXT_OFFSET, context);
        buffer.putInt(index + TAG_OFFSET, tag);
        buffer.putLong(index + TOKEN_OFFSET, token);
    }

    static byte type(final DirectBuffer buffer, final int index)
    {
        return buffer.getByte(index + TYPE_OFFSET);
    }

    static byte flags(final DirectBuffer buffer, final int index)
    {
        return buffer.getByte(index + FLAGS_OFFSET);
    }

    static int source(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index + SOURCE_OFFSET);
    }

    static int context(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index + CONTEXT_OFFSET);
    }

    static int tag(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index + TAG_OFFSET);
    }

    static int length(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index + LENGTH_OFFSET);
    }

    static int dataOffset(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index + DATA_OFFSET_OFFSET);
    }

    static long senderOp(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + SENDER_OP_OFFSET);
    }

    static long receiverOp(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + RECEIVER_OP_OFFSET);
    }

    static long token(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + TOKEN_OFFSET);
    }
}
