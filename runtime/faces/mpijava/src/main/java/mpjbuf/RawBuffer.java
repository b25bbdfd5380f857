package mpjbuf;

/**
 * Memory that a {@link Buffer} packs into (MPJ Express's RawBuffer).
 */
public interface RawBuffer
{
    /**
     * @return its size in bytes.
     */
    int getCapacity();

    /**
     * Release it; jmpi's are garbage-collected, so this does nothing.
     */
    void free();
}
