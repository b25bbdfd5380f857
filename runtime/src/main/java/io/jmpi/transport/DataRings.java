package io.jmpi.transport;

import org.agrona.CloseHelper;

import java.io.File;

/**
 * The data rings of one rank: one to each peer on this host that it has sent a large message to, and one from
 * each such peer, made at the first large message of each direction (so a job maps rings only for the pairs
 * that exchange large messages, {@link DataRing#LENGTH} bytes each).
 * <p>
 * The writer creates the file {@code ring-<from>-<to>} in the job's directory before it sends the message's
 * envelope; the reader maps it when it matches that envelope, and removes the name.
 */
public final class DataRings implements AutoCloseable
{
    private final File directory;
    private final int rank;
    private final boolean[] sameHost;
    private final DataRing[] outbound;
    private final DataRing[] inbound;

    /**
     * @param directory the job's directory on this host, in shared memory.
     * @param rank      this rank's world rank.
     * @param sameHost  per world rank, whether it runs on this host.
     */
    public DataRings(final File directory, final int rank, final boolean[] sameHost)
    {
        this.directory = directory;
        this.rank = rank;
        this.sameHost = sameHost.clone();
        this.outbound = new DataRing[sameHost.length];
        this.inbound = new DataRing[sameHost.length];
    }

    /**
     * @param peer a world rank.
     * @return true if large messages to that peer travel through a ring: it runs on this host and is not this rank.
     */
    public boolean usesRing(final int peer)
    {
        return peer != rank && sameHost[peer];
    }

    /**
     * The ring to a peer, created at first use.
     *
     * @param peer a world rank for which {@link #usesRing(int)} holds.
     * @return the writer's end.
     */
    public DataRing outbound(final int peer)
    {
        DataRing ring = outbound[peer];
        if (null == ring)
        {
            ring = DataRing.create(file(rank, peer));
            outbound[peer] = ring;
        }
        return ring;
    }

    /**
     * The ring from a peer, mapped at first use; the peer has created it before sending the envelope that leads
     * here.
     *
     * @param peer a world rank that sent this rank a large message through a ring.
     * @return the reader's end.
     */
    public DataRing inbound(final int peer)
    {
        DataRing ring = inbound[peer];
        if (null == ring)
        {
            ring = DataRing.attach(file(peer, rank));
            inbound[peer] = ring;
        }
        return ring;
    }

    /**
     * @param peer a world rank.
     * @return the reader's end of the ring from that peer, or null if none is mapped yet.
     */
    public DataRing inboundIfMapped(final int peer)
    {
        return inbound[peer];
    }

    /**
     * Unmap every ring.
     */
    public void close()
    {
        CloseHelper.closeAll(outbound);
        CloseHelper.closeAll(inbound);
    }

    private File file(final int from, final int to)
    {
        return new File(directory, "ring-" + from + "-" + to);
    }
}
