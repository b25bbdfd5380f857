package io.jmpi.transport;

import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.util.Arrays;

/**
 * Memory that a rank allocates in shared memory (MPI_Alloc_mem), so that a peer on the same host can copy a large
 * message straight out of the sender's buffer: one copy instead of two, as Open MPI does with CMA or XPMEM.
 * <p>
 * Each allocation is a file {@code mem-<rank>-<id>} in the job's directory, mapped by its owner; ids are never
 * reused within a rank, so a peer's cached mapping can never name another allocation. The file is removed when its
 * owner frees it, and with the job's directory when the job ends, also after a crash. A peer keeps at most
 * {@link #PEER_MAPPINGS} mappings of other ranks' allocations and maps again on demand.
 * <p>
 * Allocation and release may happen on any thread; the lookups of the send path read an immutable snapshot, and
 * the peer mappings are used by the progress engine's owner thread only.
 */
public final class SharedRegions implements AutoCloseable
{
    /** Mappings of peers' allocations kept at once by a rank. */
    static final int PEER_MAPPINGS = 64;

    private final File directory;
    private final int rank;
    private volatile Region[] own = new Region[0];
    private int nextId = 1;
    private final Long2ObjectHashMap<MappedByteBuffer> peerMappings = new Long2ObjectHashMap<>();
    private final long[] mappedKeys = new long[PEER_MAPPINGS];
    private int nextEviction;

    private record Region(int id, long address, long length, MappedByteBuffer mapping, File file)
    {
    }

    /**
     * @param directory the job's directory on this host, in shared memory.
     * @param rank      this rank's world rank.
     */
    public SharedRegions(final File directory, final int rank)
    {
        this.directory = directory;
        this.rank = rank;
    }

    /**
     * Allocate a zeroed buffer in shared memory.
     *
     * @param bytes its capacity.
     * @return a direct buffer, to be given back with {@link #free(ByteBuffer)}.
     */
    public synchronized ByteBuffer allocate(final int bytes)
    {
        final int id = nextId++;
        final File file = file(rank, id);
        final MappedByteBuffer mapping = JobFiles.mapNewFile(file, Math.max(1, bytes), false);
        final Region region = new Region(id, BufferUtil.address(mapping), bytes, mapping, file);
        final Region[] regions = Arrays.copyOf(own, own.length + 1);
        regions[regions.length - 1] = region;
        own = regions;
        return mapping.limit(bytes).slice();
    }

    /**
     * Release a buffer from {@link #allocate(int)}.
     *
     * @param buffer the buffer.
     * @return false if the buffer was not allocated here (or is already freed).
     */
    public synchronized boolean free(final ByteBuffer buffer)
    {
        if (!buffer.isDirect())
        {
            return false;
        }
        final long address = BufferUtil.address(buffer);
        final Region[] regions = own;
        for (int i = 0; i < regions.length; i++)
        {
            if (regions[i].address == address)
            {
                final Region region = regions[i];
                final Region[] rest = new Region[regions.length - 1];
                System.arraycopy(regions, 0, rest, 0, i);
                System.arraycopy(regions, i + 1, rest, i, rest.length - i);
                own = rest;
                IoUtil.unmap(region.mapping);
                IoUtil.delete(region.file, true);
                return true;
            }
        }
        return false;
    }

    /**
     * @param base    the array of a memory region, null for off-heap memory.
     * @param address the region's address (absolute when base is null).
     * @param length  its length in bytes.
     * @return the id of this rank's allocation that holds the whole region, or 0 if none does.
     */
    public int idOf(final Object base, final long address, final int length)
    {
        if (null != base)
        {
            return 0;
        }
        for (final Region region : own)
        {
            if (address >= region.address && address + length <= region.address + region.length)
            {
                return region.id;
            }
        }
        return 0;
    }

    /**
     * @param id      an allocation of this rank, from {@link #idOf}.
     * @param address an address within it.
     * @return the address's offset from the allocation's start.
     */
    public long offsetIn(final int id, final long address)
    {
        for (final Region region : own)
        {
            if (region.id == id)
            {
                return address - region.address;
            }
        }
        return -1;
    }

    /**
     * The address at which this rank sees a peer's allocation; maps it at first use.
     *
     * @param peer   the owner's world rank.
     * @param id     the owner's allocation id.
     * @param offset where the data starts in the allocation.
     * @param length bytes wanted from there.
     * @return the absolute address of the data, or 0 if the allocation no longer exists or is shorter.
     */
    public long peerAddress(final int peer, final int id, final long offset, final int length)
    {
        final long key = ((long)peer << 32) | (id & 0xFFFF_FFFFL);
        MappedByteBuffer mapping = peerMappings.get(key);
        if (null == mapping)
        {
            final File file = file(peer, id);
            if (!file.isFile())
            {
                return 0;
            }
            mapping = IoUtil.mapExistingFile(file, "shared allocation");
            if (peerMappings.size() == PEER_MAPPINGS)
            {
                IoUtil.unmap(peerMappings.remove(mappedKeys[nextEviction]));
            }
            peerMappings.put(key, mapping);
            mappedKeys[nextEviction] = key;
            nextEviction = (nextEviction + 1) % PEER_MAPPINGS;
        }
        if (offset < 0 || offset + length > mapping.capacity())
        {
            return 0;
        }
        return BufferUtil.address(mapping) + offset;
    }

    /**
     * Unmap and remove everything: this rank's allocations and its mappings of peers'.
     */
    public synchronized void close()
    {
        for (final Region region : own)
        {
            IoUtil.unmap(region.mapping);
            IoUtil.delete(region.file, true);
        }
        own = new Region[0];
        peerMappings.values().forEach(IoUtil::unmap);
        peerMappings.clear();
    }

    private File file(final int owner, final int id)
    {
        return new File(directory, "mem-" + owner + "-" + id);
    }
}
