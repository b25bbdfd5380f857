package io.jmpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes cached on one communicator. Not on any hot path: a lock keeps it simple, and the keys' functions
 * run outside it, so that a deleter may use the communicator.
 */
final class AttributeTable
{
    private final Map<Keyval<?>, Object> values = new LinkedHashMap<>();

    <T> void set(final Comm comm, final Keyval<T> keyval, final T value)
    {
        checkKey(keyval, "setAttribute");
        keyval.checkUsable("setAttribute");
        if (null == value)
        {
            throw new MpiException(ErrorClass.ERR_ARG, "the value of " + keyval + " is null: delete it instead");
        }
        final Object previous;
        synchronized (this)
        {
            previous = values.put(keyval, value);
        }
        if (null != previous)
        {
            keyval.delete(comm, previous);
        }
    }

    <T> T get(final Mpi mpi, final Keyval<T> keyval)
    {
        checkKey(keyval, "attribute");
        if (keyval.isPredefined())
        {
            return keyval.predefinedValue(mpi);
        }
        keyval.checkLive();
        synchronized (this)
        {
            @SuppressWarnings("unchecked")
            final T value = (T)values.get(keyval);
            return value;
        }
    }

    void delete(final Comm comm, final Keyval<?> keyval)
    {
        checkKey(keyval, "deleteAttribute");
        keyval.checkUsable("deleteAttribute");
        final Object previous;
        synchronized (this)
        {
            previous = values.remove(keyval);
        }
        if (null != previous)
        {
            keyval.delete(comm, previous);
        }
    }

    /**
     * Give a new communicator what the keys' copiers make of this one's values, in the order they were set.
     */
    void copyInto(final Comm oldComm, final AttributeTable copy)
    {
        for (final Map.Entry<Keyval<?>, Object> entry : snapshot())
        {
            final Object value = entry.getKey().copy(oldComm, entry.getValue());
            if (null != value)
            {
                synchronized (copy)
                {
                    copy.values.put(entry.getKey(), value);
                }
            }
        }
    }

    /**
     * Delete every value, as freeing the communicator does.
     */
    void deleteAll(final Comm comm)
    {
        final List<Map.Entry<Keyval<?>, Object>> entries = snapshot();
        synchronized (this)
        {
            values.clear();
        }
        for (final Map.Entry<Keyval<?>, Object> entry : entries)
        {
            entry.getKey().delete(comm, entry.getValue());
        }
    }

    private synchronized List<Map.Entry<Keyval<?>, Object>> snapshot()
    {
        final List<Map.Entry<Keyval<?>, Object>> entries = new ArrayList<>(values.size());
        for (final Map.Entry<Keyval<?>, Object> entry : values.entrySet())
        {
            entries.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    private static void checkKey(final Keyval<?> keyval, final String call)
    {
        if (null == keyval)
        {
            throw new MpiException(ErrorClass.ERR_KEYVAL, call + " got a null key");
        }
    }
}
