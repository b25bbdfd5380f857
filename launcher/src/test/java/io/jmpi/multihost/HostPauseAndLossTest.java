package io.jmpi.multihost;

import io.jmpi.failure.PauseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * Across hosts a paused rank is waited for as on one host, while a host that the network loses is named.
 */
@ExtendWith(TestHosts.Lifecycle.class)
class HostPauseAndLossTest
{
    @Test
    void aRankPausedOnAnotherHostIsWaitedFor() throws Exception
    {
        TestHosts.require();
        // round-robin: the stopped rank 2 runs on jmpih3, and its ring neighbours on the other two hosts
        PauseTest.pauseAndFinish(List.of(
            "--host", "jmpih1:2,jmpih2:1,jmpih3:1", "--map-by", "node", "--launch-agent", TestHosts.LAUNCH_AGENT), 10_000);
    }
}
