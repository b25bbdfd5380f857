package io.jmpi.coll;

import io.jmpi.Comm;
import io.jmpi.Mpi;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The collective tests run in one jrun job per number of ranks: the job runs every area (broadcast, reductions,
 * gather and scatter, ...) in turn and each rank prints {@code <area> ok} after it; each area's test class then
 * checks its own line. Starting one job per number of ranks rather than one per area keeps the suite's time to the
 * work itself, as a job of eight JVMs takes seconds to start on two cores.
 * <p>
 * A rank whose check fails prints {@code <area> FAILED} with the reason and aborts the job, so the areas after it
 * fail too, with the job's output. Rank 0 reports on standard error how long each area took.
 */
final class CollectiveSuite
{
    /** How long one job may run: every area, up to eight ranks on two cores. */
    static final Duration TIMEOUT = Duration.ofMinutes(6);

    private static final Map<Integer, JobResult> RESULTS = new HashMap<>();

    private CollectiveSuite()
    {
    }

    /**
     * One area of the suite: a sequence of collective calls made by every rank, with checks.
     */
    @FunctionalInterface
    interface Area
    {
        /**
         * @param world     the job's world communicator.
         * @param directory a directory that every rank of the job shares, empty at the start of the job.
         * @throws Exception on any failure; an AssertionError for a wrong result.
         */
        void run(Comm world, Path directory) throws Exception;
    }

    /**
     * The areas in the order the job runs them, with the least number of ranks each needs.
     */
    private static final List<Map.Entry<String, Area>> AREAS = List.of(
        Map.entry("bcast", (world, directory) -> BcastTest.Area.run(world)),
        Map.entry("reduce", (world, directory) -> ReduceTest.Area.run(world)),
        Map.entry("scan", (world, directory) -> ScanTest.Area.run(world)),
        Map.entry("gather scatter", (world, directory) -> GatherScatterTest.Area.run(world)),
        Map.entry("alltoall", (world, directory) -> AlltoallTest.Area.run(world)),
        Map.entry("barrier", BarrierTest.Area::run),
        Map.entry("threads", (world, directory) -> ThreadsTest.Area.run(world)),
        Map.entry("split", (world, directory) -> CommSplitTest.Area.run(world)),
        Map.entry("intercomm", (world, directory) -> IntercommTest.Area.run(world)));

    /**
     * Fail unless every rank of the job with this many ranks got through the area.
     *
     * @param ranks number of ranks.
     * @param area  name of the area.
     */
    static void assertArea(final int ranks, final String area)
    {
        final JobResult result = result(ranks);
        for (int rank = 0; rank < ranks; rank++)
        {
            if (!result.linesOfRank(rank).contains(area + " ok"))
            {
                throw new AssertionError(area + " on " + ranks + " ranks did not pass at rank " + rank + ": " + result);
            }
        }
    }

    private static synchronized JobResult result(final int ranks)
    {
        return RESULTS.computeIfAbsent(ranks, CollectiveSuite::run);
    }

    private static JobResult run(final int ranks)
    {
        final String jobId = JobRunner.newJobId();
        final Path directory = createDirectory();
        try
        {
            final JobResult result = JobRunner.run(
                List.of("--job-id", jobId), TIMEOUT, ranks, Program.class, directory.toString());
            JobRunner.assertCleanedUp(jobId);
            return result;
        }
        finally
        {
            delete(directory);
        }
    }

    private static Path createDirectory()
    {
        try
        {
            return Files.createTempDirectory("jmpi-coll-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The rank program: every area in turn, the split area from 3 ranks on.
     */
    public static final class Program
    {
        /**
         * @param args the shared directory.
         * @throws Exception when an area fails other than by a wrong result.
         */
        public static void main(final String[] args) throws Exception
        {
            final Path directory = Path.of(args[0]);
            try (Mpi mpi = Mpi.init(args))
            {
                final Comm world = mpi.world();
                for (final Map.Entry<String, Area> area : AREAS)
                {
                    if ("split".equals(area.getKey()) && world.size() < 3)
                    {
                        continue;
                    }
                    final long start = System.nanoTime();
                    try
                    {
                        area.getValue().run(world, directory);
                    }
                    catch (final AssertionError ex)
                    {
                        System.out.println(area.getKey() + " FAILED: " + ex.getMessage());
                        ex.printStackTrace();
                        mpi.abort(1);
                    }
                    System.out.println(area.getKey() + " ok");
                    if (0 == world.rank())
                    {
                        System.err.printf("%s took %.1f s%n", area.getKey(), (System.nanoTime() - start) / 1e9);
                    }
                }
            }
        }
    }
}
