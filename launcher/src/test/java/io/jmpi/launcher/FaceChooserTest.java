package io.jmpi.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which Java MPI API jrun finds in a program's class files. The programs are compiled here against small stand-ins
 * of package mpi that have the members of both APIs; only the program's references are read.
 */
class FaceChooserTest
{
    private static final Map<String, String> MPI_STAND_INS = Map.of(
        "mpi/MPI.java", """
            package mpi;
            public class MPI
            {
                public static Intracomm COMM_WORLD;
                public static Object INT;
                public static void Init(String[] args) {}
                public static void Finalize() {}
                public static double Wtime() { return 0; }
                public static double wtime() { return 0; }
                public static int queryThread() { return 0; }
                public static boolean isMainThread() { return true; }
                public static boolean isThreadMain() { return true; }
            }
            """,
        "mpi/Intracomm.java", """
            package mpi;
            public class Intracomm
            {
                public int Rank() { return 0; }
                public int getRank() { return 0; }
                public Status Recv(Object b, int o, int c, Object t, int s, int g) { return null; }
                public String toString() { return ""; }
            }
            """,
        "mpi/Status.java", """
            package mpi;
            public class Status
            {
                public int source;
                public int getSource() { return 0; }
            }
            """,
        "mpi/CartComm.java", "package mpi; public class CartComm extends Intracomm {}",
        "mpi/Cartcomm.java", "package mpi; public class Cartcomm extends Intracomm {}");

    @TempDir
    Path dir;

    @Test
    void capitalisedCallsAreMpiJava() throws Exception
    {
        assertEquals(ApiFace.MPIJAVA, choose(
            "MPI.Init(args); System.out.println(MPI.COMM_WORLD.Rank()); MPI.Finalize();"));
    }

    @Test
    void getterStyleCallsAreOpenMpi() throws Exception
    {
        assertEquals(ApiFace.OPENMPI, choose(
            "MPI.Init(args); System.out.println(MPI.COMM_WORLD.getRank()); MPI.Finalize();"));
    }

    @Test
    void mpjExpressThreadCallsAreMpiJavaAndTheSharedOneTellsNothing() throws Exception
    {
        assertEquals(ApiFace.MPIJAVA, choose("System.out.println(MPI.isMainThread());"));
        assertEquals(ApiFace.OPENMPI, choose("System.out.println(MPI.isThreadMain());"));
        assertNull(choose("System.out.println(MPI.queryThread());"));
    }

    @Test
    void aStatusFieldIsMpiJava() throws Exception
    {
        assertEquals(ApiFace.MPIJAVA, choose("Status s = new Status(); System.out.println(s.source);"));
    }

    @Test
    void aClassOfOneApiTells() throws Exception
    {
        assertEquals(ApiFace.OPENMPI, choose("Object c = (CartComm) null; System.out.println(c);"));
        assertEquals(ApiFace.MPIJAVA, choose("Object c = (Cartcomm) null; System.out.println(c);"));
    }

    @Test
    void callsOfTheMainClassHelpersCount() throws Exception
    {
        final Path sources = dir.resolve("src");
        write(sources, "app/Main.java",
            "package app; public class Main { public static void main(String[] a) { mpi.MPI.Init(a); " +
            "Helper.work(); mpi.MPI.Finalize(); } }");
        write(sources, "app/Helper.java",
            "package app; class Helper { static void work() { new Deeper().run(); } }");
        write(sources, "app/Deeper.java",
            "package app; class Deeper { void run() { System.out.println(mpi.MPI.wtime()); } }");
        assertEquals(ApiFace.OPENMPI, chooseCompiled(sources, "app.Main"));
    }

    @Test
    void callsBothApisShareTellNothing() throws Exception
    {
        assertNull(choose("MPI.Init(args); Object w = MPI.COMM_WORLD; System.out.println(w.toString() + MPI.INT);" +
            " MPI.Finalize();"));
    }

    @Test
    void bothApisInOneProgramAreRefusedNamingEach() throws Exception
    {
        final UsageException refused = assertThrows(UsageException.class,
            () -> choose("MPI.COMM_WORLD.Rank(); MPI.COMM_WORLD.getRank();"));
        assertTrue(refused.getMessage().contains("mpi.Intracomm.Rank()"), refused.getMessage());
        assertTrue(refused.getMessage().contains("mpi.Intracomm.getRank()"), refused.getMessage());
    }

    @Test
    void aMissingMainClassTellsNothing() throws Exception
    {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null))
        {
            assertNull(FaceChooser.choose("no.Such", loader));
        }
    }

    private ApiFace choose(final String body) throws Exception
    {
        final Path sources = dir.resolve("src");
        write(sources, "app/Main.java",
            "package app; import mpi.*; public class Main { public static void main(String[] args) { " + body +
            " } }");
        return chooseCompiled(sources, "app.Main");
    }

    private ApiFace chooseCompiled(final Path sources, final String mainClass) throws Exception
    {
        for (final Map.Entry<String, String> standIn : MPI_STAND_INS.entrySet())
        {
            write(sources, standIn.getKey(), standIn.getValue());
        }
        final Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        final List<String> arguments = new ArrayList<>(List.of("-d", classes.toString()));
        try (var files = Files.walk(sources))
        {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(new String[0])), "the program compiles");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null))
        {
            return FaceChooser.choose(mainClass, loader);
        }
    }

    private static void write(final Path root, final String name, final String text) throws IOException
    {
        final Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
