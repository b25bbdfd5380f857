package io.jmpi.launcher;

/**
 * Picks each host's address for a job across hosts from the IPv4 addresses ({@code address/prefix}) its agent
 * reported: the address on a network that every host shares, else the first one. An agent given
 * {@code --interface} reports only the matching address.
 */
final class AddressChooser
{
    private AddressChooser()
    {
    }

    /**
     * @param reported per host, the comma-separated {@code address/prefix} list its agent sent.
     * @return per host, the chosen address.
     */
    static String[] choose(final String[] reported)
    {
        final String[] chosen = new String[reported.length];
        for (int h = 0; h < reported.length; h++)
        {
            final String[] candidates = reported[h].split(",");
            chosen[h] = address(candidates[0]);
            for (final String candidate : candidates)
            {
                if (sharedByAll(candidate, reported))
                {
                    chosen[h] = address(candidate);
                    break;
                }
            }
        }
        return chosen;
    }

    private static boolean sharedByAll(final String candidate, final String[] reported)
    {
        final int prefix = prefix(candidate);
        final int network = network(address(candidate), prefix);
        for (final String host : reported)
        {
            boolean found = false;
            for (final String other : host.split(","))
            {
                found |= prefix(other) == prefix && network(address(other), prefix) == network;
            }
            if (!found)
            {
                return false;
            }
        }
        return true;
    }

    private static String address(final String candidate)
    {
        final int slash = candidate.indexOf('/');
        return slash < 0 ? candidate : candidate.substring(0, slash);
    }

    private static int prefix(final String candidate)
    {
        final int slash = candidate.indexOf('/');
        return slash < 0 ? 32 : Integer.parseInt(candidate.substring(slash + 1));
    }

    private static int network(final String address, final int prefix)
    {
        final String[] octets = address.split("\\.");
        int value = 0;
        for (final String octet : octets)
        {
            value = value << 8 | Integer.parseInt(octet);
        }
        return 0 == prefix ? 0 : value & (-1 << (32 - prefix));
    }
}
