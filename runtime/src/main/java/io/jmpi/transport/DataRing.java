package io.jmpi.transport;

import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * A ring of fixed slots in a file of shared memory that carries the chunks of large messages from one rank to
 * another on the same host, one writer and one reader. Aeron's IPC log would do too, but its flow control runs
 * in the media driver's conductor (a publication's limit moves only when the driver looks), and its log is
 * larger than the caches; this ring is the size of a core's L2 cache, and the reader frees a slot for the writer
 * with one release store, as the FIFOs of Open MPI's shared-memory transport do.
 * <p>
 * Layout:
 * <pre>
 *   line 0                     CONSUMED: slots the reader has finished with, written by the reader only
 *   lines 1 .. SLOTS           per slot: STAMP (sequence + 1 once written), RECEIVER_OP, OFFSET, LENGTH
 *   from DATA_START            SLOTS data areas of SLOT_BYTES
 * </pre>
 * Chunk {@code n} goes to slot {@code n % SLOTS} and is stamped {@code n + 1}, so that a stamp never repeats and
 * a zeroed slot reads as empty. The writer writes the data and the chunk's fields, then the stamp with a release
 * store; the reader loads the stamp with acquire before it reads the rest.
 * <p>
 * Not thread-safe: the progress engine's owner thread is the only user at each end.
 */
public final class DataRing implements AutoCloseable
{
    /** Slots in a ring: how many chunks the writer may be ahead of the reader. */
    public static final int SLOTS = 4;
    /** Bytes a slot holds: one chunk. */
    public static final int SLOT_BYTES = 64 * 1024;

    private static final int LINE = BitUtil.CACHE_LINE_LENGTH;
    private static final int CONSUMED_OFFSET = 0;
    private static final int STAMP_OFFSET = 0;
    private static final int RECEIVER_OP_OFFSET = 8;
    private static final int CHUNK_OFFSET_OFFSET = 16;
    private static final int LENGTH_OFFSET = 20;
    private static final int DATA_START = 4096;
    /** Bytes of the ring's file. */
    public static final int LENGTH = DATA_START + SLOTS * SLOT_BYTES;

    private final MappedByteBuffer mapping;
    private final UnsafeBuffer buffer;
    private long sequence;
    private long cachedConsumed;

    private DataRing(final MappedByteBuffer mapping)
    {
        this.mapping = mapping;
        this.buffer = new UnsafeBuffer(mapping);
    }

    /**
     * Create the writer's end: a new zeroed file, its pages touched now so that no transfer pays for them.
     *
     * @param file the ring's file, which must not exist.
     * @return the mapped ring.
     */
    static DataRing create(final File file)
    {
        final DataRing ring = new DataRing(JobFiles.mapNewFile(file, LENGTH, false));
        ring.buffer.setMemory(0, LENGTH, (byte)0);
        return ring;
    }

    /**
     * Map the reader's end of a ring the writer created, and remove its name: both ends now hold it mapped, and
     * nothing is left in shared memory once they unmap it or die.
     *
     * @param file the ring's file.
     * @return the mapped ring.
     */
    static DataRing attach(final File file)
    {
        final DataRing ring = new DataRing(IoUtil.mapExistingFile(file, "data ring"));
        IoUtil.delete(file, true);
        return ring;
    }

    /**
     * @return true if the writer may fill the next slot.
     */
    public boolean hasRoom()
    {
        if (sequence - cachedConsumed < SLOTS)
        {
            return true;
        }
        cachedConsumed = buffer.getLongAcquire(CONSUMED_OFFSET);
        return sequence - cachedConsumed < SLOTS;
    }

    /**
     * @return the absolute address of the next slot's data, to copy a chunk of at most {@link #SLOT_BYTES} into.
     */
    public long writeAddress()
    {
        return buffer.addressOffset() + DATA_START + (long)slot(sequence) * SLOT_BYTES;
    }

    /**
     * Hand the next slot, its data written, to the reader.
     *
     * @param receiverOp the receiver's operation the chunk belongs to.
     * @param offset     where the chunk goes in the message.
     * @param length     bytes of the chunk.
     */
    public void publish(final long receiverOp, final int offset, final int length)
    {
        final int header = header(sequence);
        buffer.putLong(header + RECEIVER_OP_OFFSET, receiverOp);
        buffer.putInt(header + CHUNK_OFFSET_OFFSET, offset);
        buffer.putInt(header + LENGTH_OFFSET, length);
        buffer.putLongRelease(header + STAMP_OFFSET, ++sequence);
    }

    /**
     * @return true if the reader's next slot holds a chunk.
     */
    public boolean hasChunk()
    {
        return buffer.getLongAcquire(header(sequence) + STAMP_OFFSET) == sequence + 1;
    }

    /**
     * @return the receiver's operation of the chunk in the reader's next slot; valid after {@link #hasChunk()}.
     */
    public long chunkReceiverOp()
    {
        return buffer.getLong(header(sequence) + RECEIVER_OP_OFFSET);
    }

    /**
     * @return where the chunk goes in its message.
     */
    public int chunkOffset()
    {
        return buffer.getInt(header(sequence) + CHUNK_OFFSET_OFFSET);
    }

    /**
     * @return bytes of the chunk, at most {@link #SLOT_BYTES}.
     */
    public int chunkLength()
    {
        return Math.min(SLOT_BYTES, Math.max(0, buffer.getInt(header(sequence) + LENGTH_OFFSET)));
    }

    /**
     * @return the absolute address of the chunk's data.
     */
    public long chunkAddress()
    {
        return buffer.addressOffset() + DATA_START + (long)slot(sequence) * SLOT_BYTES;
    }

    /**
     * Give the reader's slot back to the writer.
     */
    public void consume()
    {
        buffer.putLongRelease(CONSUMED_OFFSET, ++sequence);
    }

    /**
     * Unmap the ring.
     */
    public void close()
    {
        IoUtil.unmap(mapping);
    }

    private static int slot(final long sequence)
    {
        return (int)(sequence & (SLOTS - 1));
    }

    private static int header(final long sequence)
    {
        return LINE * (1 + slot(sequence));
    }
}
