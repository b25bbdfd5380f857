package io.jmpi.engine;

import org.agrona.collections.IntArrayList;

import java.util.function.Consumer;

/**
 * Maps the ids carried in protocol frames (a CTS names the sender's op, a DATA frame the receiver's) back to
 * operations. An id is a slot index in the low 32 bits and the slot's generation in the high 32 bits, so a stale
 * or forged id finds nothing instead of another operation.
 */
final class OpTable
{
    private Operation[] slots;
    private int[] generations;
    private final IntArrayList free = new IntArrayList();

    OpTable(final int initialCapacity)
    {
        slots = new Operation[initialCapacity];
        generations = new int[initialCapacity];
        for (int i = initialCapacity - 1; i >= 0; i--)
        {
            free.addInt(i);
        }
    }

    long register(final Operation op)
    {
        if (free.isEmpty())
        {
            grow();
        }
        final int index = free.popInt();
        slots[index] = op;
        final int generation = ++generations[index];
        final long id = ((long)generation << 32) | index;
        op.id = id;
        return id;
    }

    Operation get(final long id)
    {
        final int index = (int)id;
        if (index < 0 || index >= slots.length || generations[index] != (int)(id >>> 32))
        {
            return null;
        }
        return slots[index];
    }

    void release(final Operation op)
    {
        final int index = (int)op.id;
        if (slots[index] == op)
        {
            slots[index] = null;
            free.pushInt(index);
        }
        op.id = 0;
    }

    /**
     * Apply an action to every registered operation that waits on the given peer; the action may release it.
     */
    void forEachDependingOn(final int peer, final Consumer<Operation> action)
    {
        for (final Operation op : slots)
        {
            if (null != op && op.dependsOn(peer))
            {
                action.accept(op);
            }
        }
    }

    private void grow()
    {
        final int oldLength = slots.length;
        final int newLength = oldLength * 2;
        final Operation[] newSlots = new Operation[newLength];
        final int[] newGenerations = new int[newLength];
        System.arraycopy(slots, 0, newSlots, 0, oldLength);
        System.arraycopy(generations, 0, newGenerations, 0, oldLength);
        slots = newSlots;
        generations = newGenerations;
        for (int i = newLength - 1; i >= oldLength; i--)
        {
            free.addInt(i);
        }
    }
}
