package io.jmpi.launcher;

import io.jmpi.transport.EmbeddedDriver;
import io.jmpi.transport.JobEnvironment;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What a rank finds in its environment: the job variables, the JVM flags and the extra JVM arguments.
 */
class JrunEnvironmentTest
{
    @Test
    void setsTheJobVariablesOfEveryRank()
    {
        final String jobId = JobRunner.newJobId();
        final String aeronDir = EmbeddedDriver.aeronDirFor(jobId);

        final JobResult result = JobRunner.run(
            List.of("--job-id", jobId), JobRunner.DEFAULT_TIMEOUT, 3, ReportEnvironment.class).assertSuccess();

        for (int rank = 0; rank < 3; rank++)
        {
            assertEquals(
                List.of("rank=" + rank + " size=3 job=" + jobId + " dir=" + aeronDir + " local=3 dirExists=true"),
                result.linesOfRank(rank), result.toString());
        }
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void generatesAJobIdThatAllRanksShare()
    {
        final JobResult result = JobRunner.run(2, ReportJobId.class).assertSuccess();

        final String jobId = result.linesOfRank(0).get(0);
        assertEquals(List.of(jobId), result.linesOfRank(1), result.toString());
        assertNotEquals("null", jobId);
        JobRunner.assertCleanedUp(jobId);
    }

    @Test
    void passesTheJmpiFlagsAndExtraJvmArguments()
    {
        final JobResult result = JobRunner.run(
            List.of("-J-Djrun.test=one", "--jvm-arg", "-Djrun.test2=two"), JobRunner.DEFAULT_TIMEOUT, 1,
            ReportJvm.class).assertSuccess();

        assertEquals(List.of("java.nio open: true", "one two"), result.linesOfRank(0), result.toString());
    }

    static final class ReportEnvironment
    {
        public static void main(final String[] args)
        {
            final String aeronDir = System.getenv(JobEnvironment.AERON_DIR);
            System.out.println(
                "rank=" + System.getenv(JobEnvironment.RANK) +
                " size=" + System.getenv(JobEnvironment.SIZE) +
                " job=" + System.getenv(JobEnvironment.JOB_ID) +
                " dir=" + aeronDir +
                " local=" + System.getenv(JobEnvironment.LOCAL_SIZE) +
                " dirExists=" + new File(aeronDir).isDirectory());
        }
    }

    static final class ReportJobId
    {
        public static void main(final String[] args)
        {
            System.out.println(System.getenv(JobEnvironment.JOB_ID));
        }
    }

    static final class ReportJvm
    {
        public static void main(final String[] args)
        {
            System.out.println(
                "java.nio open: " + ByteBuffer.class.getModule().isOpen("java.nio", ReportJvm.class.getModule()));
            System.out.println(System.getProperty("jrun.test") + " " + System.getProperty("jrun.test2"));
        }
    }
}
