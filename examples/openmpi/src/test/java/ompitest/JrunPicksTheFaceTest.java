package ompitest;

import io.jmpi.launcher.JobResult;
import io.jmpi.launcher.JobRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jrun puts the Open MPI Java face on the ranks' class path of a program written against it, run from a class path
 * that holds only the program's classes, as from an installed jrun: nothing tells jrun which API but the program.
 */
class JrunPicksTheFaceTest
{
    private static final String SOURCE = """
        package app;

        import mpi.MPI;
        import mpi.MPIException;

        public class Sum
        {
            public static void main(final String[] args) throws MPIException
            {
                MPI.Init(args);
                final int[] sum = new int[1];
                MPI.COMM_WORLD.allReduce(new int[]{ MPI.COMM_WORLD.getRank() + 1 }, sum, 1, MPI.INT, MPI.SUM);
                System.out.println("sum " + sum[0] + " on " + MPI.COMM_WORLD.getSize());
                MPI.Finalize();
            }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void jrunAddsTheOpenMpiFace() throws Exception
    {
        final Path source = dir.resolve("src/app/Sum.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        final Path classes = dir.resolve("classes");
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", JobRunner.apiFaceOfTheTests(), "-d", classes.toString(),
            source.toString()));

        final JobResult result = JobRunner.jrunWithClassPath(JobRunner.DEFAULT_TIMEOUT,
            JobRunner.classPathWithoutApiFaces(), "-np", "4", "-cp", classes.toString(), "app.Sum").assertSuccess();

        assertEquals(List.of("sum 10 on 4"), result.linesOfRank(0), result.toString());
    }
}
