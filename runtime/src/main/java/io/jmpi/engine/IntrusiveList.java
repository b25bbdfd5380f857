package io.jmpi.engine;

/**
 * A FIFO of elements that carry their own links: constant-time append and removal from anywhere, no allocation.
 * An element is in at most one list at a time. Not thread-safe: owned by the engine's owner thread.
 *
 * @param <T> the element type.
 */
final class IntrusiveList<T extends Link<T>>
{
    private T head;
    private T tail;
    private int size;

    T head()
    {
        return head;
    }

    boolean isEmpty()
    {
        return null == head;
    }

    int size()
    {
        return size;
    }

    void addLast(final T element)
    {
        element.owner = this;
        element.next = null;
        element.previous = tail;
        if (null == tail)
        {
            head = element;
        }
        else
        {
            tail.next = element;
        }
        tail = element;
        size++;
    }

    boolean contains(final T element)
    {
        return this == element.owner;
    }

    void remove(final T element)
    {
        final T previous = element.previous;
        final T next = element.next;
        if (null == previous)
        {
            head = next;
        }
        else
        {
            previous.next = next;
        }
        if (null == next)
        {
            tail = previous;
        }
        else
        {
            next.previous = previous;
        }
        element.next = null;
        element.previous = null;
        element.owner = null;
        size--;
    }

    T pollFirst()
    {
        final T element = head;
        if (null != element)
        {
            remove(element);
        }
        return element;
    }
}
