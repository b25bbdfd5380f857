package io.jmpi;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The deserialization filter of one object message: it decides which classes a received stream may name and how
 * big a graph it may build, and remembers why it rejected a stream, since {@link java.io.ObjectInputStream} only
 * says "filter status: REJECTED".
 * <p>
 * By default a stream may name the classes of the program's class path and the JDK's value classes:
 * <ul>
 * <li>classes defined by the application class loader in its unnamed module, which are exactly those it loaded
 * from the class path (with the jars named by their manifests' Class-Path); JDK modules the application loader
 * defines (jdk.compiler and other tools) and modules of the module path are named, so they are not among them;
 * </li>
 * <li>of java.base: the boxed primitives, {@code String}, {@code Number}, {@code Enum}, {@code Object} (as an array
 * component), and the classes of {@code java.util}, {@code java.util.concurrent} (with its atomic and locks
 * packages, which the serialized form of ConcurrentHashMap names), {@code java.math} and {@code java.time} with its
 * subpackages: collections, dates, big numbers; nothing of {@code java.lang.reflect},
 * {@code java.lang.invoke}, {@code java.io}, {@code java.net}, other modules (javax.management, java.rmi, ...) or
 * {@code sun.*}, where the known deserialization gadgets live;</li>
 * <li>arrays of those and of primitives.</li>
 * </ul>
 * and the graph is limited to a depth of {@link #MAX_DEPTH} and {@link #MAX_REFERENCES} references. The system
 * property {@link Mpi#SERIAL_FILTER_PROPERTY} replaces this default with a filter in {@code jdk.serialFilter}
 * syntax ({@link ObjectInputFilter.Config#createFilter}), which like {@code jdk.serialFilter} lets through what it
 * does not decide. Whatever the filter, an array longer than the bytes left in the message is rejected: each
 * element takes at least one byte, so such an array cannot be real, and would only make the receiver allocate
 * what the sender never sent (a few bytes can declare an array of 2^31 - 1 longs).
 */
final class ObjectFilter implements ObjectInputFilter
{
    /**
     * Deepest nesting of objects a default-filtered stream may have. Reading a chain of default-serialized objects
     * overflows a thread stack of the default 1 MiB at about 750 levels (compiled code, measured on JDK 17), which
     * would end the rank with a StackOverflowError; 256 leaves the rest of the stack to the receiving program and
     * to classes whose own readObject methods take more frames per level.
     */
    static final long MAX_DEPTH = 256;
    /**
     * Most objects and back-references a default-filtered stream may hold: 2^24, far beyond any message that
     * serialization suits (collections carry their elements one by one), and a bound on the handle table a stream
     * can make the receiver build, a few hundred MiB at most.
     */
    static final long MAX_REFERENCES = 1 << 24;

    private static final Set<Class<?>> JAVA_LANG_VALUES = Set.of(
        Boolean.class, Byte.class, Character.class, Short.class, Integer.class, Long.class, Float.class,
        Double.class, Number.class, String.class, Enum.class, Object.class);
    private static final Set<String> VALUE_PACKAGES = Set.of(
        "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.math",
        "java.time", "java.time.chrono", "java.time.format", "java.time.temporal", "java.time.zone");
    private static final ClassValue<Boolean> ALLOWED_BY_DEFAULT = new ClassValue<>()
    {
        protected Boolean computeValue(final Class<?> type)
        {
            return allowedByDefault(type);
        }
    };
    private static final String CONFIGURED_PATTERN = System.getProperty(Mpi.SERIAL_FILTER_PROPERTY);
    private static final String CONFIGURATION_ERROR = configurationError(CONFIGURED_PATTERN);
    private static final ObjectInputFilter CONFIGURED = null == CONFIGURED_PATTERN || null != CONFIGURATION_ERROR ?
        null : ObjectInputFilter.Config.createFilter(CONFIGURED_PATTERN);

    private final int messageLength;
    private String rejection;

    /**
     * @param messageLength bytes of the serialized stream.
     */
    ObjectFilter(final int messageLength)
    {
        this.messageLength = messageLength;
    }

    /**
     * Parse the filter the system property gives, so that a malformed one fails init rather than the first
     * object receive.
     *
     * @throws MpiException ERR_ARG if the property is not a valid filter.
     */
    static void checkConfigured()
    {
        if (null != CONFIGURATION_ERROR)
        {
            throw new MpiException(ErrorClass.ERR_ARG, CONFIGURATION_ERROR);
        }
    }

    /**
     * {@inheritDoc}
     */
    public Status checkInput(final FilterInfo info)
    {
        if (null != CONFIGURATION_ERROR)
        {
            return reject(CONFIGURATION_ERROR);
        }
        if (info.arrayLength() > messageLength - info.streamBytes())
        {
            return reject("an array of " + info.arrayLength() + " elements" + ofClass(info) + ", longer than the " +
                (messageLength - info.streamBytes()) + " bytes left in the message");
        }
        if (null != CONFIGURED)
        {
            final Status status = CONFIGURED.checkInput(info);
            return Status.REJECTED == status ?
                reject(Mpi.SERIAL_FILTER_PROPERTY + "=\"" + CONFIGURED_PATTERN + "\" rejects " +
                    (null == info.serialClass() ? "the stream" : "class " + info.serialClass().getTypeName()) +
                    " (depth " + info.depth() + ", " + info.references() + " references)") :
                status;
        }
        if (info.depth() > MAX_DEPTH)
        {
            return reject("the objects nest deeper than " + MAX_DEPTH + " levels" + ofClass(info));
        }
        if (info.references() > MAX_REFERENCES)
        {
            return reject("the stream holds more than " + MAX_REFERENCES + " object references");
        }
        final Class<?> type = info.serialClass();
        if (null == type)
        {
            return Status.UNDECIDED;
        }
        return ALLOWED_BY_DEFAULT.get(type) ? Status.ALLOWED : reject("class " + type.getTypeName() +
            " is neither on the class path nor a JDK value class (set " + Mpi.SERIAL_FILTER_PROPERTY +
            " to allow it)");
    }

    /**
     * @return why the stream was rejected, or null if it was not.
     */
    String rejection()
    {
        return rejection;
    }

    private Status reject(final String why)
    {
        if (null == rejection)
        {
            rejection = why;
        }
        return Status.REJECTED;
    }

    private static String ofClass(final FilterInfo info)
    {
        return null == info.serialClass() ? "" : " (" + info.serialClass().getTypeName() + ")";
    }

    private static boolean allowedByDefault(final Class<?> type)
    {
        Class<?> element = type;
        while (element.isArray())
        {
            element = element.getComponentType();
        }
        if (element.isPrimitive())
        {
            return true;
        }
        if (element.getClassLoader() == ClassLoader.getSystemClassLoader())
        {
            return !element.getModule().isNamed();
        }
        return element.getModule() == Object.class.getModule() &&
            (JAVA_LANG_VALUES.contains(element) || VALUE_PACKAGES.contains(element.getPackageName()));
    }

    private static String configurationError(final String pattern)
    {
        try
        {
            if (null != pattern)
            {
                ObjectInputFilter.Config.createFilter(pattern);
            }
            return null;
        }
        catch (final IllegalArgumentException ex)
        {
            return Mpi.SERIAL_FILTER_PROPERTY + "=\"" + pattern + "\" is not a filter: " + ex.getMessage();
        }
    }
}
