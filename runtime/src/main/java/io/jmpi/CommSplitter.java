package io.jmpi;

import java.util.Arrays;

/**
 * Creates communicators from a parent (split, dup, create) by agreement through the parent's rank 0, on the
 * parent's management context.
 * <p>
 * Every member proposes the lowest context base it has not used; rank 0 takes the highest proposal, so the new
 * context is fresh at every member even when members have created different communicators before. Parts of a
 * split share that base: they have no member in common, so their traffic cannot meet.
 */
final class CommSplitter
{
    private static final int TAG = 1;

    private CommSplitter()
    {
    }

    static Comm split(final Comm parent, final int color, final int key)
    {
        final Mpi mpi = parent.mpi();
        final Comm management = parent.management();
        final int size = parent.size();
        final int[] reply = new int[size + 1];

        if (0 == parent.rank())
        {
            final int[] colors = new int[size];
            final int[] keys = new int[size];
            final int[] proposal = new int[3];
            colors[0] = color;
            keys[0] = key;
            int base = mpi.nextContextBase();
            for (int r = 1; r < size; r++)
            {
                management.recv(proposal, 0, 3, r, TAG);
                colors[r] = proposal[0];
                keys[r] = proposal[1];
                base = Math.max(base, proposal[2]);
            }
            for (int r = size - 1; r >= 0; r--)
            {
                final int length = members(parent, colors, keys, r, base, reply);
                if (r > 0)
                {
                    management.send(reply, 0, length, r, TAG);
                }
            }
        }
        else
        {
            management.send(new int[]{ color, key, mpi.nextContextBase() }, 0, 3, 0, TAG);
            management.recv(reply, 0, reply.length, 0, TAG);
        }

        final int base = reply[0];
        mpi.contextBaseUsed(base);
        if (Group.UNDEFINED == color)
        {
            return null;
        }

        int members = 0;
        while (members < size && reply[1 + members] >= 0)
        {
            members++;
        }
        return Comm.create(mpi, base, Arrays.copyOfRange(reply, 1, 1 + members), mpi.world().size());
    }

    /**
     * Fill {@code reply} with the base and the world ranks of rank r's part, ordered by key then parent rank,
     * terminated by -1 when shorter than the parent.
     *
     * @return the number of ints to send.
     */
    private static int members(
        final Comm parent, final int[] colors, final int[] keys, final int r, final int base, final int[] reply)
    {
        reply[0] = base;
        if (Group.UNDEFINED == colors[r])
        {
            return 1;
        }

        final Integer[] part = new Integer[colors.length];
        int count = 0;
        for (int i = 0; i < colors.length; i++)
        {
            if (colors[i] == colors[r])
            {
                part[count++] = i;
            }
        }
        Arrays.sort(part, 0, count, (a, b) -> keys[a] != keys[b] ? Integer.compare(keys[a], keys[b]) : a - b);
        for (int i = 0; i < count; i++)
        {
            reply[1 + i] = parent.worldRankOf(part[i]);
        }
        if (count < colors.length)
        {
            reply[1 + count] = -1;
            return count + 2;
        }
        return count + 1;
    }
}
