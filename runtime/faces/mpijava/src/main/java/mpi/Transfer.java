package mpi;

/**
 * A jmpi send or receive in flight; a receive of a non-contiguous datatype went into a staging array that is
 * unpacked into the user's buffer when it completes.
 */
final class Transfer extends Pending
{
    private final io.jmpi.Request request;
    private final Datatype type;
    private final Object stage;
    private final Object buffer;
    private final int offset;

    /**
     * @param request the jmpi request of a send, or of a receive straight into the user's buffer.
     */
    Transfer(final io.jmpi.Request request)
    {
        this(request, null, null, null, 0);
    }

    /**
     * @param request the jmpi request of a receive into {@code stage}.
     * @param type    the datatype of the user's buffer.
     * @param stage   packed elements, unpacked on completion.
     * @param buffer  the user's buffer.
     * @param offset  the user's offset.
     */
    Transfer(
        final io.jmpi.Request request, final Datatype type, final Object stage, final Object buffer, final int offset)
    {
        this.request = request;
        this.type = type;
        this.stage = stage;
        this.buffer = buffer;
        this.offset = offset;
    }

    Status poll(final boolean block)
    {
        final io.jmpi.Status status;
        if (block)
        {
            status = request.waitFor();
        }
        else if (request.test())
        {
            status = request.status();
        }
        else
        {
            return null;
        }
        if (null != stage)
        {
            type.unpack(stage, 0, status.bytes() / type.base.bytes(), buffer, offset);
        }
        return Status.of(status);
    }

    boolean ready()
    {
        return request.test();
    }

    boolean cancel()
    {
        return request.cancel();
    }
}
