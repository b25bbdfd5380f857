package io.jmpi.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start a JVM that runs jmpi: the java executable and the flags that Aeron and Agrona need.
 */
final class Jvm
{
    /** Filled from the parent pom property {@code jmpi.jvm.flags} at build time, so the flags live in one place. */
    private static final String FLAGS_RESOURCE = "jvm.flags";

    private Jvm()
    {
    }

    /**
     * @return the java executable of this JVM, so that ranks run on the same Java as jrun.
     */
    static String executable()
    {
        return ProcessHandle.current().info().command()
            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * @return the flags every JVM of a job needs: opens and exports of JDK internals for Aeron and Agrona.
     */
    static List<String> flags()
    {
        try (InputStream in = Jvm.class.getResourceAsStream(FLAGS_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(FLAGS_RESOURCE + " is missing next to " + Jvm.class.getName());
            }

            final String text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .collect(Collectors.joining(" "));
            return List.of(text.trim().split("\\s+"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
