package io.jmpi.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The program every rank of a job runs: its main class, class path and arguments.
 *
 * @param mainClass   name of the class whose main method each rank runs.
 * @param classPath   jrun's own class path, which holds the jmpi runtime and collectives, then the API face the
 *                    program uses ({@link ApiFace}), followed by the user's class path:
 *                    jmpi first, so that every rank runs the jmpi of the jrun that hosts its driver, and so that
 *                    the class path starts as the ranks' class-data sharing archive requires (see
 *                    {@link Jvm#classDataSharing()}).
 * @param jvmArgs     extra arguments for each rank JVM.
 * @param programArgs arguments for the main method.
 */
record RankProgram(String mainClass, String classPath, List<String> jvmArgs, List<String> programArgs)
{
    /**
     * Find the main class and class path the options ask for and check that the class loads, so that a typo is
     * one line from jrun rather than N stack traces from the ranks.
     *
     * @param options the parsed command line.
     * @return the program to run in each rank.
     * @throws UsageException when the jar or the main class cannot be found or loaded.
     */
    static RankProgram resolve(final JrunOptions options) throws UsageException
    {
        final String userClassPath;
        final String mainClass;
        final String where;
        if (null != options.jar())
        {
            mainClass = mainClassOf(options.jar());
            userClassPath = null == options.classPath() ?
                options.jar() : options.jar() + File.pathSeparator + options.classPath();
            where = "in " + options.jar() + (null == options.classPath() ? "" :
                " nor on the class path \"" + options.classPath() + "\"");
        }
        else if (null != options.classPath())
        {
            mainClass = options.mainClass();
            userClassPath = options.classPath();
            where = "on the class path \"" + userClassPath + "\"";
        }
        else
        {
            // what java uses without -cp
            final String classPathVariable = System.getenv("CLASSPATH");
            final boolean inVariable = null != classPathVariable && !classPathVariable.isEmpty();
            mainClass = options.mainClass();
            userClassPath = inVariable ? classPathVariable : ".";
            where = (inVariable ? "on the class path in $CLASSPATH" : "in the current directory") +
                "; give the class path with -cp";
        }

        final String jmpiClassPath = System.getProperty("java.class.path");
        final String face = faceEntry(options.api(), mainClass, jmpiClassPath, userClassPath);
        final String classPath = jmpiClassPath + File.pathSeparator +
            (null == face ? "" : face + File.pathSeparator) + userClassPath;
        checkLoadable(mainClass, classPath, where);

        return new RankProgram(mainClass, classPath, options.jvmArgs(), options.programArgs());
    }

    /**
     * @return the command line of a rank JVM.
     */
    List<String> command()
    {
        final List<String> command = new ArrayList<>();
        command.add(Jvm.executable());
        command.addAll(Jvm.jobFlags());
        if (jvmArgs.stream().noneMatch(Jvm::choosesClassDataSharing))
        {
            command.addAll(Jvm.classDataSharing());
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(programArgs);
        return command;
    }

    private static String mainClassOf(final String jar) throws UsageException
    {
        final File file = new File(jar);
        if (!file.isFile())
        {
            throw new UsageException("jar file " + jar + " not found");
        }

        try (JarFile jarFile = new JarFile(file))
        {
            final Manifest manifest = jarFile.getManifest();
            final String mainClass = null == manifest ? null :
                manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (null == mainClass || mainClass.isBlank())
            {
                throw new UsageException(jar + " has no Main-Class in its manifest");
            }
            return mainClass.trim();
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read jar file " + jar + ": " + ex.getMessage());
        }
    }

    /**
     * Load the class as a rank JVM would, without initialising it: no user code runs in jrun.
     */
    private static void checkLoadable(final String mainClass, final String classPath, final String where)
        throws UsageException
    {
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader()))
        {
            final Class<?> type = Class.forName(mainClass, false, loader);
            if (!hasMainMethod(type))
            {
                throw new UsageException("class " + mainClass + " has no method public static void main(String[])");
            }
        }
        catch (final ClassNotFoundException ex)
        {
            throw new UsageException("class " + mainClass + " not found " + where);
        }
        catch (final LinkageError ex)
        {
            throw new UsageException("class " + mainClass + " cannot be loaded: " + ex);
        }
        catch (final IOException ex)
        {
            // closing the loader only releases jar files: the class was found
        }
    }

    /**
     * The API face the program needs on its class path: none when the class path holds one already (the program
     * brought it, or jrun runs from a build that has it), else the one asked for or the one its classes refer to.
     *
     * @return the class path entry of the face, or {@code null} for none.
     */
    private static String faceEntry(
        final ApiFace asked, final String mainClass, final String jmpiClassPath, final String userClassPath)
        throws UsageException
    {
        final ApiFace face;
        try (URLClassLoader all = new URLClassLoader(
                urls(jmpiClassPath + File.pathSeparator + userClassPath), ClassLoader.getPlatformClassLoader());
             URLClassLoader user = new URLClassLoader(urls(userClassPath), ClassLoader.getPlatformClassLoader()))
        {
            if (null != all.findResource("mpi/MPI.class"))
            {
                return null;
            }
            face = null != asked ? asked : FaceChooser.choose(mainClass, user);
        }
        catch (final IOException ex)
        {
            throw new UsageException("cannot read the program's classes: " + ex.getMessage());
        }
        if (null == face)
        {
            return null;
        }
        final String entry = face.classPathEntry();
        if (null == entry)
        {
            throw new UsageException("the program uses " + face.description() + ", but this jrun has no jmpi-" +
                face.id() + " (build it with 'mvn -q -DskipTests package')");
        }
        return entry;
    }

    private static boolean hasMainMethod(final Class<?> type)
    {
        try
        {
            final Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) && void.class == main.getReturnType();
        }
        catch (final NoSuchMethodException ex)
        {
            return false;
        }
    }

    private static URL[] urls(final String classPath) throws UsageException
    {
        final List<URL> urls = new ArrayList<>();
        for (final String entry : classPath.split(File.pathSeparator, -1))
        {
            if (entry.equals("*") || entry.endsWith(File.separator + "*"))
            {
                addJars(urls, entry.substring(0, entry.length() - 1));
            }
            else
            {
                urls.add(url(new File(entry)));
            }
        }
        return urls.toArray(new URL[0]);
    }

    /**
     * Expand a {@code dir/*} entry to the jars of dir, as the java launcher does.
     */
    private static void addJars(final List<URL> urls, final String directory) throws UsageException
    {
        final File[] jars = new File(directory.isEmpty() ? "." : directory).listFiles(
            (dir, name) -> name.endsWith(".jar") || name.endsWith(".JAR"));
        if (null != jars)
        {
            for (final File jar : jars)
            {
                urls.add(url(jar));
            }
        }
    }

    private static URL url(final File file) throws UsageException
    {
        try
        {
            return file.getAbsoluteFile().toURI().toURL();
        }
        catch (final MalformedURLException ex)
        {
            throw new UsageException("bad class path entry " + file + ": " + ex.getMessage());
        }
    }
}
