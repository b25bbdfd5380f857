package mpjbuf;

import java.nio.ByteBuffer;

/**
 * A {@link RawBuffer} over a heap ByteBuffer, as {@link BufferFactory} makes them.
 */
public final class NIOBuffer implements RawBuffer
{
    private final ByteBuffer buffer;

    /**
     * @param capacity its size in bytes.
     */
    public NIOBuffer(final int capacity)
    {
        this.buffer = ByteBuffer.allocate(capacity);
    }

    /**
     * @return the ByteBuffer underneath, backed by an array.
     */
    public ByteBuffer getBuffer()
    {
        return buffer;
    }

    @Override
    public int getCapacity()
    {
        return buffer.capacity();
    }

    @Override
    public void free()
    {
        // nothing to release: the garbage collector takes the memory
    }
}
