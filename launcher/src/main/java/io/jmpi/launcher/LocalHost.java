package io.jmpi.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a host name of {@code --host} or a hostfile is this host: {@code localhost}, a loopback address, or this
 * host's own name, short or full, as mpirun treats them, so that such a job runs here without a launch agent.
 */
final class LocalHost
{
    private LocalHost()
    {
    }

    static boolean isLocal(final String host)
    {
        final String name = host.toLowerCase(Locale.ROOT);
        if ("localhost".equals(name) || name.startsWith("127.") || "::1".equals(name))
        {
            return true;
        }
        try
        {
            final InetAddress self = InetAddress.getLocalHost();
            final String own = self.getHostName().toLowerCase(Locale.ROOT);
            final String canonical = self.getCanonicalHostName().toLowerCase(Locale.ROOT);
            return name.equals(own) || name.equals(canonical) || name.equals(shortName(own)) ||
                name.equals(shortName(canonical));
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }

    private static String shortName(final String name)
    {
        final int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
