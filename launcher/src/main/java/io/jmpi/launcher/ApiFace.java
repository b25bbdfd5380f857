package io.jmpi.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.Set;

/**
 * The Java MPI APIs jmpi runs programs of. Both live in package {@code mpi} with classes that share names, so each
 * is a module of its own and a rank's class path holds one: the one its program refers to ({@link FaceChooser}).
 */
enum ApiFace
{
    /** mpiJava 1.2, as MPJ Express implements it: {@code MPI.COMM_WORLD.Rank()}. */
    MPIJAVA("mpijava", "the mpiJava 1.2 API",
        Set.of("Cartcomm", "Graphcomm", "User_function")),
    /** Open MPI's Java bindings: {@code MPI.COMM_WORLD.getRank()}. */
    OPENMPI("openmpi", "the Open MPI Java API",
        Set.of("CartComm", "GraphComm", "DistGraphComm", "UserFunction", "Info", "Message", "Win", "File",
            "Int2", "ShortInt", "LongInt", "FloatInt", "DoubleInt", "FloatComplex", "DoubleComplex", "Freeable",
            "Struct", "Count", "Constant", "DistGraphNeighbors"));

    /** Built by the launcher's pom: the build directories of the face modules in the source tree. */
    private static final String BUILD_LOCATIONS = "faces.properties";

    private final String id;
    private final String description;
    private final Set<String> ownClasses;

    ApiFace(final String id, final String description, final Set<String> ownClasses)
    {
        this.id = id;
        this.description = description;
        this.ownClasses = ownClasses;
    }

    /**
     * @return the name {@code --api} takes.
     */
    String id()
    {
        return id;
    }

    /**
     * @return how messages name the API.
     */
    String description()
    {
        return description;
    }

    /**
     * @param simpleName a class of package {@code mpi}, without the package.
     * @return whether only this API has a class of that name.
     */
    boolean ownsClass(final String simpleName)
    {
        return ownClasses.contains(simpleName);
    }

    /**
     * @param id the value of {@code --api}.
     * @return the face, or {@code null} if there is none of that name.
     */
    static ApiFace of(final String id)
    {
        for (final ApiFace face : values())
        {
            if (face.id.equals(id))
            {
                return face;
            }
        }
        return null;
    }

    /**
     * Where this face's classes are: {@code faces/jmpi-ID.jar} beside the launcher's jar (an installed jmpi), else
     * the face module's jar or classes in the source tree jrun was built from.
     *
     * @return the class path entry, or {@code null} if neither exists.
     */
    String classPathEntry()
    {
        final String jar = "jmpi-" + id + ".jar";
        final Path launcherLocation = launcherLocation();
        if (null != launcherLocation && null != launcherLocation.getParent())
        {
            final File installed = launcherLocation.getParent().resolve("faces").resolve(jar).toFile();
            if (installed.isFile())
            {
                return installed.getPath();
            }
        }
        final String target = buildLocations().getProperty(id);
        if (null != target)
        {
            for (final File candidate : new File[] {new File(target, jar), new File(target, "classes")})
            {
                if (candidate.exists())
                {
                    return candidate.getPath();
                }
            }
        }
        return null;
    }

    private static Path launcherLocation()
    {
        final CodeSource source = ApiFace.class.getProtectionDomain().getCodeSource();
        try
        {
            return null == source ? null : Path.of(source.getLocation().toURI());
        }
        catch (final URISyntaxException ex)
        {
            return null;
        }
    }

    private static Properties buildLocations()
    {
        final Properties locations = new Properties();
        try (InputStream in = ApiFace.class.getResourceAsStream(BUILD_LOCATIONS))
        {
            if (null != in)
            {
                locations.load(in);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return locations;
    }
}
