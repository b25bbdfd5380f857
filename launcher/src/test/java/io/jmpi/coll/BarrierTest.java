package io.jmpi.coll;

import io.jmpi.Comm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.jmpi.coll.TestArrays.check;
import static io.jmpi.coll.TestArrays.force;

/**
 * Barrier through each algorithm and the tuned rule: before each barrier every rank, after a delay that differs from
 * rank to rank, leaves a file in a shared directory; after it, every rank must find the files of all ranks.
 */
class BarrierTest
{
    static final String[] ALGORITHMS = { "dissemination", "binomial", "shm", "" };
    static final int ROUNDS = 20;

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 8 })
    void noRankLeavesBeforeEveryRankHasEntered(final int ranks)
    {
        CollectiveSuite.assertArea(ranks, "barrier");
    }

    static final class Area
    {
        static void run(final Comm world, final Path directory) throws InterruptedException
        {
            for (int a = 0; a < ALGORITHMS.length; a++)
            {
                force("barrier", ALGORITHMS[a]);
                for (int round = 0; round < ROUNDS; round++)
                {
                    Thread.sleep((world.rank() * 7 + round * 3) % 5);
                    touch(directory.resolve(name(a, round, world.rank())));
                    world.barrier();
                    for (int r = 0; r < world.size(); r++)
                    {
                        check(Files.exists(directory.resolve(name(a, round, r))),
                            "barrier " + ALGORITHMS[a] + " round " + round + ": left before rank " + r + " came");
                    }
                }
            }
            force("barrier", "");
        }

        private static String name(final int algorithm, final int round, final int rank)
        {
            return algorithm + "-" + round + "-" + rank;
        }

        private static void touch(final Path file)
        {
            try
            {
                Files.createFile(file);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
