package io.jmpi.spi;

/**
 * A component that implements the collective operations, found at run time with {@link java.util.ServiceLoader}
 * (like a coll component of Open MPI). The runtime never depends on an implementation: without a provider on the
 * class path, a collective call fails with a clear ERR_OTHER.
 * <p>
 * When several providers are present, the one with the highest {@link #priority()} serves every communicator.
 */
public interface CollectiveProvider
{
    /**
     * @return short name, shown in errors and diagnostics.
     */
    String name();

    /**
     * @return priority among the providers present; the highest wins.
     */
    int priority();

    /**
     * Create the collectives of one communicator. Called once per communicator, on first use, by every member.
     *
     * @param context what the provider may use: the communicator's private collective channel and transport.
     * @return the collectives of that communicator; closed when the communicator is freed.
     */
    Collectives create(CollectiveContext context);
}
