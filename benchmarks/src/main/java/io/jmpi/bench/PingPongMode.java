package io.jmpi.bench;

import io.jmpi.Comm;
import io.jmpi.Request;
import io.jmpi.Status;

/**
 * The point-to-point calls a ping-pong uses, the same at both ends: the benchmark's rank and its echo.
 */
public enum PingPongMode
{
    /** Blocking standard-mode send (MPI_Send) and blocking receive into a caller-owned status (MPI_Recv). */
    SEND
    {
        void send(final Comm comm, final byte[] buffer, final int length, final int peer, final int tag)
        {
            comm.send(buffer, 0, length, peer, tag);
        }

        int receive(
            final Comm comm, final byte[] buffer, final int length, final int peer, final int tag, final Status status)
        {
            comm.recv(buffer, 0, length, peer, tag, status);
            return status.tag();
        }
    },

    /**
     * Non-blocking send and receive (MPI_Isend, MPI_Irecv) each completed with MPI_Wait; a round trip posts its
     * receive before it sends.
     */
    ISEND
    {
        void send(final Comm comm, final byte[] buffer, final int length, final int peer, final int tag)
        {
            comm.isend(buffer, 0, length, peer, tag).waitFor();
        }

        int receive(
            final Comm comm, final byte[] buffer, final int length, final int peer, final int tag, final Status status)
        {
            return comm.irecv(buffer, 0, length, peer, tag).waitFor().tag();
        }

        void roundTrip(
            final Comm comm, final byte[] buffer, final int length, final int peer, final int tag, final Status status)
        {
            final Request reply = comm.irecv(buffer, 0, length, peer, tag);
            comm.isend(buffer, 0, length, peer, tag).waitFor();
            reply.waitFor();
        }
    },

    /** Blocking synchronous-mode send (MPI_Ssend), which returns once the receive has matched, and MPI_Recv. */
    SSEND
    {
        void send(final Comm comm, final byte[] buffer, final int length, final int peer, final int tag)
        {
            comm.ssend(buffer, 0, length, peer, tag);
        }

        int receive(
            final Comm comm, final byte[] buffer, final int length, final int peer, final int tag, final Status status)
        {
            comm.recv(buffer, 0, length, peer, tag, status);
            return status.tag();
        }
    };

    /**
     * Send a message and return once the mode says the buffer may be reused.
     *
     * @param comm   communicator.
     * @param buffer the message.
     * @param length bytes to send.
     * @param peer   destination rank.
     * @param tag    tag of the message.
     */
    abstract void send(Comm comm, byte[] buffer, int length, int peer, int tag);

    /**
     * Receive one message.
     *
     * @param comm   communicator.
     * @param buffer where the message goes.
     * @param length capacity in bytes.
     * @param peer   source rank.
     * @param tag    tag, or {@link io.jmpi.Mpi#ANY_TAG}.
     * @param status status to fill where the mode receives into a caller-owned one.
     * @return the tag of the message received.
     */
    abstract int receive(Comm comm, byte[] buffer, int length, int peer, int tag, Status status);

    /**
     * Send a message to the echo and receive its reply into the same buffer.
     *
     * @param comm   communicator.
     * @param buffer the message, then the reply.
     * @param length bytes each way.
     * @param peer   rank of the echo.
     * @param tag    tag of both messages.
     * @param status status to fill where the mode receives into a caller-owned one.
     */
    void roundTrip(
        final Comm comm, final byte[] buffer, final int length, final int peer, final int tag, final Status status)
    {
        send(comm, buffer, length, peer, tag);
        receive(comm, buffer, length, peer, tag, status);
    }
}
