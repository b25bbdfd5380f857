package mpjbuf;

/**
 * Makes raw buffers, as MPJ Express's BufferFactory does.
 */
public final class BufferFactory
{
    private BufferFactory()
    {
    }

    /**
     * @param capacity size in bytes.
     * @return a new raw buffer.
     */
    public static RawBuffer create(final int capacity)
    {
        return new NIOBuffer(capacity);
    }

    /**
     * Release a raw buffer; jmpi's are garbage-collected.
     *
     * @param buffer the buffer.
     */
    public static void destroy(final RawBuffer buffer)
    {
        buffer.free();
    }
}
