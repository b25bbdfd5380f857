package io.jmpi.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells which Java MPI API a program is written against, by reading the class files of its main class and of the
 * classes of its own class path that those refer to, transitively, without loading any. mpiJava's methods start
 * with a capital ({@code Rank()}, {@code Send}; MPJ Express adds {@code initThread} and {@code isMainThread}) and
 * its status has public fields; Open MPI's start with a small letter ({@code getRank()}, {@code send}) except
 * {@code Init}, {@code InitThread} and {@code Finalize}; some calls both share ({@code queryThread}); and some class
 * names belong to one API only ({@code Cartcomm} or {@code CartComm}).
 */
final class FaceChooser
{
    /** Enough for any application's own classes; a larger closure is decided on what was read. */
    private static final int MAX_CLASSES = 20_000;
    private static final String PACKAGE = "mpi/";
    /** Both APIs have these, or they are inherited from Object or Throwable (MPIException). */
    private static final Set<String> SHARED_METHODS = Set.of(
        "Init", "InitThread", "Finalize", "queryThread", "getErrorClass", "<init>", "<clinit>",
        "toString", "equals", "hashCode", "getClass", "clone", "wait", "notify", "notifyAll", "finalize",
        "getMessage", "getLocalizedMessage", "getCause", "printStackTrace", "getStackTrace", "addSuppressed");
    /** MPJ Express's small-letter methods, which Open MPI spells otherwise: {@code InitThread}, {@code isThreadMain}. */
    private static final Set<String> MPJ_EXPRESS_METHODS = Set.of("initThread", "isMainThread");

    /** The first use of each API found, naming the class and what in it tells. */
    private String mpiJavaUse;
    private String openMpiUse;

    private FaceChooser()
    {
    }

    /**
     * @param mainClass  the program's main class.
     * @param userLoader the program's own class path; the classes of its parents (the JDK) are not read.
     * @return the API the program uses, or {@code null} if it refers to none (or only to calls both share).
     * @throws UsageException if it refers to both.
     */
    static ApiFace choose(final String mainClass, final URLClassLoader userLoader) throws UsageException
    {
        final FaceChooser chooser = new FaceChooser();
        chooser.read(mainClass.replace('.', '/'), userLoader);
        if (null != chooser.mpiJavaUse && null != chooser.openMpiUse)
        {
            throw new UsageException("the program refers to both Java MPI APIs: to " +
                ApiFace.MPIJAVA.description() + " (" + chooser.mpiJavaUse + ") and to " +
                ApiFace.OPENMPI.description() + " (" + chooser.openMpiUse + "); a rank can have one only");
        }
        return null != chooser.mpiJavaUse ? ApiFace.MPIJAVA : null != chooser.openMpiUse ? ApiFace.OPENMPI : null;
    }

    private void read(final String mainClass, final URLClassLoader loader)
    {
        final Set<String> seen = new HashSet<>();
        final ArrayDeque<String> pending = new ArrayDeque<>();
        pending.add(mainClass);
        seen.add(mainClass);
        while (!pending.isEmpty() && seen.size() < MAX_CLASSES)
        {
            final String name = pending.poll();
            final ClassReferences references = references(name, loader);
            if (null == references)
            {
                continue;
            }
            for (final String referenced : references.classes())
            {
                if (referenced.startsWith(PACKAGE))
                {
                    classUsed(name, referenced.substring(PACKAGE.length()));
                }
                else if (seen.add(referenced))
                {
                    pending.add(referenced);
                }
            }
            for (final ClassReferences.Member member : references.members())
            {
                if (member.owner().startsWith(PACKAGE))
                {
                    memberUsed(name, member);
                }
            }
        }
    }

    private void classUsed(final String user, final String simpleName)
    {
        if (ApiFace.MPIJAVA.ownsClass(simpleName) && null == mpiJavaUse)
        {
            mpiJavaUse = user.replace('/', '.') + " uses mpi." + simpleName;
        }
        if (ApiFace.OPENMPI.ownsClass(simpleName) && null == openMpiUse)
        {
            openMpiUse = user.replace('/', '.') + " uses mpi." + simpleName;
        }
    }

    private void memberUsed(final String user, final ClassReferences.Member member)
    {
        final String name = member.name();
        if (SHARED_METHODS.contains(name) || name.isEmpty())
        {
            return;
        }
        final boolean capital = Character.isUpperCase(name.charAt(0)) || MPJ_EXPRESS_METHODS.contains(name);
        final String use = user.replace('/', '.') + " uses " + member.owner().replace('/', '.') + "." + name +
            (member.method() ? "()" : "");
        if (member.method() ? capital : !capital)
        {
            mpiJavaUse = null == mpiJavaUse ? use : mpiJavaUse;
        }
        else if (member.method())
        {
            openMpiUse = null == openMpiUse ? use : openMpiUse;
        }
    }

    /**
     * @return the references of a class of the program, or {@code null} for a class it does not hold (the JDK's,
     * a library's that the loader does not see) or cannot read.
     */
    private static ClassReferences references(final String name, final URLClassLoader loader)
    {
        final URL classFile = loader.findResource(name + ".class");
        if (null == classFile)
        {
            return null;
        }
        try (InputStream in = classFile.openStream())
        {
            return ClassReferences.read(in);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
