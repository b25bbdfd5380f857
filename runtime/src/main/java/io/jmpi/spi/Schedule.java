package io.jmpi.spi;

import io.jmpi.Datatype;
import io.jmpi.Op;

/**
 * The schedule of one nonblocking collective, as libNBC (Open MPI's coll/libnbc) builds one: rounds of
 * point-to-point sends and receives plus local steps (copy, reduce). A provider fills it when a nonblocking
 * collective starts; the runtime then runs it on the rank's progress engine, with no thread of its own: the steps
 * of a round start together, in the order they were added (local steps run at once), and the next round starts
 * only once every send and receive of the round has completed. The collective's request completes with the last
 * round, or fails with the first error of a part (a failed peer, a truncated block), never hangs on a failed peer.
 * <p>
 * Messages travel on a matching context of the communicator's own, with a tag that numbers the collective among
 * the communicator's nonblocking collectives: neither user point-to-point traffic (wildcards included), nor
 * blocking collectives, nor another outstanding nonblocking collective can match them. Within one schedule the
 * messages between two ranks match in the order they were sent, so a round must not post two receives from one
 * peer that expect different messages unless they are added in the order that peer sends them.
 * <p>
 * Buffers follow {@link io.jmpi.Comm}: primitive arrays counted in elements, ByteBuffer and DirectBuffer counted in
 * bytes from index 0. Buffers are referenced, not copied: they must stay untouched until the request completes.
 */
public interface Schedule
{
    /**
     * @return this rank in the communicator.
     */
    int rank();

    /**
     * @return the number of ranks of the communicator.
     */
    int size();

    /**
     * Send {@code count} elements to a rank in the current round.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer.
     * @param offset first element.
     * @param count  number of elements.
     * @param peer   rank in the communicator, not this one.
     */
    void send(Object buffer, int offset, int count, int peer);

    /**
     * Receive at most {@code count} elements from a rank in the current round; a longer message fails the collective
     * with ERR_TRUNCATE.
     *
     * @param buffer primitive array, ByteBuffer or DirectBuffer.
     * @param offset first element to fill.
     * @param count  capacity in elements.
     * @param peer   rank in the communicator, not this one.
     */
    void recv(Object buffer, int offset, int count, int peer);

    /**
     * Copy elements between two buffers of one datatype when the current round starts.
     *
     * @param source       buffer read.
     * @param sourceOffset first element read.
     * @param target       buffer written.
     * @param targetOffset first element written.
     * @param count        number of elements.
     */
    void copy(Object source, int sourceOffset, Object target, int targetOffset, int count);

    /**
     * Combine when the current round starts: {@code inout[i] = in[i] op inout[i]}, {@code in} being the lower ranks'
     * operand (see {@link Op#apply}).
     *
     * @param op          the operation.
     * @param in          primitive array, the left operand.
     * @param inOffset    first element of {@code in}.
     * @param inout       array of the same type, the right operand and the result.
     * @param inoutOffset first element of {@code inout}.
     * @param count       number of elements.
     */
    void reduce(Op op, Object in, int inOffset, Object inout, int inoutOffset, int count);

    /**
     * End the current round: steps added from now on start once all its sends and receives have completed. An
     * empty round is ignored.
     */
    void round();

    /**
     * A temporary array for this schedule, from the communicator's pool: the n-th call of a schedule returns an array
     * that a schedule of the communicator used before, when one is large enough, so that a steady stream of
     * collectives allocates nothing.
     *
     * @param type  element type.
     * @param count elements needed.
     * @return an array of the type with at least {@code count} elements; its content is undefined.
     */
    Object scratch(Datatype type, int count);
}
