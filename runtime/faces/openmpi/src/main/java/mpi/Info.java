package mpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An info object (MPI_Info): ordered (key, value) hints. jmpi reads no hints, so an info is only a store that the
 * calls taking one accept and ignore.
 */
public final class Info implements Freeable
{
    private Map<String, String> entries;

    /**
     * MPI_Info_create: an empty info.
     */
    public Info()
    {
        this.entries = new LinkedHashMap<>();
    }

    private Info(final Map<String, String> entries)
    {
        this.entries = entries;
    }

    static Info nullInfo()
    {
        return new Info(null);
    }

    static Info environment()
    {
        final Info info = new Info();
        info.entries.put("command", "java");
        return info;
    }

    /**
     * MPI_Info_set.
     *
     * @param key   the key, at most {@link MPI#MAX_INFO_KEY} characters.
     * @param value the value, at most {@link MPI#MAX_INFO_VAL} characters.
     * @throws MPIException ERR_INFO_KEY or ERR_INFO_VALUE for a key or value too long, ERR_INFO for a null info.
     */
    public void set(final String key, final String value) throws MPIException
    {
        usable();
        if (null == key || key.isEmpty() || key.length() > MPI.MAX_INFO_KEY)
        {
            throw MPIException.raise(MPI.ERR_INFO_KEY, "info key '" + key + "' is empty or longer than " +
                MPI.MAX_INFO_KEY);
        }
        if (null == value || value.length() > MPI.MAX_INFO_VAL)
        {
            throw MPIException.raise(MPI.ERR_INFO_VALUE, "info value of key '" + key + "' is null or longer than " +
                MPI.MAX_INFO_VAL);
        }
        entries.put(key, value);
    }

    /**
     * MPI_Info_get.
     *
     * @param key the key.
     * @return its value, or null if it is not set.
     * @throws MPIException ERR_INFO for a null info.
     */
    public String get(final String key) throws MPIException
    {
        return usable().get(key);
    }

    /**
     * MPI_Info_delete.
     *
     * @param key the key.
     * @throws MPIException ERR_INFO_NOKEY if it is not set.
     */
    public void delete(final String key) throws MPIException
    {
        if (null == usable().remove(key))
        {
            throw MPIException.raise(MPI.ERR_INFO_NOKEY, "info key '" + key + "' is not set");
        }
    }

    /**
     * @return the number of keys (MPI_Info_get_nkeys).
     * @throws MPIException ERR_INFO for a null info.
     */
    public int size() throws MPIException
    {
        return usable().size();
    }

    /**
     * MPI_Info_get_nthkey.
     *
     * @param i index of the key, in the order keys were first set.
     * @return the key.
     * @throws MPIException ERR_ARG for an index out of range.
     */
    public String getKey(final int i) throws MPIException
    {
        final List<String> keys = new ArrayList<>(usable().keySet());
        if (i < 0 || i >= keys.size())
        {
            throw MPIException.raise(MPI.ERR_ARG, "info key index " + i + " is not in 0.." + (keys.size() - 1));
        }
        return keys.get(i);
    }

    /**
     * MPI_Info_dup.
     *
     * @return a copy.
     * @throws MPIException ERR_INFO for a null info.
     */
    public Info dup() throws MPIException
    {
        return new Info(new LinkedHashMap<>(usable()));
    }

    /**
     * As {@link #dup()}, for Java's clone.
     *
     * @return a copy.
     */
    @Override
    public Info clone()
    {
        return new Info(null == entries ? null : new LinkedHashMap<>(entries));
    }

    /**
     * MPI_Info_free: the info becomes MPI_INFO_NULL.
     *
     * @throws MPIException never; declared as in Open MPI.
     */
    @Override
    public void free() throws MPIException
    {
        entries = null;
    }

    /**
     * @return true for MPI_INFO_NULL or a freed info.
     */
    public boolean isNull()
    {
        return null == entries;
    }

    private Map<String, String> usable() throws MPIException
    {
        if (null == entries)
        {
            throw MPIException.raise(MPI.ERR_INFO, "the info is MPI_INFO_NULL or freed");
        }
        return entries;
    }
}
