package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;
import io.jmpi.ObjectCodec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wire protocol of {@link MPI#OBJECT} messages of one communicator, which lets every object receive be a real
 * posted jmpi receive although the size of the serialized objects is unknown until they arrive.
 * <p>
 * The receiver posts a jmpi receive of {@link #FIRST_LIMIT} bytes on the user's communicator, source and tag, so
 * jmpi matches it in MPI order and completes a synchronous send to it whatever the receiver is doing. The sender
 * makes the first message fit: either the whole serialized form ({@code INLINE}), or a header ({@code HEADER})
 * naming the length of the serialized form and a payload tag, the payload then travelling on a private duplicate
 * of the communicator, with a tag unique to this sender, where no user receive can see it. The receiver posts the
 * payload's receive when it finds the header, in Test or Wait, so the sender starts the payload without waiting
 * for it: payloads still in flight are completed by {@link #awaitPayloads()} in MPI.Finalize.
 */
final class ObjectMessages
{
    /** The largest first message: an inline message of up to this size needs no second message. */
    static final int FIRST_LIMIT = 8 * 1024;

    private static final byte INLINE = 0;
    private static final byte HEADER = 1;
    private static final int HEADER_LENGTH = 1 + 4 + 4;
    private static final ArrayDeque<io.jmpi.Request> PAYLOADS = new ArrayDeque<>();

    private final io.jmpi.Comm comm;
    private final io.jmpi.Comm payloads;
    private final AtomicInteger nextPayloadTag = new AtomicInteger();

    /**
     * @param comm     the user's communicator.
     * @param payloads a duplicate of it, used only for payloads.
     */
    ObjectMessages(final io.jmpi.Comm comm, final io.jmpi.Comm payloads)
    {
        this.comm = comm;
        this.payloads = payloads;
    }

    /**
     * Make the first message of objects to send, and start sending their payload if they do not fit in it.
     *
     * @param objects the objects' array.
     * @param offset  first object.
     * @param count   number of objects.
     * @param dest    rank of the destination, or PROC_NULL.
     * @return the first message, to send to {@code dest} with the user's tag in the user's send mode.
     */
    byte[] firstMessage(final Object[] objects, final int offset, final int count, final int dest)
    {
        final byte[] encoded = ObjectCodec.encode(objects, offset, count);
        if (1 + encoded.length <= FIRST_LIMIT)
        {
            final byte[] first = new byte[1 + encoded.length];
            first[0] = INLINE;
            System.arraycopy(encoded, 0, first, 1, encoded.length);
            return first;
        }
        final int payloadTag = nextPayloadTag.getAndIncrement() & Integer.MAX_VALUE;
        if (MPI.PROC_NULL != dest)
        {
            startPayload(payloads.isend(encoded, 0, encoded.length, dest, payloadTag));
        }
        final byte[] header = new byte[HEADER_LENGTH];
        ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).put(HEADER).putInt(encoded.length).putInt(payloadTag);
        return header;
    }

    /**
     * Post the first receive of an object message.
     *
     * @param source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}.
     * @param tag    tag or {@link MPI#ANY_TAG}.
     * @param first  a buffer of {@link #FIRST_LIMIT} bytes.
     * @return the jmpi request.
     */
    io.jmpi.Request postFirst(final int source, final int tag, final byte[] first)
    {
        return comm.irecv(first, 0, FIRST_LIMIT, source, tag);
    }

    /**
     * @param first  a received first message.
     * @param length its length.
     * @return the payload's length if it is a header, or -1 if the objects are inline.
     */
    static int payloadLength(final byte[] first, final int length)
    {
        if (length < 1 || (HEADER == first[0] && length != HEADER_LENGTH) || (INLINE != first[0] && HEADER != first[0]))
        {
            throw new MpiException(ErrorClass.ERR_TYPE, "the message received is not a message of MPI.OBJECT items");
        }
        return HEADER == first[0] ? ByteBuffer.wrap(first).order(ByteOrder.nativeOrder()).getInt(1) : -1;
    }

    /**
     * Post the receive of the payload a header announces.
     *
     * @param header  the received header.
     * @param source  the rank that sent it.
     * @param payload a buffer of the announced length.
     * @return the jmpi request.
     */
    io.jmpi.Request postPayload(final byte[] header, final int source, final byte[] payload)
    {
        final int payloadTag = ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt(5);
        return payloads.irecv(payload, 0, payload.length, source, payloadTag);
    }

    /**
     * Release the duplicate communicator (with MPI_Comm_free of the user's).
     */
    void free()
    {
        payloads.free();
    }

    /**
     * Wait until every payload this process started has been delivered, before MPI.Finalize closes jmpi.
     */
    static void awaitPayloads()
    {
        while (true)
        {
            final io.jmpi.Request next;
            synchronized (PAYLOADS)
            {
                next = PAYLOADS.poll();
            }
            if (null == next)
            {
                return;
            }
            next.waitFor();
        }
    }

    private static void startPayload(final io.jmpi.Request payload)
    {
        synchronized (PAYLOADS)
        {
            while (!PAYLOADS.isEmpty() && PAYLOADS.peek().test())
            {
                PAYLOADS.poll();
            }
            if (!payload.isComplete())
            {
                PAYLOADS.add(payload);
            }
        }
    }
}
