package io.jmpi.coll.shm;

import io.jmpi.Datatype;
import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Scratch;
import io.jmpi.spi.CollectiveContext;
import io.jmpi.transport.IdleStrategies;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;

/**
 * One member's end of a communicator's shared-memory segment (like Open MPI's coll/sm): the collectives of a
 * communicator whose members share a host move their data through it, with no message and no copy but one in and
 * one out.
 * <p>
 * In each collective call every member may write one <em>stream</em> (its contribution: a block, a vector, the
 * root's message) into its own slots, a fragment of {@link Segment#FRAGMENT} bytes per slot, and may read any
 * byte ranges of the other members' streams, copying them straight into its buffers or reducing them. Members step
 * through the fragments together: at step f a member writes its fragment f, reads what it needs of everyone's
 * fragment f and then acks f. A writer reuses a slot once every other member has acked the fragment in it, so a
 * long message flows through {@link Segment#DEPTH} data slots, pipelined, and a stream that fits a small slot
 * lets its writer run up to {@link Segment#SMALL_DEPTH} calls ahead of its slowest reader.
 * <p>
 * Calls are numbered alike at every member ({@link #begin()} once per collective call, whatever happens in it), and
 * every slot stamp and ack carries the call number, so a member that leaves a call early (it rejected its
 * arguments) never leaves the others waiting: {@link #end()} acks the whole call, and a reader that finds the writer
 * past the call without the fragment it waits for stops waiting and reports the missing member. A writer's stream
 * length travels with each fragment, so a reader whose counts do not match the writer's reads what is there and
 * reports ERR_TRUNCATE or ERR_COUNT, never waits for data that will not come.
 * <p>
 * The segment is a file in the job's directory, created by member 0, mapped by all and unlinked as soon as all have
 * mapped it: nothing of it stays behind, even when a member is killed. Waiting checks now and then that no member
 * has failed, so a dead member wakes the others with ERR_PROC_FAILED. One thread at a time uses a channel, as MPI
 * requires of the collective calls of one communicator; nothing here allocates in steady state.
 */
public final class ShmChannel implements AutoCloseable
{
    private static final int MEMBER_CHECK_MASK = 255;
    private static final int LEFT_CHECK_MASK = 63;

    private final Segment segment;
    private final CollectiveContext context;
    private final Exchange exchange;
    private final int rank;
    private final int size;
    private final IdleStrategy idle;
    private final long[] occupants = new long[Segment.DATA + Segment.DEPTH];
    private final long[] knownAcks;
    private final Object[] sourceBases;
    private final long[] sourceAddresses;
    private final long[] sourceLengths;
    private final long[] readOffsets;
    private final long[] readEnds;
    private final long[] readTargets;
    private final long[] expectedLengths;
    private final int[] firstSlots;
    private final int[] readBlocks;
    private final boolean[] readSmall;
    private int sources;
    private boolean writing;
    private boolean indexed;
    private long streamLength;
    private long dataFragments;
    private Object target;
    private long call;

    private ShmChannel(final Segment segment, final CollectiveContext context, final Exchange exchange)
    {
        this.segment = segment;
        this.context = context;
        this.exchange = exchange;
        this.rank = exchange.rank();
        this.size = exchange.size();
        this.idle = IdleStrategies.forRanks(context.localRanks());
        this.knownAcks = new long[size];
        this.sourceBases = new Object[size + 1];
        this.sourceAddresses = new long[size + 1];
        this.sourceLengths = new long[size + 1];
        this.readOffsets = new long[size];
        this.readEnds = new long[size];
        this.readTargets = new long[size];
        this.expectedLengths = new long[size];
        this.firstSlots = new int[size];
        this.readBlocks = new int[size];
        this.readSmall = new boolean[size];
    }

    /**
     * Set up the segment of a communicator, if its members share this host. Every member calls this in the same
     * collective call, before it checks that call's arguments: member 0 creates the segment, the others map it, and
     * all agree on the outcome, so that all use the segment or none does.
     *
     * @param context  the communicator's collective context.
     * @param exchange the communicator's collective messages, before its first call.
     * @return the channel, or null when the members span hosts, the communicator has one member, or the segment
     * could not be set up (said on standard error).
     */
    public static ShmChannel open(final CollectiveContext context, final Exchange exchange)
    {
        final String directory = context.sharedMemoryDirectory();
        final int size = exchange.size();
        if (null == directory || size < 2)
        {
            return null;
        }
        final File file = new File(directory, "coll-" + context.broadcastStreamId() + ".shm");
        final int[] ok = { 1 };
        Segment segment = null;
        if (0 == exchange.rank())
        {
            try
            {
                segment = Segment.create(file, size);
                segment.prefault(0);
            }
            catch (final RuntimeException ex)
            {
                ok[0] = 0;
                report(context, "cannot create the collective segment " + file + ": " + ex);
            }
            for (int member = 1; member < size; member++)
            {
                exchange.send(ok, 0, 1, member);
            }
            final int[] attached = new int[1];
            for (int member = 1; member < size; member++)
            {
                exchange.recv(attached, 0, 1, member);
                ok[0] &= attached[0];
            }
            if (null != segment && !file.delete())
            {
                report(context, "cannot remove the collective segment " + file);
            }
            for (int member = 1; member < size; member++)
            {
                exchange.send(ok, 0, 1, member);
            }
        }
        else
        {
            exchange.recv(ok, 0, 1, 0);
            if (1 == ok[0])
            {
                try
                {
                    segment = Segment.attach(file, size);
                    segment.prefault(exchange.rank());
                }
                catch (final RuntimeException ex)
                {
                    ok[0] = 0;
                    report(context, "cannot map the collective segment " + file + ": " + ex);
                }
            }
            exchange.send(ok, 0, 1, 0);
            exchange.recv(ok, 0, 1, 0);
        }
        if (1 != ok[0])
        {
            if (null != segment)
            {
                segment.close();
            }
            return null;
        }
        return new ShmChannel(segment, context, exchange);
    }

    /**
     * Start a collective call, at every member and for every call, as {@link Exchange#begin()} does.
     */
    public void begin()
    {
        call++;
        sources = 0;
        writing = false;
        indexed = false;
        streamLength = 0;
        target = null;
        for (int member = 0; member < size; member++)
        {
            readEnds[member] = -1;
        }
    }

    /**
     * Finish the current call, however it went: release every fragment of it that this member might still read.
     */
    public void end()
    {
        segment.ack(rank, (call << Segment.FRAGMENT_BITS) | Segment.ALL_FRAGMENTS);
    }

    /**
     * Append a region to this member's stream of the current call (a call with no region writes no stream).
     *
     * @param base    array holding the region, or null off-heap.
     * @param address address of its first byte relative to base.
     * @param length  bytes.
     */
    public void write(final Object base, final long address, final long length)
    {
        sourceBases[sources] = base;
        sourceAddresses[sources] = address;
        sourceLengths[sources] = length;
        sources++;
        streamLength += length;
        writing = true;
    }

    /**
     * Give this member's contribution to a {@link #reduce} that only this member reads: it is reduced straight from
     * the buffer, and not written.
     *
     * @param base    array holding the contribution, or null off-heap.
     * @param address address of its first byte relative to base.
     * @param length  bytes.
     */
    public void keep(final Object base, final long address, final long length)
    {
        write(base, address, length);
        writing = false;
    }

    /**
     * Write a stream of no bytes: it tells the readers that this member has entered the call.
     */
    public void writeEmpty()
    {
        writing = true;
    }

    /**
     * @param base the buffer that the reads of the current call fill, an array or null off-heap.
     */
    public void into(final Object base)
    {
        target = base;
    }

    /**
     * Read a byte range of a member's stream in the current call into the buffer given to {@link #into(Object)}.
     *
     * @param writer         the member, possibly this one.
     * @param offset         first byte of its stream.
     * @param length         bytes.
     * @param address        where the first byte goes, relative to the buffer.
     * @param expectedLength the length the writer's whole stream should have: a longer stream is reported as
     *                       ERR_TRUNCATE, a shorter one as ERR_COUNT. It also says where to look for the stream:
     *                       one that fits a small slot is looked for there, so members whose counts put a stream
     *                       on different sides of that bound report ERR_OTHER.
     */
    public void read(final int writer, final long offset, final long length, final long address,
        final long expectedLength)
    {
        readOffsets[writer] = offset;
        readEnds[writer] = offset + length;
        readTargets[writer] = address;
        expectedLengths[writer] = expectedLength;
        readBlocks[writer] = -1;
        readSmall[writer] = expectedLength <= Segment.SMALL_FRAGMENT;
    }

    /**
     * Write an index of this member's stream: {@code offsets[b]} is where block b starts in the stream, the index
     * included, and {@code offsets[blocks]} where the stream ends. It must be the stream's first region, and lets
     * readers that do not know the writer's counts {@link #readBlock read a block} (scatterv, alltoallv).
     *
     * @param offsets the index, of at most {@link Segment#FRAGMENT} / 8 entries.
     * @param blocks  number of blocks.
     */
    public void writeIndex(final long[] offsets, final int blocks)
    {
        write(offsets, UnsafeApi.arrayBaseOffset(long[].class), (blocks + 1L) * Long.BYTES);
        indexed = true;
    }

    /**
     * Read one block of a member's indexed stream (see {@link #writeIndex}) into the buffer given to
     * {@link #into(Object)}.
     *
     * @param writer         the member, not this one.
     * @param block          the block's index.
     * @param address        where its first byte goes, relative to the buffer.
     * @param expectedLength the block's length by this member's arguments: a longer block is reported as
     *                       ERR_TRUNCATE and cut, a shorter one as ERR_COUNT.
     */
    public void readBlock(final int writer, final int block, final long address, final long expectedLength)
    {
        readOffsets[writer] = 0;
        readEnds[writer] = Long.MAX_VALUE;
        readTargets[writer] = address;
        expectedLengths[writer] = expectedLength;
        readBlocks[writer] = block;
        readSmall[writer] = false;
    }

    /**
     * Run the current call's writes and reads; a member reads its own blocks straight from its buffers, not here.
     */
    public void transfer()
    {
        int fragments = writing ? fragments(streamLength) : 0;
        for (int member = 0; member < size; member++)
        {
            if (readEnds[member] >= 0)
            {
                fragments = Math.max(fragments, 1);
            }
        }
        for (int fragment = 0; fragment < fragments; fragment++)
        {
            if (writing && fragment < fragments(streamLength))
            {
                writeFragment(fragment);
            }
            for (int step = 1; step < size; step++)
            {
                final int writer = (rank + step) % size;
                if (readEnds[writer] < 0)
                {
                    continue;
                }
                if (0 == fragment)
                {
                    fragments = Math.max(fragments, openRead(writer));
                    if (readEnds[writer] < 0)
                    {
                        continue;
                    }
                }
                readFragment(writer, fragment);
            }
            ackBefore(fragments, fragment);
        }
    }

    /**
     * Write this member's stream (unless it was only {@link #keep kept}) and reduce everyone's from {@code lowest}
     * to {@code highest} over a byte range of the streams, into an array: {@code x[lowest] op ... op x[highest]} in
     * rank order. Every writer's stream must be as long as this member's.
     *
     * @param lowest      first member reduced.
     * @param highest     last member reduced; none if below lowest.
     * @param from        first byte of the range in every stream, a multiple of the operand size.
     * @param to          end of the range.
     * @param result      array that receives the range's reduction.
     * @param resultIndex element of the array that receives the range's first element.
     * @param type        datatype of the streams and the array.
     * @param op          the operation, checked for the type.
     * @param scratch     where operands are staged as arrays.
     */
    public void reduce(
        final int lowest, final int highest, final long from, final long to, final Object result,
        final int resultIndex, final Datatype type, final Op op, final Scratch scratch)
    {
        final int fragments = fragments(streamLength);
        final int elementSize = type.size();
        final Object incoming = scratch.array(Scratch.INCOMING, type, Segment.FRAGMENT / elementSize);
        for (int member = lowest; member <= highest; member++)
        {
            read(member, from, to - from, 0, streamLength);
        }
        for (int fragment = 0; fragment < fragments; fragment++)
        {
            if (writing)
            {
                writeFragment(fragment);
            }
            final long fragmentStart = (long)fragment * Segment.FRAGMENT;
            final long lo = Math.max(from, fragmentStart);
            final long hi = Math.min(to, fragmentStart + Segment.FRAGMENT);
            final int count = (int)((hi - lo) / elementSize);
            final int index = resultIndex + (int)((lo - from) / elementSize);
            final long resultAddress = type.arrayBaseOffset() + (long)index * elementSize;
            boolean first = true;
            for (int writer = highest; writer >= lowest; writer--)
            {
                if (writer == rank && !writing)
                {
                    if (lo < hi)
                    {
                        copyFromStream(lo, hi - lo, first ? result : incoming,
                            first ? resultAddress : type.arrayBaseOffset());
                        if (!first)
                        {
                            op.apply(incoming, 0, result, index, count);
                        }
                        first = false;
                    }
                    continue;
                }
                if (0 == fragment)
                {
                    openRead(writer);
                }
                if (lo >= hi || hi > readEnds[writer])
                {
                    continue;
                }
                final int slot = 0 == fragment ? firstSlots[writer] : awaitData(writer, fragment);
                if (slot < 0)
                {
                    readEnds[writer] = -1;
                    continue;
                }
                final long source = segment.dataAddress(writer, slot) + (lo - fragmentStart);
                if (first)
                {
                    UnsafeApi.copyMemory(null, source, result, resultAddress, hi - lo);
                    first = false;
                }
                else
                {
                    UnsafeApi.copyMemory(null, source, incoming, type.arrayBaseOffset(), hi - lo);
                    op.apply(incoming, 0, result, index, count);
                }
            }
            ackBefore(fragments, fragment);
        }
    }

    /**
     * Write this member's stream and reduce everyone's, into every member's result (allreduce): each fragment is
     * cut into one part per member, each member reduces its part across every stream, in rank order, in a scratch
     * array that stays in its cache, copies it to its result and its result slot, and copies the other members'
     * parts from theirs. So the members
     * share the work of the reduction, where {@link #reduce} has each of them do all of it; worth it from a few KiB
     * on. Every writer's stream must be as long as this member's.
     *
     * @param result      array that receives the reduction.
     * @param resultIndex element of the array that receives the first element.
     * @param type        datatype of the streams and the array.
     * @param op          the operation, checked for the type.
     * @param scratch     where operands and the part are staged as arrays.
     */
    public void reduceInParts(
        final Object result, final int resultIndex, final Datatype type, final Op op, final Scratch scratch)
    {
        final int fragments = fragments(streamLength);
        final int elementSize = type.size();
        final int unit = op.operandLength();
        final Object incoming = scratch.array(Scratch.INCOMING, type, Segment.FRAGMENT / elementSize);
        final Object part = scratch.array(Scratch.PARTIAL, type, Segment.FRAGMENT / elementSize);
        final long base = type.arrayBaseOffset();
        for (int member = 0; member < size; member++)
        {
            read(member, 0, streamLength, 0, streamLength);
        }
        for (int fragment = 0; fragment < fragments; fragment++)
        {
            final int dataSlot = writeFragment(fragment);
            final long fragmentStart = (long)fragment * Segment.FRAGMENT;
            final int elements = (int)(Math.min(Segment.FRAGMENT, streamLength - fragmentStart) / elementSize);
            final int partLength = ((elements / unit + size - 1) / size) * unit;
            final int from = Math.min(elements, rank * partLength);
            final int count = Math.min(elements, from + partLength) - from;
            final int fragmentIndex = resultIndex + (int)(fragmentStart / elementSize);
            final long partAddress = base + (long)(fragmentIndex + from) * elementSize;
            boolean first = true;
            for (int writer = size - 1; writer >= 0; writer--)
            {
                if (0 == fragment)
                {
                    openRead(writer);
                }
                if (0 == count || readEnds[writer] < fragmentStart + (long)(from + count) * elementSize)
                {
                    continue;
                }
                final int slot = 0 == fragment ? firstSlots[writer] : awaitData(writer, fragment);
                if (slot < 0)
                {
                    readEnds[writer] = -1;
                    continue;
                }
                final long source = segment.dataAddress(writer, slot) + (long)from * elementSize;
                if (first)
                {
                    UnsafeApi.copyMemory(null, source, part, base, (long)count * elementSize);
                    first = false;
                }
                else
                {
                    UnsafeApi.copyMemory(null, source, incoming, base, (long)count * elementSize);
                    op.apply(incoming, 0, part, 0, count);
                }
            }
            final int resultSlot = Segment.RESULTS + dataSlot - Segment.DATA;
            UnsafeApi.copyMemory(part, base, null, segment.dataAddress(rank, resultSlot), (long)count * elementSize);
            UnsafeApi.copyMemory(part, base, result, partAddress, (long)count * elementSize);
            segment.publish(rank, resultSlot, Segment.stamp(call, fragment), streamLength);
            for (int step = 1; step < size; step++)
            {
                final int member = (rank + step) % size;
                final int memberFrom = Math.min(elements, member * partLength);
                final int memberCount = Math.min(elements, memberFrom + partLength) - memberFrom;
                if (0 == memberCount)
                {
                    continue;
                }
                final int slot = awaitSlot(member, Segment.RESULTS, Segment.DEPTH, fragment);
                if (slot >= 0)
                {
                    UnsafeApi.copyMemory(null, segment.dataAddress(member, slot), result,
                        base + (long)(fragmentIndex + memberFrom) * elementSize, (long)memberCount * elementSize);
                }
            }
            ackBefore(fragments, fragment);
        }
    }

    /**
     * Unmap the segment.
     */
    public void close()
    {
        segment.close();
    }

    private static int fragments(final long length)
    {
        return length <= Segment.FRAGMENT ? 1 : (int)((length + Segment.FRAGMENT - 1) / Segment.FRAGMENT);
    }

    /**
     * Release a fragment that this member has read, unless it is the call's last: {@link #end()} releases that.
     */
    private void ackBefore(final int fragments, final int fragment)
    {
        if (fragment < fragments - 1)
        {
            segment.ack(rank, Segment.stamp(call, fragment));
        }
    }

    private int smallSlot()
    {
        return (int)(call % Segment.SMALL_DEPTH);
    }

    /**
     * @return where this member writes the next fragment of its stream: the call's small slot for a short stream
     * without an index (readers look there by the length they expect), else the next of its data slots in turn,
     * whatever call wrote the one before, so that a member may run {@link Segment#DEPTH} fragments ahead across
     * calls (readers search the data slots for the fragment's stamp).
     */
    private int writeSlot()
    {
        if (!indexed && streamLength <= Segment.SMALL_FRAGMENT)
        {
            return smallSlot();
        }
        return Segment.DATA + (int)(dataFragments++ % Segment.DEPTH);
    }

    /**
     * Wait for a writer's fragment of the current call in its small slot or its data slots, as this member
     * expects its stream to be short or not.
     *
     * @return the slot, or -1 as {@link #awaitSlot} says.
     */
    private int awaitData(final int writer, final int fragment)
    {
        return readSmall[writer] ?
            awaitSlot(writer, smallSlot(), 1, fragment) : awaitSlot(writer, Segment.DATA, Segment.DEPTH, fragment);
    }

    /**
     * @return the slot this member wrote the fragment into.
     */
    private int writeFragment(final int fragment)
    {
        final int slot = writeSlot();
        awaitFree(occupants[slot]);
        final long start = (long)fragment * Segment.FRAGMENT;
        final long length = Math.min(Segment.FRAGMENT, streamLength - start);
        copyFromStream(start, length, null, segment.dataAddress(rank, slot));
        final long stamp = Segment.stamp(call, fragment);
        segment.publish(rank, slot, stamp, streamLength);
        occupants[slot] = stamp;
        return slot;
    }

    private void awaitFree(final long occupant)
    {
        for (int member = 0; member < size; member++)
        {
            if (member == rank || knownAcks[member] >= occupant)
            {
                continue;
            }
            knownAcks[member] = segment.ack(member);
            if (knownAcks[member] >= occupant)
            {
                continue;
            }
            idle.reset();
            int rounds = 0;
            while ((knownAcks[member] = segment.ack(member)) < occupant)
            {
                pause(++rounds);
            }
        }
    }

    /**
     * Wait for a writer's fragment 0 and check its stream length against what this member expects.
     *
     * @return the fragments this member reads of the writer.
     */
    private int openRead(final int writer)
    {
        final int slot = awaitData(writer, 0);
        if (slot < 0)
        {
            readEnds[writer] = -1;
            return 0;
        }
        firstSlots[writer] = slot;
        final long length = segment.slotLength(writer, slot);
        final int block = readBlocks[writer];
        if (block < 0)
        {
            checkLength(writer, length);
            readEnds[writer] = Math.min(readEnds[writer], length);
        }
        else
        {
            final long index = segment.dataAddress(writer, slot) + (long)block * Long.BYTES;
            final long start = UnsafeApi.getLong(null, index);
            final long blockLength = UnsafeApi.getLong(null, index + Long.BYTES) - start;
            checkLength(writer, blockLength);
            readOffsets[writer] = start;
            readEnds[writer] = start + Math.min(blockLength, Math.max(0, expectedLengths[writer]));
        }
        return readEnds[writer] > readOffsets[writer] ? fragments(readEnds[writer]) : 1;
    }

    private void checkLength(final int writer, final long length)
    {
        final long expected = expectedLengths[writer];
        if (expected >= 0 && length != expected)
        {
            exchange.defer(new MpiException(length > expected ? ErrorClass.ERR_TRUNCATE : ErrorClass.ERR_COUNT,
                "rank " + writer + " gave " + length + " bytes to this collective call where this rank's " +
                "arguments expect " + expected + ": the counts do not match"));
        }
    }

    private void readFragment(final int writer, final int fragment)
    {
        final long fragmentStart = (long)fragment * Segment.FRAGMENT;
        final long lo = Math.max(readOffsets[writer], fragmentStart);
        final long hi = Math.min(readEnds[writer], fragmentStart + Segment.FRAGMENT);
        if (lo >= hi)
        {
            return;
        }
        final int slot = 0 == fragment ? firstSlots[writer] : awaitData(writer, fragment);
        if (slot < 0)
        {
            readEnds[writer] = -1;
            return;
        }
        UnsafeApi.copyMemory(null, segment.dataAddress(writer, slot) + (lo - fragmentStart),
            target, readTargets[writer] + (lo - readOffsets[writer]), hi - lo);
    }

    /**
     * Wait until a writer has published a fragment of the current call in one of a run of its slots. A slot that
     * holds the fragment keeps it until this member acks it.
     *
     * @param writer    the member that writes the fragment.
     * @param firstSlot the first slot to search.
     * @param slots     how many slots to search.
     * @param fragment  the fragment.
     * @return the slot, or -1 if the writer finished the call without writing it there (it left the call early,
     * or the members disagree about the call), which is deferred as ERR_OTHER.
     */
    private int awaitSlot(final int writer, final int firstSlot, final int slots, final int fragment)
    {
        final long stamp = Segment.stamp(call, fragment);
        int slot = find(writer, firstSlot, slots, stamp);
        if (slot >= 0)
        {
            return slot;
        }
        final long finished = (call << Segment.FRAGMENT_BITS) | Segment.ALL_FRAGMENTS;
        idle.reset();
        int rounds = 0;
        while ((slot = find(writer, firstSlot, slots, stamp)) < 0)
        {
            // the writer's ack line changes with every call it makes: read it seldom, as it is seldom the answer
            if (0 == (++rounds & LEFT_CHECK_MASK) && segment.ack(writer) >= finished &&
                (slot = find(writer, firstSlot, slots, stamp)) < 0)
            {
                exchange.defer(new MpiException(ErrorClass.ERR_OTHER, "rank " + writer + " left collective call " +
                    call + " of this communicator without its data: it rejected its arguments, or the members " +
                    "disagree on the calls, their roots or their counts"));
                return -1;
            }
            pause(rounds);
        }
        return slot;
    }

    private int find(final int writer, final int firstSlot, final int slots, final long stamp)
    {
        for (int slot = firstSlot; slot < firstSlot + slots; slot++)
        {
            if (segment.slotStamp(writer, slot) == stamp)
            {
                return slot;
            }
        }
        return -1;
    }

    private void pause(final int rounds)
    {
        if (0 == (rounds & MEMBER_CHECK_MASK))
        {
            context.checkMembers();
        }
        idle.idle();
    }

    private void copyFromStream(final long offset, final long length, final Object base, final long address)
    {
        long skip = offset;
        long copied = 0;
        for (int i = 0; i < sources && copied < length; i++)
        {
            final long regionLength = sourceLengths[i];
            if (skip >= regionLength)
            {
                skip -= regionLength;
                continue;
            }
            final long chunk = Math.min(regionLength - skip, length - copied);
            UnsafeApi.copyMemory(sourceBases[i], sourceAddresses[i] + skip, base, address + copied, chunk);
            copied += chunk;
            skip = 0;
        }
    }

    private static void report(final CollectiveContext context, final String problem)
    {
        System.err.println("jmpi: the communicator of world rank " + context.worldRank(0) + " and others keeps to " +
            "point-to-point collectives: " + problem);
    }
}
