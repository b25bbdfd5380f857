package io.jmpi.launcher;

import io.jmpi.examples.Hello;
import org.junit.jupiter.api.RepeatedTest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A job of many more ranks than cores starts every time: 64 rank JVMs booting on a machine of 2 cores are starved
 * of CPU for seconds, and so is the media driver inside jrun, which answers their commands late; no client timeout
 * may end such a job. Repeated, because a start that fails now and then is the failure this guards against.
 * <p>
 * Not a timing test: the timeout is many times what a start takes on a busy machine.
 */
class StartupAtScaleTest
{
    private static final int NP = 64;
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    @RepeatedTest(3)
    void sixtyFourRanksOnTwoCoresAllStartAndReport() throws UnknownHostException
    {
        final String jobId = JobRunner.newJobId();
        final String host = InetAddress.getLocalHost().getHostName();

        final JobResult result = JobRunner.run(List.of("--job-id", jobId), JOB_TIMEOUT, NP, Hello.class)
            .assertSuccess();

        assertEquals(List.of(), result.jrunMessages(), result.toString());
        for (int rank = 0; rank < NP; rank++)
        {
            assertEquals(List.of("Hello from rank " + rank + " of " + NP + " on " + host), result.linesOfRank(rank),
                result.toString());
        }
        JobRunner.assertCleanedUp(jobId);
    }
}
