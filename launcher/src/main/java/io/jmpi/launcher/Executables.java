package io.jmpi.launcher;

import java.io.File;

/**
 * Finds programs jrun runs for the user's options, as the shell would.
 */
final class Executables
{
    private Executables()
    {
    }

    /**
     * @param name a program's name.
     * @return whether an executable of that name is in a directory of the PATH.
     */
    static boolean onPath(final String name)
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String directory : path.split(File.pathSeparator))
        {
            if (new File(directory.isEmpty() ? "." : directory, name).canExecute())
            {
                return true;
            }
        }
        return false;
    }
}
