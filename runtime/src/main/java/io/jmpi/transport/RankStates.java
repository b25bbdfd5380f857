package io.jmpi.transport;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The job page of a host: one word per world rank saying whether that rank has joined, left or failed, in a
 * file of the host's job directory. jrun (or the host agent) creates it before it starts the ranks; a rank
 * writes its own word when it joins and when it leaves, and the launcher writes FAILED into the word of a rank
 * whose process ended without leaving, at once, since it is the rank's parent. So a rank learns that a peer of
 * its host has died or left within one look at the page, without a publication to the peer, and a rank paused
 * for a long time (a stopped process, a long garbage collection) is never taken for a dead one.
 * <p>
 * In a job across hosts each host has a page for every rank of the job: the words of ranks elsewhere are written
 * FAILED by the host agent when jrun tells it that such a rank's process ended without leaving, or that its host
 * was lost.
 * <p>
 * Each word has one writer at a time (the rank while it lives, then its launcher), so plain release stores and
 * acquire loads are enough.
 */
public final class RankStates implements AutoCloseable
{
    /** Name of the page in the job's directory. */
    public static final String FILE_NAME = "ranks";
    /** The rank has not joined yet. */
    public static final int UNKNOWN = 0;
    /** The rank has connected to the job. */
    public static final int JOINED = 1;
    /** The rank closed jmpi: nothing more will come from it. */
    public static final int LEFT = 2;
    /** The rank's process ended without closing jmpi, or its host was lost. */
    public static final int FAILED = 3;
    /** The rank has begun to connect (entered init): the job is a jmpi job. */
    public static final int JOINING = 4;

    private final MappedByteBuffer mapping;
    private final UnsafeBuffer words;

    private RankStates(final MappedByteBuffer mapping)
    {
        this.mapping = mapping;
        this.words = new UnsafeBuffer(mapping);
    }

    /**
     * Create the page of a job, every rank UNKNOWN; done by the launcher before it starts the ranks.
     *
     * @param aeronDir the job's directory on this host, which exists.
     * @param size     number of ranks of the job.
     * @return the mapped page.
     */
    public static RankStates create(final File aeronDir, final int size)
    {
        return new RankStates(JobFiles.mapNewFile(new File(aeronDir, FILE_NAME), length(size), true));
    }

    /**
     * Map the page that the launcher created.
     *
     * @param aeronDir the job's directory on this host.
     * @param size     number of ranks of the job.
     * @return the mapped page.
     * @throws IllegalStateException if the page is missing or too short for the job.
     */
    public static RankStates map(final File aeronDir, final int size)
    {
        final File file = new File(aeronDir, FILE_NAME);
        if (!file.isFile() || file.length() < length(size))
        {
            throw new IllegalStateException("the job page " + file + " is missing or too short for " + size + " ranks");
        }
        return new RankStates(IoUtil.mapExistingFile(file, "job page"));
    }

    /**
     * @param rank a world rank.
     * @return its state: {@link #UNKNOWN}, {@link #JOINING}, {@link #JOINED}, {@link #LEFT} or {@link #FAILED}.
     */
    public int state(final int rank)
    {
        return (int)words.getLongAcquire(offset(rank));
    }

    /**
     * Set a rank's state; the rank itself sets JOINING, JOINED and LEFT, its launcher FAILED once its process has
     * ended.
     *
     * @param rank  a world rank.
     * @param state the new state.
     */
    public void state(final int rank, final int state)
    {
        words.putLongRelease(offset(rank), state);
    }

    /**
     * @param state a rank's state.
     * @return true if the rank has begun to join the job itself: JOINING, JOINED or LEFT (FAILED is the launcher's
     * word, also for a rank that never joined).
     */
    public static boolean hasBegunToJoin(final int state)
    {
        return JOINING == state || hasJoined(state);
    }

    /**
     * @param state a rank's state.
     * @return true if the rank had joined the job: JOINED, or LEFT after it.
     */
    public static boolean hasJoined(final int state)
    {
        return JOINED == state || LEFT == state;
    }

    /**
     * Mark a rank whose process has ended as failed, unless it left normally.
     *
     * @param rank a world rank whose process has ended.
     */
    public void markEnded(final int rank)
    {
        if (LEFT != state(rank))
        {
            state(rank, FAILED);
        }
    }

    /**
     * Unmap the page; the file goes with the job's directory.
     */
    public void close()
    {
        IoUtil.unmap(mapping);
    }

    private static long length(final int size)
    {
        return (long)size * Long.BYTES;
    }

    private int offset(final int rank)
    {
        return rank * Long.BYTES;
    }
}
