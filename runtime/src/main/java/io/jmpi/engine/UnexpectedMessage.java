package io.jmpi.engine;

import org.agrona.ExpandableArrayBuffer;

/**
 * A message that arrived before a matching receive was posted: the envelope, and for an eager message a copy
 * of its payload in a buffer that is kept and reused when the record returns to the pool.
 */
final class UnexpectedMessage extends Link<UnexpectedMessage>
{
    final ExpandableArrayBuffer payload = new ExpandableArrayBuffer(256);
    byte type;
    boolean synchronous;
    boolean ring;
    int sharedId;
    int sharedOffset;
    int source;
    int context;
    int tag;
    int length;
    long senderOpId;

    boolean matches(final int context, final int source, final int tag)
    {
        return this.context == context &&
            (RecvOp.ANY_SOURCE == source || this.source == source) &&
            (RecvOp.ANY_TAG == tag || this.tag == tag);
    }
}
