package io.jmpi.engine;

/**
 * Control frames (CTS, ACK) that could not be written at once because the peer's inbox was full. They are
 * written from the progress loop later; a frame handler never blocks on a full inbox, which is what keeps two
 * ranks that flood each other from deadlocking. Grows on demand, reuses its arrays after that.
 */
final class ControlQueue
{
    private int[] destinations;
    private byte[] types;
    private long[] senderOps;
    private long[] receiverOps;
    private int[] lengths;
    private int head;
    private int size;

    ControlQueue(final int initialCapacity)
    {
        allocate(initialCapacity);
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    void add(final int destination, final byte type, final long senderOp, final long receiverOp, final int length)
    {
        if (size == destinations.length)
        {
            grow();
        }
        final int index = (head + size) % destinations.length;
        destinations[index] = destination;
        types[index] = type;
        senderOps[index] = senderOp;
        receiverOps[index] = receiverOp;
        lengths[index] = length;
        size++;
    }

    int headDestination()
    {
        return destinations[head];
    }

    byte headType()
    {
        return types[head];
    }

    long headSenderOp()
    {
        return senderOps[head];
    }

    long headReceiverOp()
    {
        return receiverOps[head];
    }

    int headLength()
    {
        return lengths[head];
    }

    void removeHead()
    {
        head = (head + 1) % destinations.length;
        size--;
    }

    private void allocate(final int capacity)
    {
        destinations = new int[capacity];
        types = new byte[capacity];
        senderOps = new long[capacity];
        receiverOps = new long[capacity];
        lengths = new int[capacity];
    }

    private void grow()
    {
        final int[] oldDestinations = destinations;
        final byte[] oldTypes = types;
        final long[] oldSenderOps = senderOps;
        final long[] oldReceiverOps = receiverOps;
        final int[] oldLengths = lengths;
        final int oldCapacity = oldDestinations.length;
        allocate(oldCapacity * 2);
        for (int i = 0; i < size; i++)
        {
            final int from = (head + i) % oldCapacity;
            destinations[i] = oldDestinations[from];
            types[i] = oldTypes[from];
            senderOps[i] = oldSenderOps[from];
            receiverOps[i] = oldReceiverOps[from];
            lengths[i] = oldLengths[from];
        }
        head = 0;
    }
}
