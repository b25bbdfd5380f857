package io.jmpi.transport;

/**
 * Channel and stream layout of a job: one inbox stream per rank, on which every peer publishes.
 * <p>
 * Publications to one IPC stream are shared by the driver, so a job of N ranks on one host maps N log buffers of
 * {@code 3 * IPC_TERM_LENGTH} each, whatever the number of peers.
 */
public final class Channels
{
    /** Term length of every IPC log: 4 MiB, so each inbox maps 12 MiB of /dev/shm. */
    public static final int IPC_TERM_LENGTH = 4 * 1024 * 1024;
    /** Largest frame on IPC: big frames let a rendezvous chunk be one frame, written in place with tryClaim. */
    public static final int IPC_MTU = 65504;
    /** The IPC channel of every inbox of the job. */
    public static final String IPC_CHANNEL =
        "aeron:ipc?term-length=" + IPC_TERM_LENGTH + "|mtu=" + IPC_MTU;
    /**
     * MTU of UDP frames: what an Ethernet path carries without IP fragmentation, as Aeron's default. Frames are
     * never fragmented by Aeron either, since the engine writes at most one MTU per frame.
     */
    public static final int UDP_MTU = 1408;
    /** Term length of UDP logs: 4 MiB like IPC, enough for a window of in-flight data on a LAN. */
    public static final int UDP_TERM_LENGTH = 4 * 1024 * 1024;

    /**
     * Term length of multicast logs: 1 MiB. Each host maps one log per host of a communicator that broadcasts
     * across hosts (its own publication and an image of every host's), and the receiver window, not the term,
     * bounds the data in flight.
     */
    public static final int MULTICAST_TERM_LENGTH = 1024 * 1024;

    /** Stream id of rank 0's inbox; rank r receives on {@code INBOX_STREAM_BASE + r}. */
    public static final int INBOX_STREAM_BASE = 0x1000;

    /** First stream id of the broadcast streams, see {@link #broadcastStreamId(int, int, int)}. */
    public static final int BROADCAST_STREAM_BASE = 0x100000;

    private Channels()
    {
    }

    /**
     * @param endpoint the receiver's UDP inbox endpoint, {@code address:port}.
     * @return the unicast channel of that inbox.
     */
    public static String udpChannel(final String endpoint)
    {
        return "aeron:udp?endpoint=" + endpoint + "|mtu=" + UDP_MTU + "|term-length=" + UDP_TERM_LENGTH;
    }

    /**
     * The channel of a communicator's broadcast stream across hosts: every member publishes and subscribes on it.
     * Each communicator has a multicast group of its own, so that hosts without a member do not receive its
     * traffic. Aeron sends data to an odd group address and control to the next, even one, so a communicator
     * takes two addresses: the job's group (odd) plus twice the index of the communicator's stream, within the
     * job group's /16 (a wrap shares a group between two communicators, whose streams still differ). The members
     * of one host share one publication (one session), so a member reads each root's frames from the image of its
     * host's session. Flow control waits for the slowest host ({@code fc=min}) and, by its group size, leaves the
     * publication unconnected until the receivers of all hosts have joined: nothing is sent before every host can
     * hear it.
     *
     * @param jobGroup         the job's multicast group, {@code a.b.c.d:port} with {@code d} odd.
     * @param streamId         the communicator's broadcast stream id.
     * @param interfaceAddress this host's address, which the traffic leaves and joins the group by.
     * @param hosts            how many hosts the communicator's members run on.
     * @return the multicast channel.
     */
    public static String multicastChannel(
        final String jobGroup, final int streamId, final String interfaceAddress, final int hosts)
    {
        final int colon = jobGroup.lastIndexOf(':');
        final String[] octets = jobGroup.substring(0, colon).split("\\.");
        final int low = ((Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3])) +
            2 * (streamId - BROADCAST_STREAM_BASE)) & 0xFFFF;
        final String group = octets[0] + "." + octets[1] + "." + (low >>> 8) + "." + (low & 0xFF);
        return "aeron:udp?endpoint=" + group + jobGroup.substring(colon) + "|interface=" + interfaceAddress +
            "|fc=min,g:/" + hosts + "|mtu=" + UDP_MTU + "|term-length=" + MULTICAST_TERM_LENGTH;
    }

    /**
     * @param rank world rank of the receiver.
     * @return the stream id of that rank's inbox.
     */
    public static int inboxStreamId(final int rank)
    {
        return INBOX_STREAM_BASE + rank;
    }

    /**
     * The broadcast stream of a communicator. The parts of one split share a communicator number (they have no
     * member in common, so their point-to-point traffic cannot meet), but IPC publications on one stream share one
     * log: each part needs a stream of its own, told apart by its first member, which no other part has.
     *
     * @param communicatorNumber number of the communicator within the job, the same at every member.
     * @param firstMember        world rank of the communicator's rank 0.
     * @param worldSize          number of ranks in the job.
     * @return the stream id of that communicator's broadcast stream.
     */
    public static int broadcastStreamId(final int communicatorNumber, final int firstMember, final int worldSize)
    {
        return BROADCAST_STREAM_BASE + communicatorNumber * worldSize + firstMember;
    }
}
