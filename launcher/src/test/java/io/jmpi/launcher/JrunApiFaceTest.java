package io.jmpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jrun puts the API face a program uses on its ranks' class path: a program compiled against the mpiJava face runs
 * from a class path that holds only its own classes, as it would from an installed jrun.
 */
class JrunApiFaceTest
{
    private static final String SOURCE = """
        package app;

        import mpi.MPI;

        public class Sum
        {
            public static void main(final String[] args) throws Exception
            {
                MPI.Init(args);
                final int[] mine = {MPI.COMM_WORLD.Rank() + 1};
                final int[] sum = new int[1];
                MPI.COMM_WORLD.Allreduce(mine, 0, sum, 0, 1, MPI.INT, MPI.SUM);
                System.out.println("sum " + sum[0] + " on " + MPI.COMM_WORLD.Size());
                MPI.Finalize();
            }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void jrunAddsTheFaceTheProgramUses() throws Exception
    {
        final Path classes = compile();
        final String jrunClassPath = JobRunner.classPathWithoutApiFaces();

        final JobResult result = JobRunner.jrunWithClassPath(JobRunner.DEFAULT_TIMEOUT, jrunClassPath,
            "-np", "3", "-cp", classes.toString(), "app.Sum").assertSuccess();

        assertEquals(List.of("sum 6 on 3"), result.linesOfRank(0), result.toString());
    }

    private Path compile() throws Exception
    {
        final Path source = dir.resolve("src/app/Sum.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        final Path classes = dir.resolve("classes");
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", JobRunner.apiFaceOfTheTests(), "-d", classes.toString(), source.toString()));
        assertTrue(Files.exists(classes.resolve("app/Sum.class")));
        return classes;
    }
}
