package io.jmpi.p2p;

import io.jmpi.examples.HeatDiffusion;
import io.jmpi.examples.JobFarm;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The point-to-point examples, which check themselves against a serial run and exit non-zero when wrong.
 */
class ExamplesTest
{
    @Test
    void heatDiffusionHaloExchangeMatchesSerialRun()
    {
        final JobResult result = JobRunner.run(3, HeatDiffusion.class, "48", "150").assertSuccess();
        assertTrue(result.linesOfRank(0).get(0).contains("max difference from serial 0.00"), result.toString());
    }

    @Test
    void jobFarmCountsThePrimesWithAnySourceReceives()
    {
        final JobResult result = JobRunner.run(4, JobFarm.class, "300000", "5000").assertSuccess();
        assertTrue(result.linesOfRank(0).get(0).startsWith("JobFarm: 25997 primes below 300000 (serial: 25997)"),
            result.toString());
    }
}
