package io.jmpi.engine;

/**
 * An element of an {@link IntrusiveList}: the links live in the element, so queueing allocates nothing.
 *
 * @param <T> the element type.
 */
abstract class Link<T extends Link<T>>
{
    T next;
    T previous;
    IntrusiveList<T> owner;
}
