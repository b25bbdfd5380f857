package io.jmpi.spi;

import io.aeron.Aeron;
import io.jmpi.Comm;

/**
 * What the runtime gives a collective provider for one communicator.
 */
public interface CollectiveContext
{
    /**
     * A communicator with the same ranks as the user's, on a matching context of its own: collective traffic sent
     * on it never matches the user's point-to-point receives, and the other way round.
     *
     * @return the private point-to-point channel of the collectives.
     */
    Comm channel();

    /**
     * @param rank rank in the communicator.
     * @return that rank's world rank.
     */
    int worldRank(int rank);

    /**
     * @param rank rank in the communicator.
     * @return the name of the host that member runs on, as the job names its hosts.
     */
    String hostOf(int rank);

    /**
     * @return the Aeron client of this rank, for streams of the provider's own (multicast).
     */
    Aeron aeron();

    /**
     * The token derived from the job's secret that every frame of the job carries. Frames of the provider's own
     * streams carry it too, and a frame that lacks it is dropped and {@link #frameDropped() counted}: it was
     * written by a process outside the job.
     *
     * @return the job's frame token.
     */
    long frameToken();

    /**
     * Count a frame of the provider's own streams that was dropped, in the rank's count of dropped frames.
     */
    void frameDropped();

    /**
     * The medium of this communicator's broadcast stream: IPC when every member runs on this host (the members'
     * publications share one log); UDP multicast when they span hosts and the job has a multicast group (the
     * members of a host share one publication, one session per host); none otherwise. Members of one
     * communicator all get a channel or all get none.
     *
     * @return the Aeron channel URI of the broadcast stream, or null when the communicator has none.
     */
    String broadcastChannel();

    /**
     * Where the members may create a shared-memory segment of this communicator's own: the job's directory on this
     * host when every member runs on it, else null. Files there are removed with the job, also after a crash.
     *
     * @return the directory's path, or null when the members span hosts.
     */
    String sharedMemoryDirectory();

    /**
     * @return the Aeron stream id reserved for this communicator's broadcast stream, unique within the job.
     */
    int broadcastStreamId();

    /**
     * @return how many ranks of the job share this host; idle strategies back off harder when they outnumber cores.
     */
    int localRanks();

    /**
     * Make point-to-point progress and fail if a member has failed (left without closing jmpi; a member that
     * closed normally is not a failure, its messages stay readable). Algorithms that wait on streams of their own,
     * rather than on the channel, call this from their idle loops so that a dead member wakes them with an error
     * instead of a hang.
     *
     * @throws io.jmpi.MpiException ERR_PROC_FAILED naming the member that failed.
     */
    void checkMembers();
}
