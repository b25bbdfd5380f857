package io.jmpi.p2p;

import io.jmpi.examples.Ring;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingTest
{
    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 4, 8 })
    void tokenGoesAroundTheRing(final int ranks)
    {
        final int laps = 50;
        final JobResult result = JobRunner.run(ranks, Ring.class, Integer.toString(laps)).assertSuccess();

        final long expected = (long)laps * ranks * (ranks - 1) / 2;
        final List<String> lines = result.linesOfRank(0);
        assertEquals(1, lines.size(), result.toString());
        assertTrue(lines.get(0).contains("token=" + expected + " (expected " + expected + ")"), lines.get(0));
    }
}
