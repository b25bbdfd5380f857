package io.jmpi.failure;

import io.jmpi.Mpi;
import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rank that exits before it joins the job, with any code, 0 too, fails a job whose other ranks join: jrun names
 * it at once instead of letting the others wait for it until their connect times out.
 */
public class ExitBeforeJoiningTest
{
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    /** Far below the 60 s after which the others would give up joining. */
    private static final long MAX_JOB_SECONDS = 30;

    @ParameterizedTest(name = "rank 1 exits with {0} before init")
    @CsvSource(delimiter = '|', value = {
        "0 | 1 | jrun: rank 1 exited with code 0 before joining the job",
        "3 | 3 | jrun: rank 1 exited with code 3 before joining the job",
    })
    void jrunNamesTheRankThatNeverJoined(final String code, final int exitCode, final String message)
    {
        final String jobId = JobRunner.newJobId();
        final long startNs = System.nanoTime();

        final JobResult result = JobRunner.run(List.of("--job-id", jobId), JOB_TIMEOUT, 2, ExitBeforeInit.class, code);

        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(List.of(message), result.jrunMessages(), result.toString());
        assertTrue(seconds < MAX_JOB_SECONDS, "took " + seconds + " s\n" + result);
        JobRunner.assertCleanedUp(jobId);
    }

    /**
     * Rank 1 exits with code {@code args[0]} without calling init; the others join and wait in a barrier.
     */
    public static final class ExitBeforeInit
    {
        public static void main(final String[] args)
        {
            if (1 == Ranks.rank())
            {
                System.exit(Integer.parseInt(args[0]));
            }
            try (Mpi mpi = Mpi.init(args))
            {
                mpi.world().barrier();
                Ranks.say("passed the barrier");
            }
        }
    }
}
