package io.jmpi.coll.algorithm;

import io.jmpi.Datatype;
import io.jmpi.Op;
import io.jmpi.coll.base.Exchange;
import io.jmpi.coll.base.Memory;
import io.jmpi.coll.base.Scratch;

/**
 * Allreduce for long messages round a ring (Open MPI's tuned ring allreduce; the bandwidth-optimal scheme of
 * Patarasuk and Yuan): the buffer is cut in n blocks; in n - 1 steps of a reduce-scatter each rank passes a block
 * to its right neighbour, which combines it into its own, until each rank holds one block fully reduced; then in
 * n - 1 steps of an allgather the reduced blocks go round. Each rank sends 2 (n - 1) / n of the buffer in all.
 * <p>
 * Blocks are reduced in ring order, not rank order, so this serves commutative operations only; blocks are cut
 * at whole operands, so MINLOC and MAXLOC pairs stay together. Each block is reduced at one rank and then copied,
 * so every rank gets the same result.
 */
public final class RingAllreduce implements AllreduceAlgorithm
{
    /** Name of the algorithm. */
    public static final String NAME = "ring";

    private final Exchange exchange;
    private final Scratch scratch;

    /**
     * @param exchange the communicator's collective messages.
     * @param scratch  the communicator's scratch arrays; uses {@link Scratch#INCOMING}.
     */
    public RingAllreduce(final Exchange exchange, final Scratch scratch)
    {
        this.exchange = exchange;
        this.scratch = scratch;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * @return true for commutative operations only.
     */
    public boolean supports(final Op op)
    {
        return op.isCommutative();
    }

    /**
     * {@inheritDoc}
     */
    public void allreduce(
        final Object sendBuffer, final int sendOffset, final Object recvBuffer, final int recvOffset, final int count,
        final Datatype type, final Op op)
    {
        final int rank = exchange.rank();
        final int size = exchange.size();
        Memory.copy(sendBuffer, sendOffset, recvBuffer, recvOffset, count, type);
        if (1 == size)
        {
            return;
        }

        final int unit = op.operandLength();
        final int operands = count / unit;
        final int right = (rank + 1) % size;
        final int left = (rank - 1 + size) % size;
        final Object incoming = scratch.array(Scratch.INCOMING, type, blockStart(1, operands, size) * unit);

        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (rank - step + size) % size;
            final int received = (rank - step - 1 + size) % size;
            final int sentStart = blockStart(sent, operands, size) * unit;
            final int sentLength = blockStart(sent + 1, operands, size) * unit - sentStart;
            final int receivedStart = blockStart(received, operands, size) * unit;
            final int receivedLength = blockStart(received + 1, operands, size) * unit - receivedStart;
            exchange.expect(exchange.sendrecv(
                recvBuffer, recvOffset + sentStart, sentLength, right,
                incoming, 0, receivedLength, left), receivedLength, left);
            op.apply(incoming, 0, recvBuffer, recvOffset + receivedStart, receivedLength);
        }

        for (int step = 0; step < size - 1; step++)
        {
            final int sent = (rank + 1 - step + size) % size;
            final int received = (rank - step + size) % size;
            final int sentStart = blockStart(sent, operands, size) * unit;
            final int sentLength = blockStart(sent + 1, operands, size) * unit - sentStart;
            final int receivedStart = blockStart(received, operands, size) * unit;
            final int receivedLength = blockStart(received + 1, operands, size) * unit - receivedStart;
            exchange.expect(exchange.sendrecv(
                recvBuffer, recvOffset + sentStart, sentLength, right,
                recvBuffer, recvOffset + receivedStart, receivedLength, left), receivedLength, left);
        }
    }

    /**
     * @return the first operand of block {@code index} when {@code operands} are cut in {@code blocks} blocks whose
     * sizes differ by at most one, the larger first.
     */
    private static int blockStart(final int index, final int operands, final int blocks)
    {
        final int quotient = operands / blocks;
        final int remainder = operands % blocks;
        return index * quotient + Math.min(index, remainder);
    }
}
