package io.jmpi.coll.shm;

import io.jmpi.transport.JobFiles;
import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The shared-memory segment of one communicator, as every member maps it: the layout, and the flags read with
 * acquire loads and written with release stores. Each word has one writer, so nothing here takes a lock or a
 * read-modify-write.
 * <p>
 * Layout, for n members:
 * <pre>
 *   control   n lines of 128 bytes, one per member: ACK (the member is done reading everything up to a
 *             position)
 *   slots     per member, written only by that member: SMALL_DEPTH small slots of SMALL_STRIDE bytes for streams
 *             of at most SMALL_FRAGMENT bytes, one per call in turn, so that a member may run that many short
 *             calls ahead of its slowest reader (as Open MPI's per-peer FIFOs let eager messages run ahead); then
 *             DEPTH data slots for the fragments of longer streams and DEPTH result slots for a member's part of
 *             a reduction, of SLOT_STRIDE bytes; each slot has STAMP (which call and fragment it holds), LENGTH
 *             (the whole stream's length in that call), then the data
 * </pre>
 * A stamp or ack packs a call number and a fragment index, {@code call << 24 | fragment}, so one comparison orders
 * them across calls. A slot's stamp shares its cache line with the first 48 bytes of data, so that a small
 * message travels in one line.
 */
final class Segment
{
    /** Bytes of data a data or result slot holds: one fragment of a member's stream. */
    static final int FRAGMENT = 32 * 1024;
    /** Data slots per member: how many fragments a member may write ahead of its slowest reader. */
    static final int DEPTH = 4;
    /** Bytes of data a small slot holds: 1 KiB and a little more travel in one slot of 17 cache lines. */
    static final int SMALL_FRAGMENT = 1024 + 48;
    /** Small slots per member: how many short calls a member may run ahead of its slowest reader. */
    static final int SMALL_DEPTH = 64;
    /** Slot number of a member's first data slot; small slots are 0 to SMALL_DEPTH - 1. */
    static final int DATA = SMALL_DEPTH;
    /** Slot number of a member's first result slot; result slot DATA + DEPTH + k goes with data slot DATA + k. */
    static final int RESULTS = DATA + DEPTH;
    /** Bits of a stamp that hold the fragment index. */
    static final int FRAGMENT_BITS = 24;
    /** An ack that releases every fragment of a call. */
    static final long ALL_FRAGMENTS = (1L << FRAGMENT_BITS) - 1;

    private static final int CONTROL_LENGTH = 128;
    private static final int ACK_OFFSET = 0;
    private static final int STAMP_OFFSET = 0;
    private static final int LENGTH_OFFSET = 8;
    private static final int DATA_OFFSET = 16;
    private static final int SMALL_STRIDE = DATA_OFFSET + SMALL_FRAGMENT;
    private static final int SLOT_STRIDE = FRAGMENT + BitUtil.CACHE_LINE_LENGTH;
    private static final int SMALL_LENGTH = SMALL_DEPTH * SMALL_STRIDE;
    private static final int MEMBER_LENGTH = SMALL_LENGTH + 2 * DEPTH * SLOT_STRIDE;
    private static final int PAGE = 4096;

    private final MappedByteBuffer mapping;
    private final UnsafeBuffer buffer;
    private final int slotsOffset;

    private Segment(final MappedByteBuffer mapping, final int members)
    {
        this.mapping = mapping;
        this.buffer = new UnsafeBuffer(mapping);
        this.slotsOffset = slotsOffset(members);
    }

    /**
     * @param members number of members.
     * @return bytes of the segment.
     */
    static long length(final int members)
    {
        return slotsOffset(members) + (long)members * MEMBER_LENGTH;
    }

    /**
     * Create and map the segment file; its pages are allocated as they are touched.
     *
     * @param file    the file, which must not exist.
     * @param members number of members.
     * @return the mapped segment, zeroed.
     */
    static Segment create(final File file, final int members)
    {
        return new Segment(JobFiles.mapNewFile(file, length(members), false), members);
    }

    /**
     * Map a segment that another member created.
     *
     * @param file    the file.
     * @param members number of members.
     * @return the mapped segment.
     */
    static Segment attach(final File file, final int members)
    {
        return new Segment(IoUtil.mapExistingFile(file, "collective segment"), members);
    }

    /**
     * @param call     call number, from 1.
     * @param fragment fragment index within the call.
     * @return the stamp of that fragment; never 0, the value of a slot not yet written.
     */
    static long stamp(final long call, final int fragment)
    {
        return (call << FRAGMENT_BITS) | (fragment + 1);
    }

    long ack(final int member)
    {
        return buffer.getLongAcquire(member * CONTROL_LENGTH + ACK_OFFSET);
    }

    void ack(final int member, final long value)
    {
        buffer.putLongRelease(member * CONTROL_LENGTH + ACK_OFFSET, value);
    }

    long slotStamp(final int member, final int slot)
    {
        return buffer.getLongAcquire(slotOffset(member, slot) + STAMP_OFFSET);
    }

    /**
     * Publish a slot whose data is written: its stream length, then its stamp with a release store.
     */
    void publish(final int member, final int slot, final long stamp, final long streamLength)
    {
        final int offset = slotOffset(member, slot);
        buffer.putLong(offset + LENGTH_OFFSET, streamLength);
        buffer.putLongRelease(offset + STAMP_OFFSET, stamp);
    }

    /**
     * @return the stream length of a slot's call; read after its stamp was seen.
     */
    long slotLength(final int member, final int slot)
    {
        return buffer.getLong(slotOffset(member, slot) + LENGTH_OFFSET);
    }

    /**
     * @return the absolute address of a slot's data.
     */
    long dataAddress(final int member, final int slot)
    {
        return buffer.addressOffset() + slotOffset(member, slot) + DATA_OFFSET;
    }

    /**
     * Touch every slot of a member, before its first call, so that no call pays for the page faults of its first
     * use; only that member writes its slots, and none has been written yet.
     *
     * @param member the member whose slots to touch.
     */
    void prefault(final int member)
    {
        buffer.setMemory(slotOffset(member, 0), MEMBER_LENGTH, (byte)0);
    }

    /**
     * Unmap the segment.
     */
    void close()
    {
        IoUtil.unmap(mapping);
    }

    private int slotOffset(final int member, final int slot)
    {
        final int memberOffset = slotsOffset + member * MEMBER_LENGTH;
        return slot < DATA ?
            memberOffset + slot * SMALL_STRIDE : memberOffset + SMALL_LENGTH + (slot - DATA) * SLOT_STRIDE;
    }

    private static int slotsOffset(final int members)
    {
        return BitUtil.align(members * CONTROL_LENGTH, PAGE);
    }
}
