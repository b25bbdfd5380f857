package mpi;

/**
 * The version of the MPI standard (MPI_Get_version).
 */
public final class Version
{
    private final int version;
    private final int subVersion;

    Version(final int version, final int subVersion)
    {
        this.version = version;
        this.subVersion = subVersion;
    }

    /**
     * @return the major version.
     */
    public int getVersion()
    {
        return version;
    }

    /**
     * @return the minor version.
     */
    public int getSubVersion()
    {
        return subVersion;
    }
}
