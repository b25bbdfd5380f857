package io.jmpi.coll.multicast;

/**
 * Layout of a frame on a broadcast stream: a 24-byte header, then a chunk of the message.
 * <pre>
 *   0: int sequence  the collective call the message belongs to (see io.jmpi.coll.base.Exchange)
 *   4: int length    length of the whole message in bytes
 *   8: int offset    where this chunk starts in the message
 *  12: int root      rank of the root that wrote it
 *  16: long token    the job's frame token, derived from its secret: frames without it are dropped
 *  24: chunk bytes
 * </pre>
 * Fields are in native byte order, like the engine's frames: hosts of one job share a byte order (x86-64 and AArch64
 * are both little-endian). A message of length 0 is one frame with no chunk.
 */
final class BroadcastFrame
{
    static final int SEQUENCE_OFFSET = 0;
    static final int LENGTH_OFFSET = 4;
    static final int CHUNK_OFFSET_OFFSET = 8;
    static final int ROOT_OFFSET = 12;
    static final int TOKEN_OFFSET = 16;
    static final int HEADER_LENGTH = 24;

    private BroadcastFrame()
    {
    }
}
