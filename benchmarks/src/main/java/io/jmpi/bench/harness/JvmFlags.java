package io.jmpi.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every JVM of a benchmark needs: the JMH fork (through {@code @Fork(jvmArgsAppend = ...)}) and the
 * peer ranks the fork starts.
 * <p>
 * Agrona and Aeron reach into JDK internals; each flag is one token so that it can stand in an annotation.
 */
public final class JvmFlags
{
    /** Opens jdk.internal.misc, whose Unsafe Agrona uses. */
    public static final String OPEN_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Exports jdk.internal.misc. */
    public static final String EXPORT_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Opens java.nio, for the addresses of direct buffers. */
    public static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    /** Opens sun.nio.ch, for unmapping memory-mapped files. */
    public static final String OPEN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

    /** Prefix of the system properties that configure jmpi; a fork hands them on to its peers. */
    private static final String JMPI_PROPERTY_PREFIX = "jmpi.";

    private JvmFlags()
    {
    }

    /**
     * The flags of a peer rank started by a benchmark: the module flags, and every {@code jmpi.*} system
     * property of this JVM, so that a setting such as {@code -Djmpi.idle=spin} or the forced broadcast algorithm
     * is the same on every rank.
     *
     * @return a new list of flags.
     */
    public static List<String> forPeer()
    {
        final List<String> flags = new ArrayList<>(List.of(OPEN_MISC, EXPORT_MISC, OPEN_NIO, OPEN_NIO_CH));
        for (final String name : System.getProperties().stringPropertyNames())
        {
            if (name.startsWith(JMPI_PROPERTY_PREFIX))
            {
                flags.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return flags;
    }
}
