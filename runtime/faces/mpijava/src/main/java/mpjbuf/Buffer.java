package mpjbuf;

/**
 * A message buffer of MPJ Express: {@code Comm.Pack} appends items to it, {@code Comm.Unpack} reads them back, and
 * it travels whole as one message of {@code MPI.PACKED}. Its size is how many bytes it holds; positions count from
 * its start, which may lie at an offset in its raw buffer.
 */
public class Buffer
{
    private final NIOBuffer raw;
    private final int start;
    private final int capacity;
    private int size;

    /**
     * @param staticBuffer       the raw buffer, from {@link BufferFactory#create(int)}.
     * @param staticBufferOffset where this buffer starts in it.
     * @param capacity           bytes this buffer may hold.
     */
    public Buffer(final RawBuffer staticBuffer, final int staticBufferOffset, final int capacity)
    {
        if (!(staticBuffer instanceof NIOBuffer))
        {
            throw new IllegalArgumentException("the raw buffer must come from BufferFactory.create");
        }
        if (staticBufferOffset < 0 || capacity < 0 || staticBufferOffset + capacity > staticBuffer.getCapacity())
        {
            throw new IllegalArgumentException("offset " + staticBufferOffset + " and capacity " + capacity +
                " do not fit the raw buffer's " + staticBuffer.getCapacity() + " bytes");
        }
        this.raw = (NIOBuffer)staticBuffer;
        this.start = staticBufferOffset;
        this.capacity = capacity;
    }

    /**
     * A buffer of its own raw buffer.
     *
     * @param capacity bytes it may hold.
     */
    public Buffer(final int capacity)
    {
        this(BufferFactory.create(capacity), 0, capacity);
    }

    /**
     * @return the raw buffer underneath.
     */
    public RawBuffer getStaticBuffer()
    {
        return raw;
    }

    /**
     * @return where this buffer starts in its raw buffer.
     */
    public int getOffset()
    {
        return start;
    }

    /**
     * @return bytes this buffer may hold.
     */
    public int getCapacity()
    {
        return capacity;
    }

    /**
     * @return bytes it holds.
     */
    public int getSize()
    {
        return size;
    }

    /**
     * @param size bytes it holds, at most its capacity.
     */
    public void setSize(final int size)
    {
        if (size < 0 || size > capacity)
        {
            throw new IllegalArgumentException("size " + size + " is not in 0.." + capacity);
        }
        this.size = size;
    }

    /**
     * Make what was written readable; jmpi's buffers are always both, so this does nothing (MPJ Express needs it).
     */
    public void commit()
    {
        // writes are visible at once
    }

    /**
     * Empty the buffer.
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * Release the buffer; jmpi's are garbage-collected.
     */
    public void free()
    {
        raw.free();
    }
}
