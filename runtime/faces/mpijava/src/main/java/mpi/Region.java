package mpi;

/**
 * Items of a collective's buffer as jmpi sees them: the user's array when the datatype is contiguous, else a
 * packed copy (for data sent) or a staging array unpacked into the user's array afterwards (for data received).
 * Offsets and counts here are in elements.
 */
final class Region
{
    /** The array jmpi reads or writes. */
    final Object array;
    /** The first element of the items in {@link #array}. */
    final int offset;
    /** The number of elements of the items. */
    final int elements;

    private final Datatype stagedType;
    private final Object user;
    private final int userOffset;

    private Region(
        final Object array, final int offset, final int elements, final Datatype stagedType, final Object user,
        final int userOffset)
    {
        this.array = array;
        this.offset = offset;
        this.elements = elements;
        this.stagedType = stagedType;
        this.user = user;
        this.userOffset = userOffset;
    }

    /**
     * @param buf    the user's array.
     * @param offset index of the first item.
     * @param count  number of items.
     * @param type   their datatype.
     * @return the items to send.
     */
    static Region send(final Object buf, final int offset, final int count, final Datatype type)
    {
        if (type.contiguous)
        {
            type.checkItems(buf, offset, count);
            return new Region(buf, offset, count * type.size, null, null, 0);
        }
        return new Region(type.pack(buf, offset, count), 0, count * type.size, null, null, 0);
    }

    /**
     * @param buf    the user's array.
     * @param offset index of the first item.
     * @param count  number of items.
     * @param type   their datatype.
     * @return where to receive the items; call {@link #unpack()} once they are in.
     */
    static Region receive(final Object buf, final int offset, final int count, final Datatype type)
    {
        type.checkItems(buf, offset, count);
        if (type.contiguous)
        {
            return new Region(buf, offset, count * type.size, null, null, 0);
        }
        return new Region(type.base.newArray(count * type.size), 0, count * type.size, type, buf, offset);
    }

    /**
     * Copy staged elements into the user's array; nothing to do for a contiguous type.
     */
    void unpack()
    {
        if (null != stagedType)
        {
            stagedType.unpack(array, 0, elements, user, userOffset);
        }
    }
}
