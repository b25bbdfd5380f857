package io.jmpi;

import io.jmpi.engine.Errors;
import io.jmpi.engine.Operation;
import io.jmpi.engine.PolledOperation;
import io.jmpi.engine.RecvOp;
import io.jmpi.engine.SendOp;
import io.jmpi.spi.Schedule;
import org.agrona.UnsafeApi;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * The runtime's {@link Schedule}: the steps of a nonblocking collective in rounds, run by the progress engine as a
 * {@link PolledOperation}, so that any progress of the rank (a wait or test on any request, a blocking call)
 * advances it. Steps, their sends and receives and the scratch arrays are kept when the schedule completes, and the
 * communicator hands the schedule to its next nonblocking collective: a steady stream allocates only its requests.
 * <p>
 * Layers: the engine knows a {@link PolledOperation} and nothing of collectives; this class runs rounds of steps and
 * knows no algorithm; the algorithms (libNBC's) are {@link io.jmpi.spi.Schedules}, behind the provider SPI.
 * <p>
 * Built by the calling thread, then, once started, touched only by the engine's owner thread until it completes.
 */
final class CollectiveSchedule extends PolledOperation implements Schedule
{
    private static final byte SEND = 0;
    private static final byte RECV = 1;
    private static final byte COPY = 2;
    private static final byte REDUCE = 3;

    /**
     * One step. A send uses {@code out}, a receive {@code in}; a copy describes its source region on {@code out}
     * and its target on {@code in}, which are then never started.
     */
    private static final class Step
    {
        final SendOp out = new SendOp();
        final RecvOp in = new RecvOp();
        byte kind;
        int peer;
        Op op;
        Object left;
        int leftOffset;
        Object right;
        int rightOffset;
        int count;
    }

    private final Comm comm;
    private final int context;
    private Step[] steps = new Step[0];
    private int stepCount;
    private int[] roundEnds = new int[8];
    private int roundCount;
    private int round;
    private boolean roundStarted;
    private int pending;
    private int tag;
    private String call;
    private int count;
    private RuntimeException failure;
    private Object[] scratch = new Object[4];
    private int scratchCount;

    CollectiveSchedule(final Comm comm, final int context)
    {
        this.comm = comm;
        this.context = context;
    }

    /**
     * Make the schedule empty for a new collective.
     *
     * @param call  the call's name, for the report of blocked calls.
     * @param count its count, for the same report.
     * @param tag   the collective's tag, from the communicator's sequence of nonblocking collectives.
     */
    void begin(final String call, final int count, final int tag)
    {
        reset();
        this.call = call;
        this.count = count;
        this.tag = tag;
        stepCount = 0;
        roundCount = 0;
        round = 0;
        roundStarted = false;
        pending = 0;
        failure = null;
        scratchCount = 0;
    }

    /**
     * Close the last round, before the engine starts the schedule.
     */
    void seal()
    {
        round();
    }

    /**
     * {@inheritDoc}
     */
    public int rank()
    {
        return comm.rank();
    }

    /**
     * {@inheritDoc}
     */
    public int size()
    {
        return comm.size();
    }

    /**
     * {@inheritDoc}
     */
    public void send(final Object buffer, final int offset, final int count, final int peer)
    {
        final Step step = add(SEND, peer);
        step.out.reset();
        Buffers.region(step.out, buffer, offset, count, false);
    }

    /**
     * {@inheritDoc}
     */
    public void recv(final Object buffer, final int offset, final int count, final int peer)
    {
        final Step step = add(RECV, peer);
        step.in.reset();
        Buffers.region(step.in, buffer, offset, count, true);
    }

    /**
     * {@inheritDoc}
     */
    public void copy(
        final Object source, final int sourceOffset, final Object target, final int targetOffset, final int count)
    {
        final Step step = add(COPY, comm.rank());
        step.out.reset();
        step.in.reset();
        final Datatype type = Buffers.region(step.out, source, sourceOffset, count, false);
        if (type != Buffers.region(step.in, target, targetOffset, count, true))
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "copy between buffers of different types");
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reduce(
        final Op op, final Object in, final int inOffset, final Object inout, final int inoutOffset, final int count)
    {
        final Step step = add(REDUCE, comm.rank());
        step.op = op;
        step.left = in;
        step.leftOffset = inOffset;
        step.right = inout;
        step.rightOffset = inoutOffset;
        step.count = count;
    }

    /**
     * {@inheritDoc}
     */
    public void round()
    {
        final int start = 0 == roundCount ? 0 : roundEnds[roundCount - 1];
        if (stepCount > start)
        {
            if (roundCount == roundEnds.length)
            {
                roundEnds = Arrays.copyOf(roundEnds, 2 * roundCount);
            }
            roundEnds[roundCount++] = stepCount;
        }
    }

    /**
     * {@inheritDoc}
     */
    public Object scratch(final Datatype type, final int count)
    {
        if (scratchCount == scratch.length)
        {
            scratch = Arrays.copyOf(scratch, 2 * scratchCount);
        }
        final Object kept = scratch[scratchCount];
        if (null == kept || kept.getClass() != type.arrayClass() || Array.getLength(kept) < count)
        {
            scratch[scratchCount] = Array.newInstance(type.arrayClass().getComponentType(), count);
        }
        return scratch[scratchCount++];
    }

    /**
     * {@inheritDoc}
     */
    protected int poll()
    {
        int work = 0;
        while (round < roundCount)
        {
            final int end = roundEnds[round];
            if (!roundStarted)
            {
                roundStarted = true;
                work++;
                if (!startRound(end))
                {
                    return work;
                }
            }
            for (; pending < end; pending++)
            {
                final Operation part = part(steps[pending]);
                if (null != part)
                {
                    if (!part.isComplete())
                    {
                        return work;
                    }
                    if (Errors.SUCCESS != part.error())
                    {
                        fail(part.error(), end);
                        return work;
                    }
                }
            }
            round++;
            roundStarted = false;
        }
        finish(Errors.SUCCESS);
        return work + 1;
    }

    /**
     * Start the steps of the current round in order: local ones run at once, sends and receives are started.
     *
     * @return false if a local step failed (a user operation threw), which fails the schedule.
     */
    private boolean startRound(final int end)
    {
        for (int i = pending; i < end; i++)
        {
            final Step step = steps[i];
            switch (step.kind)
            {
                case SEND:
                    step.out.envelope(comm.worldRankOf(step.peer), context, tag, false);
                    startPart(step.out);
                    break;

                case RECV:
                    step.in.match(comm.worldRankOf(step.peer), context, tag);
                    startPart(step.in);
                    break;

                case COPY:
                    UnsafeApi.copyMemory(
                        step.out.base(), step.out.address(), step.in.base(), step.in.address(), step.out.length());
                    break;

                default:
                    try
                    {
                        step.op.apply(step.left, step.leftOffset, step.right, step.rightOffset, step.count);
                    }
                    catch (final RuntimeException ex)
                    {
                        // thrown on the engine's owner thread, maybe not the caller's: report it at the wait
                        failure = ex;
                        fail(Errors.OTHER, i);
                        return false;
                    }
            }
        }
        return true;
    }

    /**
     * Fail the schedule: the receives of the round that have not matched are taken back so that nothing writes
     * into the buffers any more.
     */
    private void fail(final int error, final int end)
    {
        for (int i = 0 == round ? 0 : roundEnds[round - 1]; i < end; i++)
        {
            final Step step = steps[i];
            if (RECV == step.kind && step.in.isPending())
            {
                withdraw(step.in);
            }
        }
        finish(error);
    }

    private static Operation part(final Step step)
    {
        if (SEND == step.kind)
        {
            return step.out;
        }
        return RECV == step.kind ? step.in : null;
    }

    private Step add(final byte kind, final int peer)
    {
        if ((SEND == kind || RECV == kind) && (peer < 0 || peer >= comm.size() || peer == comm.rank()))
        {
            throw new MpiException(ErrorClass.ERR_RANK, call + ": peer " + peer + " is not another rank of " + comm);
        }
        if (stepCount == steps.length)
        {
            steps = Arrays.copyOf(steps, Math.max(8, 2 * stepCount));
        }
        Step step = steps[stepCount];
        if (null == step)
        {
            step = new Step();
            steps[stepCount] = step;
        }
        stepCount++;
        step.kind = kind;
        step.peer = peer;
        return step;
    }

    /**
     * Fill the request's status once the schedule has completed, and give the schedule back to the communicator.
     *
     * @param status the request's status.
     * @throws MpiException the error of the collective.
     */
    void conclude(final Status status)
    {
        final int error = error();
        status.set(Mpi.PROC_NULL, Mpi.ANY_TAG, 0, ErrorClass.of(error), Datatype.BYTE);
        if (Errors.SUCCESS == error)
        {
            comm.recycle(this);
            return;
        }
        if (null != failure)
        {
            final MpiException thrown =
                new MpiException(ErrorClass.ERR_OP, describe() + " failed: the reduction operation threw " + failure);
            thrown.initCause(failure);
            throw thrown;
        }
        if (Errors.PROC_FAILED == error)
        {
            throw new MpiException(ErrorClass.ERR_PROC_FAILED,
                describe() + " failed: a rank it depends on has failed or left the job");
        }
        throw new MpiException(ErrorClass.of(error), describe() + " failed" +
            (Errors.TRUNCATE == error ? ": a block was longer than the receiving rank's counts allow" : ""));
    }

    /**
     * @return the collective as the report of blocked calls shows it, e.g. {@code iallreduce(count=4, comm=WORLD)}.
     */
    String describe()
    {
        return call + "(count=" + count + ", comm=" + comm + ")";
    }
}
