package io.jmpi.engine;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.jmpi.transport.AeronTransport;
import io.jmpi.transport.DataRing;
import io.jmpi.transport.DataRings;
import io.jmpi.transport.RankStates;
import io.jmpi.transport.SharedRegions;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.IdleStrategy;
import org.jctools.queues.MpscArrayQueue;

import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The point-to-point protocol and matching engine of one rank.
 * <p>
 * <b>Protocols.</b> A message of at most {@link #eagerLimit()} bytes travels in one frame (SHORT, or EAGER for a
 * synchronous send, whose receiver answers ACK). A larger one
 * sends an RTS envelope; when a receive matches it, the receiver answers CTS with the number of bytes it accepts,
 * and the sender streams DATA frames that the receiver copies straight from the log into the user's buffer. So
 * the receiver buffers unexpected eager messages only, never unexpected large ones. Between ranks of one host the
 * data goes through a {@link DataRing} of the pair instead of the inbox: the RTS says so, and the receiver maps
 * the ring when it matches the first one. When the sender's buffer is in shared memory ({@link SharedRegions}),
 * the RTS names it and the receiver copies the message straight out of it and answers ACK: one copy in all.
 * <p>
 * <b>Unexpected messages.</b> Queued unexpected messages hold at most the bytes given at construction. A sender
 * whose message would pass that bound has <i>overflowed</i> this rank: the message, and every later envelope from
 * that sender, is dropped (its later messages could otherwise match receives meant for the lost one), and the
 * receives that could have matched the lost message fail with {@link Errors#NO_MEM}: those posted then that name
 * the sender or any source, and from then on those that name the sender or any source and find no queued message.
 * Messages the sender queued before still arrive. Open MPI aborts the job when its unexpected messages exhaust
 * memory; this reports the failure to the calls it concerns, so that the program can name the sender and end.
 * <p>
 * <b>Matching.</b> A posted-receive queue and an unexpected-message queue, both in arrival order, matched on
 * (context, source, tag) with wildcards. Envelopes (SHORT, EAGER and RTS) from one sender reach the inbox in the order
 * the sender issued them and are matched in that order, which is MPI's non-overtaking rule whatever the sizes.
 * A send whose envelope cannot be written yet (the inbox is full) queues behind any earlier blocked envelope to
 * the same destination, so it cannot overtake either.
 * <p>
 * <b>Threads.</b> Any thread may call any method. One thread at a time owns the engine (a flag taken with CAS,
 * never waited on while another works) and does the work; a thread that finds the engine owned hands its
 * operation over through a lock-free MPSC queue that the owner drains before its next step. Completion is
 * published through each operation's volatile state.
 */
public final class ProgressEngine
{
    private static final int FRAGMENT_LIMIT = 64;
    private static final int CHUNKS_PER_PASS = 16;
    private static final int COMMAND_QUEUE_CAPACITY = 4096;
    private static final long PEER_CHECK_INTERVAL_NS = 100_000_000L;
    private static final long REMOTE_DEPARTURE_GRACE_NS = 2_000_000_000L;
    private static final int LEFT_DRAIN_POLLS = 1_000;
    private static final byte PEER_ALIVE = 0;
    private static final byte PEER_LEFT = 1;
    private static final byte PEER_FAILED = 2;

    private final int rank;
    private final Subscription[] inboxes;
    private final AeronTransport transport;
    private final Publication[] peers;
    private final boolean[] local;
    private final RankStates rankStates;
    private final DataRings rings;
    private final SharedRegions shared;
    private final DataRing[] polledRings;
    private final int[] polledRingPeers;
    private int polledRingCount;
    private final int eagerLimit;
    private final int[] chunkLengths;
    private final BufferClaim claim = new BufferClaim();
    private final FragmentHandler fragmentHandler = this::onFragment;
    private final Consumer<Operation> failOnPeerLoss = op -> fail(op, Errors.PROC_FAILED);
    private final Consumer<Operation> failOnOverflow = this::failOverflowed;
    private final MatchingQueues queues;
    private final long unexpectedLimit;
    private final boolean[] overflowed;
    private int firstOverflowed = -1;
    private int overflowing;
    private final IntrusiveList<Operation>[] blockedEnvelopes;
    private final IntrusiveList<Operation> streaming = new IntrusiveList<>();
    private final IntrusiveList<Operation> polled = new IntrusiveList<>();
    private final ControlQueue controls = new ControlQueue(64);
    private final OpTable ops = new OpTable(256);
    private final MpscArrayQueue<Operation> commands = new MpscArrayQueue<>(COMMAND_QUEUE_CAPACITY);
    private final AtomicBoolean owned = new AtomicBoolean();
    private final long token;
    private final byte[] peerStates;
    private final long[] fullInboxPass;
    private final long[] disconnectedSinceNs;
    private long pass;
    private boolean backPressured;
    private int blockedEnvelopeCount;
    private int idleSteps;
    private long lastPeerCheckNs;
    private volatile long droppedFrames;

    /**
     * Build the engine over a connected transport.
     *
     * @param transport  the rank's transport: inboxes, publications to peers, data rings, shared allocations and
     *                   the job page.
     * @param eagerLimit largest message sent eagerly; capped to what fits one frame to every peer, so that the
     *                   protocol of a message does not depend on where it goes.
     * @param token      the job's token: frames carrying another are dropped.
     * @param unexpectedLimit most bytes the queued unexpected messages may hold, their records included.
     */
    @SuppressWarnings("unchecked")
    public ProgressEngine(
        final AeronTransport transport, final int eagerLimit, final long token, final long unexpectedLimit)
    {
        final int size = transport.environment().size();
        this.transport = transport;
        this.rankStates = transport.rankStates();
        this.rings = transport.rings();
        this.shared = transport.sharedRegions();
        this.polledRings = new DataRing[size];
        this.polledRingPeers = new int[size];
        this.rank = transport.environment().rank();
        this.token = token;
        this.unexpectedLimit = unexpectedLimit;
        this.queues = new MatchingQueues(unexpectedLimit);
        this.overflowed = new boolean[size];
        this.peerStates = new byte[size];
        this.fullInboxPass = new long[size];
        this.disconnectedSinceNs = new long[size];
        this.inboxes = transport.inboxes();
        this.peers = new Publication[size];
        this.local = new boolean[size];
        this.chunkLengths = new int[size];
        int smallestChunk = Integer.MAX_VALUE;
        for (int r = 0; r < size; r++)
        {
            local[r] = transport.environment().isLocal(r);
            chunkLengths[r] = transport.maxPayloadLength(r) - Wire.HEADER_LENGTH;
            smallestChunk = Math.min(smallestChunk, chunkLengths[r]);
        }
        this.eagerLimit = Math.max(0, Math.min(eagerLimit, smallestChunk));
        this.blockedEnvelopes = new IntrusiveList[size];
        for (int i = 0; i < size; i++)
        {
            blockedEnvelopes[i] = new IntrusiveList<>();
        }
    }

    /**
     * @return the largest message, in bytes, that is sent eagerly.
     */
    public int eagerLimit()
    {
        return eagerLimit;
    }

    /**
     * @return the most bytes the queued unexpected messages may hold.
     */
    public long unexpectedLimit()
    {
        return unexpectedLimit;
    }

    /**
     * Tell whether a receive or probe with this source that finds no queued message must fail because a sender
     * overflowed this rank's unexpected messages.
     *
     * @param source world rank or {@link RecvOp#ANY_SOURCE}.
     * @return the world rank of the sender that overflowed, or -1 if none concerns the source.
     */
    public int overflowedSender(final int source)
    {
        if (RecvOp.ANY_SOURCE == source)
        {
            return firstOverflowed;
        }
        return overflowed[source] ? source : -1;
    }

    /**
     * @return frames dropped because they were malformed or named no live operation.
     */
    public long droppedFrames()
    {
        return droppedFrames;
    }

    /**
     * @return true while frames wait to be written: blocked envelopes, control frames, rendezvous data.
     */
    public boolean hasPendingOutput()
    {
        return blockedEnvelopeCount > 0 || !controls.isEmpty() || !streaming.isEmpty();
    }

    /**
     * Start a send, post a receive, or start a {@link PolledOperation} that every progress step then advances.
     * Returns at once; the operation completes through progress.
     *
     * @param op a prepared, idle operation.
     */
    public void start(final Operation op)
    {
        op.markPending();
        if (owned.compareAndSet(false, true))
        {
            drainCommands();
            startOwned(op);
            release();
        }
        else
        {
            while (!commands.offer(op))
            {
                progress();
                Thread.onSpinWait();
            }
            if (owned.compareAndSet(false, true))
            {
                drainCommands();
                release();
            }
        }
    }

    /**
     * Do one step of work if no other thread is doing it: write blocked frames, stream rendezvous data, poll
     * the inbox.
     *
     * @return amount of work done, 0 when idle or when another thread owns the engine.
     */
    public int progress()
    {
        if (!owned.compareAndSet(false, true))
        {
            return 0;
        }

        drainCommands();
        int work = doWork();
        if (0 == work && 0 == (++idleSteps & 63))
        {
            work = checkPeers();
        }
        release();
        return work;
    }

    /**
     * Make a step of progress and, at most every 100 ms, look for peers that have died, whatever work the step did.
     * For threads that wait on something other than the engine's operations (the collectives' shared memory), which
     * would otherwise learn of a dead peer only after many idle steps.
     */
    public void progressAndCheckPeers()
    {
        progress();
        if (owned.compareAndSet(false, true))
        {
            checkPeers();
            release();
        }
    }

    /**
     * Tell every peer that this rank leaves the job normally, so that operations waiting on it fail instead of
     * hanging: a BYE behind the last frames to each peer it has written to and to every peer on another host,
     * then LEFT on the job page for the peers of its host it never wrote to. Best effort: peers whose inbox stays
     * full or gone are skipped after a short while.
     *
     * @param idle idle strategy for the short wait on full inboxes.
     */
    public void announceDeparture(final IdleStrategy idle)
    {
        acquire();
        drainCommands();
        final long deadline = System.nanoTime() + PEER_CHECK_INTERVAL_NS * 10;
        for (int r = 0; r < peers.length; r++)
        {
            idle.reset();
            while (r != rank && (null != peers[r] || !local[r]) && PEER_ALIVE == peerStates[r] &&
                !writeControl(r, Wire.BYE, 0, 0, 0) && System.nanoTime() < deadline)
            {
                idle.idle();
            }
        }
        rankStates.state(rank, RankStates.LEFT);
        release();
    }

    /**
     * @param worldRank a rank of the job.
     * @return true if that rank has failed: it left without closing jmpi.
     */
    public boolean hasFailed(final int worldRank)
    {
        return PEER_FAILED == peerStates[worldRank];
    }

    /**
     * Progress until the operation completes.
     *
     * @param op   a started operation.
     * @param idle this thread's idle strategy, used between steps that did no work.
     */
    public void await(final Operation op, final IdleStrategy idle)
    {
        idle.reset();
        while (!op.isComplete())
        {
            final int work = progress();
            if (!op.isComplete())
            {
                if (backPressured)
                {
                    // a full inbox drains only when its reader runs: on few cores, give it the core
                    Thread.yield();
                }
                else
                {
                    idle.idle(work);
                }
            }
        }
    }

    /**
     * Cancel a posted receive that has not matched yet.
     *
     * @param op a started receive.
     * @return true if it was cancelled (and is now complete, flagged cancelled); false if it had already matched.
     */
    public boolean cancel(final RecvOp op)
    {
        acquire();
        drainCommands();
        final boolean cancelled = queues.unpost(op);
        if (cancelled)
        {
            op.cancelled = true;
            op.complete(Errors.SUCCESS);
        }
        release();
        return cancelled;
    }

    /**
     * Look for a message that a receive with this envelope would match, without receiving it.
     *
     * @param context communicator context.
     * @param source  world rank or {@link RecvOp#ANY_SOURCE}.
     * @param tag     tag or {@link RecvOp#ANY_TAG}.
     * @param result  filled with the matched message's source, tag and length when found.
     * @return true if such a message has arrived.
     */
    public boolean probe(final int context, final int source, final int tag, final RecvOp result)
    {
        acquire();
        drainCommands();
        doWork();
        final UnexpectedMessage message = queues.peekUnexpected(context, source, tag);
        if (null != message)
        {
            result.matchedSource = message.source;
            result.matchedTag = message.tag;
            result.messageLength = message.length;
            result.receivedLength = message.length;
        }
        release();
        return null != message;
    }

    /**
     * Take the first message that a receive with this envelope would match out of the matching queues, so that no
     * other receive can match it (MPI_Mprobe, MPI_Improbe). Receive it with {@link #receiveMatched}.
     *
     * @param context communicator context.
     * @param source  world rank or {@link RecvOp#ANY_SOURCE}.
     * @param tag     tag or {@link RecvOp#ANY_TAG}.
     * @return the matched message, or null if none has arrived.
     */
    public MatchedMessage matchedProbe(final int context, final int source, final int tag)
    {
        acquire();
        drainCommands();
        doWork();
        final UnexpectedMessage message = queues.takeUnexpected(context, source, tag);
        release();
        return null == message ? null : new MatchedMessage(message);
    }

    /**
     * Receive a message taken by {@link #matchedProbe} (MPI_Mrecv, MPI_Imrecv); completes like any receive.
     *
     * @param op      a receive with its region set; its envelope is ignored.
     * @param message a message from matchedProbe, received at most once.
     */
    public void receiveMatched(final RecvOp op, final MatchedMessage message)
    {
        final UnexpectedMessage unexpectedMessage = message.take();
        op.markPending();
        acquire();
        drainCommands();
        deliver(op, unexpectedMessage);
        release();
    }

    private void acquire()
    {
        while (!owned.compareAndSet(false, true))
        {
            Thread.onSpinWait();
        }
    }

    /**
     * Give up ownership with a release store, not a full fence. An operation handed over just after the owner's
     * last drain may stay queued until the next progress call; that is always soon, because the thread that
     * queued it waits for or tests it (and close drains buffered sends).
     */
    private void release()
    {
        owned.setRelease(false);
        while (!commands.isEmpty() && owned.compareAndSet(false, true))
        {
            drainCommands();
            owned.setRelease(false);
        }
    }

    private void drainCommands()
    {
        Operation op;
        while (null != (op = commands.poll()))
        {
            startOwned(op);
        }
    }

    void startOwned(final Operation op)
    {
        if (op instanceof RecvOp)
        {
            postReceive((RecvOp)op);
        }
        else if (op instanceof SendOp)
        {
            startSend((SendOp)op);
        }
        else
        {
            final PolledOperation compound = (PolledOperation)op;
            compound.startedBy(this);
            polled.addLast(compound);
            // its first parts go out now, not at the next progress call
            pollOne(compound);
        }
    }

    /**
     * Take back a receive that has not matched, on the owner thread: {@link PolledOperation#withdraw}.
     */
    void withdraw(final RecvOp op)
    {
        queues.unpost(op);
    }

    private int pollOperations()
    {
        int work = 0;
        for (Operation op = polled.head(); null != op; )
        {
            final Operation next = op.next;
            work += pollOne((PolledOperation)op);
            op = next;
        }
        return work;
    }

    private int pollOne(final PolledOperation op)
    {
        final int work = op.poll();
        if (op.isFinished())
        {
            polled.remove(op);
            op.publish();
        }
        return work;
    }

    private int doWork()
    {
        int work = 0;
        pass++;
        backPressured = false;
        if (blockedEnvelopeCount > 0)
        {
            work += retryBlockedEnvelopes();
        }
        if (!controls.isEmpty())
        {
            work += flushControls();
        }
        if (!streaming.isEmpty())
        {
            work += streamChunks();
        }
        work += drainInboxes();
        if (polledRingCount > 0)
        {
            work += pollRings();
        }
        if (!polled.isEmpty())
        {
            work += pollOperations();
        }
        return work;
    }

    private void startSend(final SendOp op)
    {
        if (PEER_ALIVE != peerStates[op.peer])
        {
            op.complete(Errors.PROC_FAILED);
            return;
        }
        if (op.synchronous || op.length > eagerLimit)
        {
            ops.register(op);
        }

        final IntrusiveList<Operation> blocked = blockedEnvelopes[op.peer];
        if (!blocked.isEmpty())
        {
            blocked.addLast(op);
            blockedEnvelopeCount++;
            return;
        }

        final int result = writeEnvelope(op);
        if (0 == result)
        {
            blocked.addLast(op);
            blockedEnvelopeCount++;
        }
        else
        {
            afterEnvelope(op, result);
        }
    }

    private int retryBlockedEnvelopes()
    {
        int work = 0;
        for (final IntrusiveList<Operation> blocked : blockedEnvelopes)
        {
            SendOp op;
            while (null != (op = (SendOp)blocked.head()))
            {
                final int result = writeEnvelope(op);
                if (0 == result)
                {
                    backPressured = true;
                    break;
                }
                blocked.remove(op);
                blockedEnvelopeCount--;
                afterEnvelope(op, result);
                work++;
            }
        }
        return work;
    }

    /**
     * @return 1 if written, 0 if the inbox is full for now, -1 if the publication is gone for good.
     */
    private int writeEnvelope(final SendOp op)
    {
        final boolean eager = op.length <= eagerLimit;
        final int payloadLength = eager ? op.length : 0;
        byte flags = op.synchronous ? Wire.FLAG_SYNC : 0;
        int sharedId = 0;
        long sharedOffset = 0;
        if (!eager && rings.usesRing(op.peer))
        {
            rings.outbound(op.peer);
            flags |= Wire.FLAG_RING;
            sharedId = shared.idOf(op.base, op.address, op.length);
            if (0 != sharedId)
            {
                flags |= Wire.FLAG_SHARED;
                sharedOffset = shared.offsetIn(sharedId, op.address);
            }
        }
        final boolean isShort = eager && !op.synchronous;
        final int headerLength = isShort ? Wire.SHORT_HEADER_LENGTH : Wire.HEADER_LENGTH;
        final long position = peer(op.peer).tryClaim(headerLength + payloadLength, claim);
        if (position > 0)
        {
            final MutableDirectBuffer buffer = claim.buffer();
            final int index = claim.offset();
            if (isShort)
            {
                Wire.putShortHeader(buffer, index, rank, op.context, op.tag, token);
            }
            else
            {
                Wire.putHeader(
                    buffer, index, eager ? Wire.EAGER : Wire.RTS, flags,
                    rank, op.context, op.tag, op.length, (int)sharedOffset, op.id, sharedId, token);
            }
            if (payloadLength > 0)
            {
                UnsafeApi.copyMemory(
                    op.base, op.address, buffer.byteArray(),
                    buffer.addressOffset() + index + headerLength, payloadLength);
            }
            claim.commit();
            return 1;
        }

        return isFatal(position) ? -1 : 0;
    }

    private void afterEnvelope(final SendOp op, final int result)
    {
        if (result < 0)
        {
            fail(op, Errors.OTHER);
        }
        else if (op.length <= eagerLimit && !op.synchronous)
        {
            op.complete(Errors.SUCCESS);
        }
    }

    private void fail(final Operation op, final int error)
    {
        if (0 != op.id)
        {
            ops.release(op);
        }
        op.complete(error);
    }

    private static boolean isFatal(final long position)
    {
        return Publication.CLOSED == position || Publication.MAX_POSITION_EXCEEDED == position;
    }

    private int streamChunks()
    {
        int work = 0;
        SendOp op = (SendOp)streaming.head();
        while (null != op)
        {
            final SendOp next = (SendOp)op.next;
            if (rings.usesRing(op.peer))
            {
                work += streamIntoRing(op);
                op = next;
                continue;
            }
            final Publication publication = peer(op.peer);
            for (int i = 0; i < CHUNKS_PER_PASS && op.sentLength < op.acceptedLength; i++)
            {
                if (fullInboxPass[op.peer] == pass)
                {
                    break;
                }
                final int chunk = Math.min(chunkLengths[op.peer], op.acceptedLength - op.sentLength);
                final long position = publication.tryClaim(Wire.HEADER_LENGTH + chunk, claim);
                if (position <= 0)
                {
                    if (isFatal(position))
                    {
                        streaming.remove(op);
                        fail(op, Errors.OTHER);
                    }
                    else
                    {
                        fullInboxPass[op.peer] = pass;
                        backPressured = true;
                    }
                    break;
                }

                final MutableDirectBuffer buffer = claim.buffer();
                final int index = claim.offset();
                Wire.putHeader(
                    buffer, index, Wire.DATA, (byte)0, rank, op.context, op.tag, op.length, op.sentLength,
                    0, op.receiverOpId, token);
                UnsafeApi.copyMemory(
                    op.base, op.address + op.sentLength, buffer.byteArray(),
                    buffer.addressOffset() + index + Wire.HEADER_LENGTH, chunk);
                claim.commit();
                op.sentLength += chunk;
                work++;
            }

            if (op.sentLength == op.acceptedLength && streaming.contains(op))
            {
                streaming.remove(op);
                op.complete(Errors.SUCCESS);
            }
            op = next;
        }
        return work;
    }

    /**
     * Copy as many chunks of a send as the ring to its receiver has room for.
     */
    private int streamIntoRing(final SendOp op)
    {
        final DataRing ring = rings.outbound(op.peer);
        int work = 0;
        while (op.sentLength < op.acceptedLength && ring.hasRoom())
        {
            final int chunk = Math.min(DataRing.SLOT_BYTES, op.acceptedLength - op.sentLength);
            UnsafeApi.copyMemory(op.base, op.address + op.sentLength, null, ring.writeAddress(), chunk);
            ring.publish(op.receiverOpId, op.sentLength, chunk);
            op.sentLength += chunk;
            work++;
        }
        if (op.sentLength == op.acceptedLength)
        {
            streaming.remove(op);
            op.complete(Errors.SUCCESS);
        }
        else if (0 == work)
        {
            backPressured = true;
        }
        return work;
    }

    private int pollRings()
    {
        int work = 0;
        for (int i = 0; i < polledRingCount; i++)
        {
            work += pollRing(polledRings[i], polledRingPeers[i]);
        }
        return work;
    }

    private void drainRing(final int peer)
    {
        final DataRing ring = rings.inboundIfMapped(peer);
        if (null != ring)
        {
            pollRing(ring, peer);
        }
    }

    private int pollRing(final DataRing ring, final int peer)
    {
        int work = 0;
        while (ring.hasChunk())
        {
            final Operation op = ops.get(ring.chunkReceiverOp());
            if (op instanceof RecvOp && op.dependsOn(peer))
            {
                deliverChunk((RecvOp)op, ring.chunkOffset(), ring.chunkLength(), null, ring.chunkAddress());
            }
            else
            {
                droppedFrames++;
            }
            ring.consume();
            work++;
        }
        return work;
    }

    private void sendControl(
        final int destination, final byte type, final long senderOp, final long receiverOp, final int length)
    {
        if (!controls.isEmpty() || !writeControl(destination, type, senderOp, receiverOp, length))
        {
            controls.add(destination, type, senderOp, receiverOp, length);
        }
    }

    private int flushControls()
    {
        int work = 0;
        while (!controls.isEmpty() && writeControl(
            controls.headDestination(), controls.headType(), controls.headSenderOp(),
            controls.headReceiverOp(), controls.headLength()))
        {
            controls.removeHead();
            work++;
        }
        return work;
    }

    private Publication peer(final int worldRank)
    {
        Publication publication = peers[worldRank];
        if (null == publication)
        {
            publication = transport.publication(worldRank);
            peers[worldRank] = publication;
        }
        return publication;
    }

    private boolean writeControl(
        final int destination, final byte type, final long senderOp, final long receiverOp, final int length)
    {
        final long position = peer(destination).tryClaim(Wire.HEADER_LENGTH, claim);
        if (position > 0)
        {
            Wire.putHeader(
                claim.buffer(), claim.offset(), type, (byte)0, rank, 0, 0, length, 0, senderOp, receiverOp, token);
            claim.commit();
            return true;
        }
        // a peer whose inbox is gone will never read the frame: drop it rather than retry forever
        return isFatal(position);
    }

    private void postReceive(final RecvOp recv)
    {
        final UnexpectedMessage message = queues.takeUnexpected(recv.context, recv.peer, recv.tag);
        if (null != message)
        {
            deliver(recv, message);
        }
        else if (overflowedSender(recv.peer) >= 0)
        {
            // before the sender's departure: that its messages were lost is what the program needs to know
            recv.matchedSource = overflowedSender(recv.peer);
            recv.complete(Errors.NO_MEM);
        }
        else if (RecvOp.ANY_SOURCE != recv.peer && PEER_ALIVE != peerStates[recv.peer])
        {
            recv.complete(Errors.PROC_FAILED);
        }
        else
        {
            queues.post(recv);
        }
    }

    private void deliver(final RecvOp recv, final UnexpectedMessage message)
    {
        if (Wire.EAGER == message.type)
        {
            deliverEager(
                recv, message.source, message.tag, message.synchronous, message.senderOpId,
                message.payload.byteArray(), message.payload.addressOffset(), message.length);
        }
        else
        {
            startRendezvousReceive(
                recv, message.source, message.tag, message.length, message.senderOpId, message.ring,
                message.sharedId, message.sharedOffset);
        }
        queues.recycle(message);
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (length < Wire.SHORT_HEADER_LENGTH || Wire.token(buffer, offset) != token)
        {
            droppedFrames++;
            return;
        }

        final byte type = Wire.type(buffer, offset);
        if (Wire.SHORT == type)
        {
            onShort(buffer, offset, length);
            return;
        }
        if (length < Wire.HEADER_LENGTH)
        {
            droppedFrames++;
            return;
        }
        switch (type)
        {
            case Wire.EAGER:
                onEnvelope(buffer, offset, length, true);
                break;

            case Wire.RTS:
                onEnvelope(buffer, offset, length, false);
                break;

            case Wire.CTS:
                onClearToSend(buffer, offset);
                break;

            case Wire.DATA:
                onData(buffer, offset, length);
                break;

            case Wire.ACK:
                onAck(buffer, offset);
                break;

            case Wire.BYE:
                onBye(buffer, offset);
                break;

            default:
                droppedFrames++;
        }
    }

    /**
     * The common case, kept apart so that it reads only the short header: a standard-mode message of at most the
     * eager limit.
     */
    private void onShort(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        final int source = Wire.source(buffer, offset);
        final int context = Wire.context(buffer, offset);
        final int tag = Wire.tag(buffer, offset);
        final int length = frameLength - Wire.SHORT_HEADER_LENGTH;
        if (source < 0 || source >= peers.length)
        {
            droppedFrames++;
            return;
        }
        if (overflowed[source])
        {
            return;
        }

        final RecvOp recv = queues.takePosted(context, source, tag);
        if (null != recv)
        {
            deliverEager(
                recv, source, tag, false, 0,
                buffer.byteArray(), buffer.addressOffset() + offset + Wire.SHORT_HEADER_LENGTH, length);
            return;
        }

        if (!queues.queueUnexpected(
            Wire.EAGER, false, false, 0, 0, source, context, tag, length, 0, buffer, offset + Wire.SHORT_HEADER_LENGTH))
        {
            overflow(source);
        }
    }

    private void onEnvelope(final DirectBuffer buffer, final int offset, final int frameLength, final boolean eager)
    {
        final int source = Wire.source(buffer, offset);
        final int context = Wire.context(buffer, offset);
        final int tag = Wire.tag(buffer, offset);
        final int length = Wire.length(buffer, offset);
        final byte flags = Wire.flags(buffer, offset);
        final boolean synchronous = 0 != (flags & Wire.FLAG_SYNC);
        final boolean ring = 0 != (flags & Wire.FLAG_RING);
        final int sharedId = 0 != (flags & Wire.FLAG_SHARED) ? (int)Wire.receiverOp(buffer, offset) : 0;
        final int sharedOffset = Wire.dataOffset(buffer, offset);
        final long senderOp = Wire.senderOp(buffer, offset);
        if (source < 0 || source >= peers.length || length < 0 ||
            (eager && length != frameLength - Wire.HEADER_LENGTH) || (ring && !rings.usesRing(source)) ||
            (0 != sharedId && !ring))
        {
            droppedFrames++;
            return;
        }
        if (overflowed[source])
        {
            refuse(source, eager, synchronous, senderOp);
            return;
        }

        final RecvOp recv = queues.takePosted(context, source, tag);
        if (null != recv)
        {
            if (eager)
            {
                deliverEager(
                    recv, source, tag, synchronous, senderOp,
                    buffer.byteArray(), buffer.addressOffset() + offset + Wire.HEADER_LENGTH, length);
            }
            else
            {
                startRendezvousReceive(recv, source, tag, length, senderOp, ring, sharedId, sharedOffset);
            }
            return;
        }

        if (!queues.queueUnexpected(
            eager ? Wire.EAGER : Wire.RTS, synchronous, ring, sharedId, sharedOffset, source, context, tag, length,
            senderOp, buffer, offset + Wire.HEADER_LENGTH))
        {
            overflow(source);
            refuse(source, eager, synchronous, senderOp);
        }
    }

    /**
     * A sender whose message was dropped for the bound of unexpected messages waits for an answer unless it was a
     * standard eager send: a refusing ACK ends its wait with {@link Errors#NO_MEM} instead of a hang.
     */
    private void refuse(final int source, final boolean eager, final boolean synchronous, final long senderOp)
    {
        if (!eager || synchronous)
        {
            sendControl(source, Wire.ACK, senderOp, 0, Wire.REFUSED);
        }
    }

    /**
     * The sender's message would pass the bound of unexpected messages: drop it and all that follow from that
     * sender, and fail the receives posted now that could have matched it.
     */
    private void overflow(final int source)
    {
        overflowed[source] = true;
        if (firstOverflowed < 0)
        {
            firstOverflowed = source;
        }
        overflowing = source;
        queues.unpostFrom(source, true, failOnOverflow);
    }

    private void failOverflowed(final Operation op)
    {
        ((RecvOp)op).matchedSource = overflowing;
        op.complete(Errors.NO_MEM);
    }

    private void deliverEager(
        final RecvOp recv,
        final int source,
        final int tag,
        final boolean synchronous,
        final long senderOp,
        final Object payloadBase,
        final long payloadAddress,
        final int length)
    {
        final int delivered = Math.min(length, recv.length);
        if (delivered > 0)
        {
            UnsafeApi.copyMemory(payloadBase, payloadAddress, recv.base, recv.address, delivered);
        }
        recv.matchedSource = source;
        recv.matchedTag = tag;
        recv.messageLength = length;
        recv.receivedLength = delivered;
        if (synchronous)
        {
            sendControl(source, Wire.ACK, senderOp, 0, 0);
        }
        recv.complete(delivered < length ? Errors.TRUNCATE : Errors.SUCCESS);
    }

    private void startRendezvousReceive(
        final RecvOp recv,
        final int source,
        final int tag,
        final int length,
        final long senderOp,
        final boolean ring,
        final int sharedId,
        final int sharedOffset)
    {
        final int accepted = Math.min(length, recv.length);
        recv.matchedSource = source;
        recv.matchedTag = tag;
        recv.messageLength = length;
        recv.receivedLength = 0;
        recv.acceptedLength = accepted;
        if (0 == accepted)
        {
            sendControl(source, Wire.CTS, senderOp, 0, 0);
            recv.complete(length > 0 ? Errors.TRUNCATE : Errors.SUCCESS);
        }
        else if (0 != sharedId && copyFromShared(recv, source, sharedId, sharedOffset, accepted))
        {
            sendControl(source, Wire.ACK, senderOp, 0, 0);
            recv.receivedLength = accepted;
            recv.complete(accepted < length ? Errors.TRUNCATE : Errors.SUCCESS);
        }
        else if (PEER_ALIVE != peerStates[source])
        {
            // the envelope waited in the queue while its sender died: no data will follow it
            recv.complete(Errors.PROC_FAILED);
        }
        else
        {
            if (ring && null == rings.inboundIfMapped(source))
            {
                polledRings[polledRingCount] = rings.inbound(source);
                polledRingPeers[polledRingCount++] = source;
            }
            sendControl(source, Wire.CTS, senderOp, ops.register(recv), accepted);
        }
    }

    /**
     * Copy a message straight out of the sender's shared allocation; false if it cannot be mapped (then the data
     * comes through the ring as for any buffer).
     */
    private boolean copyFromShared(
        final RecvOp recv, final int source, final int sharedId, final int sharedOffset, final int accepted)
    {
        final long address = shared.peerAddress(source, sharedId, sharedOffset, accepted);
        if (0 == address)
        {
            return false;
        }
        UnsafeApi.copyMemory(null, address, recv.base, recv.address, accepted);
        return true;
    }

    private void onClearToSend(final DirectBuffer buffer, final int offset)
    {
        final Operation op = ops.get(Wire.senderOp(buffer, offset));
        if (!(op instanceof SendOp))
        {
            droppedFrames++;
            return;
        }

        final SendOp send = (SendOp)op;
        ops.release(send);
        send.receiverOpId = Wire.receiverOp(buffer, offset);
        send.acceptedLength = Math.min(send.length, Wire.length(buffer, offset));
        send.sentLength = 0;
        if (0 == send.acceptedLength)
        {
            send.complete(Errors.SUCCESS);
        }
        else
        {
            streaming.addLast(send);
        }
    }

    private void onData(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        final Operation op = ops.get(Wire.receiverOp(buffer, offset));
        final int dataOffset = Wire.dataOffset(buffer, offset);
        final int chunk = frameLength - Wire.HEADER_LENGTH;
        if (!(op instanceof RecvOp))
        {
            droppedFrames++;
            return;
        }

        deliverChunk(
            (RecvOp)op, dataOffset, chunk, buffer.byteArray(), buffer.addressOffset() + offset + Wire.HEADER_LENGTH);
    }

    private void deliverChunk(
        final RecvOp recv, final int dataOffset, final int chunk, final Object sourceBase, final long sourceAddress)
    {
        if (dataOffset < 0 || chunk > recv.acceptedLength - dataOffset)
        {
            droppedFrames++;
            return;
        }

        UnsafeApi.copyMemory(sourceBase, sourceAddress, recv.base, recv.address + dataOffset, chunk);
        recv.receivedLength += chunk;
        if (recv.receivedLength == recv.acceptedLength)
        {
            ops.release(recv);
            recv.complete(recv.acceptedLength < recv.messageLength ? Errors.TRUNCATE : Errors.SUCCESS);
        }
    }

    private void onBye(final DirectBuffer buffer, final int offset)
    {
        final int source = Wire.source(buffer, offset);
        if (source < 0 || source >= peers.length || source == rank)
        {
            droppedFrames++;
            return;
        }
        // the peer wrote its last chunks into the ring before it said goodbye
        drainRing(source);
        peerGone(source, PEER_LEFT);
    }

    /**
     * A peer has died when the job page says so: its launcher saw its process end, or, for a peer on another host,
     * jrun relayed that to this host's agent or found the peer's host lost. A peer of this host has left when the
     * page says LEFT: by then its last frames to this rank, and its BYE if it wrote any, are in the inbox, so the
     * inbox is read first. A peer on another host whose inbox has been unreachable for the driver's network
     * liveness timeout without a BYE has gone, after a grace period: when it leaves normally, its last data and its
     * BYE may still be on the wire (its publication lingers) after its inbox is gone.
     */
    private int checkPeers()
    {
        final long now = System.nanoTime();
        if (now - lastPeerCheckNs < PEER_CHECK_INTERVAL_NS)
        {
            return 0;
        }
        lastPeerCheckNs = now;
        int work = 0;
        for (int r = 0; r < peers.length; r++)
        {
            if (PEER_ALIVE != peerStates[r] || r == rank)
            {
                continue;
            }
            if (local[r])
            {
                work += checkLocalPeer(r);
            }
            else if (RankStates.FAILED == rankStates.state(r))
            {
                peerGone(r, PEER_FAILED);
                work++;
            }
            else if (peer(r).isConnected())
            {
                disconnectedSinceNs[r] = 0;
            }
            else if (0 != disconnectedSinceNs[r] && now - disconnectedSinceNs[r] > REMOTE_DEPARTURE_GRACE_NS)
            {
                peerGone(r, PEER_FAILED);
                work++;
            }
            else if (0 == disconnectedSinceNs[r])
            {
                disconnectedSinceNs[r] = now;
            }
        }
        return work;
    }

    private int checkLocalPeer(final int peer)
    {
        final int state = rankStates.state(peer);
        if (RankStates.FAILED == state)
        {
            peerGone(peer, PEER_FAILED);
            return 1;
        }
        if (RankStates.LEFT == state)
        {
            // what the peer wrote before it left is in the inbox; others may keep it busy, so look again later
            for (int polls = 0; drainInboxes() > 0; polls++)
            {
                if (polls == LEFT_DRAIN_POLLS)
                {
                    return 1;
                }
            }
            drainRing(peer);
            if (PEER_ALIVE == peerStates[peer])
            {
                peerGone(peer, PEER_LEFT);
            }
            return 1;
        }
        return 0;
    }

    private int drainInboxes()
    {
        int work = 0;
        for (final Subscription inbox : inboxes)
        {
            work += inbox.poll(fragmentHandler, FRAGMENT_LIMIT);
        }
        return work;
    }

    /**
     * Fail every operation that can no longer complete because the peer is gone. Messages it sent before leaving
     * are already queued (they precede its BYE in the inbox), so only receives naming it, and on failure also
     * wildcard receives (as the MPI fault-tolerance chapter does), fail.
     */
    private void peerGone(final int peer, final byte state)
    {
        peerStates[peer] = state;
        queues.unpostFrom(peer, PEER_FAILED == state, failOnPeerLoss);

        final IntrusiveList<Operation> blocked = blockedEnvelopes[peer];
        Operation op;
        while (null != (op = blocked.pollFirst()))
        {
            blockedEnvelopeCount--;
            fail(op, Errors.PROC_FAILED);
        }

        for (Operation s = streaming.head(); null != s; )
        {
            final Operation next = s.next;
            if (s.peer == peer)
            {
                streaming.remove(s);
                s.complete(Errors.PROC_FAILED);
            }
            s = next;
        }

        ops.forEachDependingOn(peer, failOnPeerLoss);
    }

    private void onAck(final DirectBuffer buffer, final int offset)
    {
        final Operation op = ops.get(Wire.senderOp(buffer, offset));
        if (!(op instanceof SendOp))
        {
            droppedFrames++;
            return;
        }
        ops.release(op);
        op.complete(Wire.REFUSED == Wire.length(buffer, offset) ? Errors.NO_MEM : Errors.SUCCESS);
    }
}
