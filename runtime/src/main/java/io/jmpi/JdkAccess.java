package io.jmpi;

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The opens and exports of JDK internals that Aeron and Agrona need, as the JVM flags of the build (the parent pom's
 * {@code jmpi.jvm.flags}, which jrun gives every JVM it starts), and the check that this JVM was given them.
 * <p>
 * Agrona's {@code UnsafeApi} is compiled against {@code jdk.internal.misc.Unsafe}, so without the export the first
 * buffer jmpi wraps fails with an {@link IllegalAccessError} deep in Agrona; the check turns that into one message
 * that names the flags. Nothing fails to link without the opens (a singleton runs with the export alone), so their
 * absence alone is no error; jrun gives them all the same. The flags cannot be granted from inside the JVM: only the
 * command line, {@code JDK_JAVA_OPTIONS}, or the manifest of the jar {@code java -jar} runs can give them.
 */
final class JdkAccess
{
    /** Filtered from the parent pom at build time, so the flags live in one place. */
    private static final String FLAGS_RESOURCE = "jvm.flags";
    private static final String ADD_EXPORTS = "--add-exports";
    private static final String ADD_OPENS = "--add-opens";

    private JdkAccess()
    {
    }

    /**
     * Check that the module of Agrona's classes may link to the JDK internals it uses.
     *
     * @throws MpiException of class ERR_OTHER naming the flags to add, when an export is missing.
     */
    static void check()
    {
        final Module agrona = DirectBuffer.class.getModule();
        final List<String> flags = flags();
        final List<String> missing = new ArrayList<>();
        boolean missingExport = false;
        for (int i = 0; i + 1 < flags.size(); i += 2)
        {
            final String option = flags.get(i);
            final String value = flags.get(i + 1);
            if (!granted(option, value, agrona))
            {
                missing.add(option + " " + value);
                missingExport |= ADD_EXPORTS.equals(option);
            }
        }
        if (missingExport)
        {
            final String all = String.join(" ", flags);
            final String lacking = missing.size() == flags.size() / 2 ? "" :
                " (this one lacks " + String.join(" ", missing) + ")";
            throw new MpiException(ErrorClass.ERR_OTHER, "Aeron and Agrona need JVM flags to use JDK internals: " +
                "start java with " + all + lacking + ", or set them in JDK_JAVA_OPTIONS, or give them as " +
                "Add-Exports and Add-Opens in the manifest of the jar that java -jar runs; jrun gives them to its " +
                "ranks");
        }
    }

    /**
     * @return the flags, as the tokens of a java command line: option, value, option, value, ...
     */
    private static List<String> flags()
    {
        try (InputStream in = JdkAccess.class.getResourceAsStream(FLAGS_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException(FLAGS_RESOURCE + " is missing next to " + JdkAccess.class.getName());
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param option {@code --add-exports} or {@code --add-opens}.
     * @param value  {@code module/package=ALL-UNNAMED}.
     * @param target the module that needs the access: the unnamed module Agrona is loaded in.
     */
    private static boolean granted(final String option, final String value, final Module target)
    {
        final int slash = value.indexOf('/');
        final int equals = value.indexOf('=');
        final Module module = ModuleLayer.boot().findModule(value.substring(0, slash)).orElse(null);
        if (null == module)
        {
            return true;
        }
        final String packageName = value.substring(slash + 1, equals);
        // a package opened to a module is exported to it too
        return ADD_OPENS.equals(option) ? module.isOpen(packageName, target) : module.isExported(packageName, target);
    }
}
