package io.jmpi.launcher;

import io.aeron.driver.MediaDriver;
import io.aeron.status.HeartbeatTimestamp;
import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * Tells the media driver that the Aeron client of a rank whose process has exited is dead, at once rather than
 * after the client liveness timeout ({@link EmbeddedDriver#CLIENT_LIVENESS_TIMEOUT_NS}), which is long so that
 * live but busy ranks survive: the driver then closes the rank's inbox within its timer interval (1 s), the
 * publications of its peers onto the inbox disconnect, and their operations on the rank fail with
 * ERR_PROC_FAILED as soon as they next check their peers.
 * <p>
 * The client is found by its name ({@link JobEnvironment#clientName(int)}), which the client appends to the label
 * of its heartbeat counter, and declared dead as the driver does on a client's close command: its heartbeat time
 * is set to 0, long ago. A rank that closed jmpi before it exited has no client left to find.
 */
final class DeadClients
{
    private DeadClients()
    {
    }

    /**
     * @param driver the running driver of the rank's host; the caller ensures that it is not being closed.
     * @param rank   a rank of this host whose process has exited.
     */
    static void declareDead(final MediaDriver driver, final int rank)
    {
        final CountersManager counters = driver.context().countersManager();
        final String name = " name=" + JobEnvironment.clientName(rank) + " ";
        for (int id = 0, max = counters.maxCounterId(); id <= max; id++)
        {
            final int state = counters.getCounterState(id);
            if (CountersReader.RECORD_UNUSED == state)
            {
                // counters are allocated in order: none beyond
                break;
            }
            if (CountersReader.RECORD_ALLOCATED == state &&
                HeartbeatTimestamp.HEARTBEAT_TYPE_ID == counters.getCounterTypeId(id) &&
                counters.getCounterLabel(id).contains(name))
            {
                counters.setCounterValue(id, 0);
            }
        }
    }
}
