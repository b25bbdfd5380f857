package io.jmpi.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Running an application that is not on jrun's class path: with -jar, with -cp of classes and of a jar wildcard.
 */
class JrunJarTest
{
    private static final String MAIN_CLASS = "app.Hello";
    private static final String SOURCE = """
        package app;

        public class Hello
        {
            public static void main(final String[] args)
            {
                System.out.println("app " + System.getenv("JMPI_RANK") + " " + java.util.List.of(args));
            }
        }
        """;

    @TempDir
    Path tempDir;
    private Path classes;
    private Path jar;

    @BeforeEach
    void buildApplication() throws IOException
    {
        final Path source = tempDir.resolve("src/app/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        classes = tempDir.resolve("classes");
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", classes.toString(), source.toString()));

        jar = tempDir.resolve("lib/app.jar");
        Files.createDirectories(jar.getParent());
        final Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()), manifest))
        {
            out.putNextEntry(new JarEntry("app/Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("app/Hello.class")));
            out.closeEntry();
        }
    }

    @Test
    void runsTheMainClassOfAJar()
    {
        assertRanksSaidHello(JobRunner.jrun(JobRunner.DEFAULT_TIMEOUT, "-np", "2", "-jar", jar.toString(), "x", "y"));
    }

    @Test
    void runsAMainClassFromTheUserClassPath()
    {
        assertRanksSaidHello(JobRunner.jrun(
            JobRunner.DEFAULT_TIMEOUT, "-np", "2", "-cp", classes.toString(), MAIN_CLASS, "x", "y"));
    }

    @Test
    void expandsAClassPathWildcard()
    {
        final String wildcard = jar.getParent() + File.separator + "*";

        assertRanksSaidHello(JobRunner.jrun(
            JobRunner.DEFAULT_TIMEOUT, "-np", "2", "--classpath", wildcard, MAIN_CLASS, "x", "y"));
    }

    private static void assertRanksSaidHello(final JobResult result)
    {
        result.assertSuccess();
        assertEquals(List.of("app 0 [x, y]"), result.linesOfRank(0), result.toString());
        assertEquals(List.of("app 1 [x, y]"), result.linesOfRank(1), result.toString());
    }
}
