package io.jmpi.coll;

import io.jmpi.examples.ConjugateGradient;
import io.jmpi.examples.MatrixMultiply;
import io.jmpi.examples.NBody;
import io.jmpi.examples.PiMonteCarlo;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collective examples run through jrun and agree with their serial computations (they exit with 1 if not).
 */
class ExamplesTest
{
    @ParameterizedTest
    @ValueSource(ints = { 4 })
    void piByMonteCarloMatchesTheSerialCount(final int ranks)
    {
        final JobResult result = JobRunner.run(ranks, PiMonteCarlo.class, "1000000").assertSuccess();
        final List<String> lines = result.linesOfRank(0);
        assertEquals(1, lines.size(), result.toString());
        assertTrue(lines.get(0).startsWith("pi ~ 3.14"), lines.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = { 3 })
    void matrixProductMatchesTheSerialProduct(final int ranks)
    {
        final JobResult result = JobRunner.run(ranks, MatrixMultiply.class, "101").assertSuccess();
        final List<String> lines = result.linesOfRank(0);
        assertEquals(1, lines.size(), result.toString());
        assertTrue(lines.get(0).endsWith(": 0 entries differ from serial"), lines.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 4 })
    void conjugateGradientConvergesAsTheSerialSolve(final int ranks)
    {
        // 50 rows split unevenly over 3 and over 4 ranks
        final JobResult result = JobRunner.run(ranks, ConjugateGradient.class, "50").assertSuccess();
        assertLinesMatch(List.of("CG 50x50 on " + ranks + " ranks: (\\d+) iterations \\(serial \\1\\), " +
            "residual \\S+, max difference from serial \\S+"), result.linesOfRank(0), result.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = { 3, 4 })
    void nBodyConservesEnergyAndMatchesTheSerialOrbits(final int ranks)
    {
        // 301 bodies split unevenly over 3 and over 4 ranks
        final JobResult result = JobRunner.run(ranks, NBody.class, "301", "100").assertSuccess();
        assertLinesMatch(List.of("NBody 301 bodies, 100 steps on " + ranks + " ranks: energy drift \\S+, " +
            "energy differs from serial by \\S+, max difference of positions and velocities from serial 0.0"),
            result.linesOfRank(0), result.toString());
    }
}
