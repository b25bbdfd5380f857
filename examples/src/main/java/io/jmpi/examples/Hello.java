package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Mpi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Every rank says who and where it is: {@code bin/jrun -np 4 -cp examples/target/jmpi-examples.jar
 * io.jmpi.examples.Hello}.
 */
public final class Hello
{
    private Hello()
    {
    }

    /**
     * @param args ignored.
     * @throws UnknownHostException if this host has no name.
     */
    public static void main(final String[] args) throws UnknownHostException
    {
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            System.out.println("Hello from rank " + world.rank() + " of " + world.size() +
                " on " + InetAddress.getLocalHost().getHostName());
        }
    }
}
