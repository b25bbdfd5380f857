package mpi;

import io.jmpi.ErrorClass;
import io.jmpi.MpiException;

import java.nio.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The collectives that jmpi's runtime does not provide and this face builds from non-blocking sends and receives on
 * the communicator's side channel ({@link Comm#side()}): MPI_Alltoallw and the neighbour collectives of process
 * topologies. Every receive is posted before any send, so an exchange cannot deadlock; it completes when all its
 * requests have, and then unpacks what it received.
 */
final class Exchange
{
    private final List<io.jmpi.Request> requests = new ArrayList<>();
    private final List<Region> received = new ArrayList<>();

    private Exchange()
    {
    }

    /**
     * MPI_Alltoallw over direct buffers: block i goes to process i, from byte {@code sDispls[i]} of the send buffer.
     */
    static Exchange allToAllw(final Comm comm, final Buffer sendBuf, final int[] sendCount, final int[] sDispls,
        final Datatype[] sendTypes, final Buffer recvBuf, final int[] recvCount, final int[] rDispls,
        final Datatype[] recvTypes)
    {
        final io.jmpi.Comm side = comm.side();
        final int size = side.size();
        check(sendCount, size, "send counts");
        check(sDispls, size, "send displacements");
        check(sendTypes, size, "send types");
        check(recvCount, size, "receive counts");
        check(rDispls, size, "receive displacements");
        check(recvTypes, size, "receive types");
        final Exchange exchange = new Exchange();
        for (int i = 0; i < size; i++)
        {
            final Region recv = Region.at(recvBuf, rDispls[i], recvCount[i], recvTypes[i]);
            exchange.received.add(recv);
            exchange.requests.add(side.irecv(recv.target, recv.offset, recv.count, i, 0));
        }
        for (int i = 0; i < size; i++)
        {
            final Region send = Region.at(sendBuf, sDispls[i], sendCount[i], sendTypes[i]);
            exchange.requests.add(side.isend(send.target, send.offset, send.count, i, 0));
        }
        return exchange;
    }

    /**
     * MPI_Neighbor_allgather ({@code blocks} false: the same items to every out-neighbour) or
     * MPI_Neighbor_alltoall ({@code blocks} true: block k to out-neighbour k).
     */
    static Exchange neighbors(final Comm comm, final Object sendbuf, final int sendcount, final Datatype sendtype,
        final Object recvbuf, final int recvcount, final Datatype recvtype, final boolean blocks)
    {
        final int[][] neighbours = comm.neighbours();
        final int[] sources = neighbours[0];
        final int[] destinations = neighbours[1];
        final io.jmpi.Comm side = comm.side();
        final Exchange exchange = new Exchange();
        final Region recv = Region.of(recvbuf, recvcount * sources.length, recvtype);
        final int recvBlock = recvcount * recv.perItem;
        for (int j = 0; j < sources.length; j++)
        {
            exchange.requests.add(side.irecv(recv.target, recv.offset + j * recvBlock, recvBlock, sources[j],
                comm.recvTag(j)));
        }
        exchange.received.add(recv);
        final Region send = Region.of(sendbuf, blocks ? sendcount * destinations.length : sendcount, sendtype);
        final int sendBlock = sendcount * send.perItem;
        for (int k = 0; k < destinations.length; k++)
        {
            exchange.requests.add(side.isend(send.target, send.offset + (blocks ? k * sendBlock : 0), sendBlock,
                destinations[k], comm.sendTag(k)));
        }
        return exchange;
    }

    /**
     * MPI_Neighbor_allgatherv (null {@code sendcount}: {@code sendItems} items to every out-neighbour) or
     * MPI_Neighbor_alltoallv (a count and displacement per out-neighbour).
     */
    static Exchange neighborsV(final Comm comm, final Object sendbuf, final int[] sendcount, final int[] sdispls,
        final int sendItems, final Datatype sendtype, final Object recvbuf, final int[] recvcount,
        final int[] rdispls, final Datatype recvtype)
    {
        final int[][] neighbours = comm.neighbours();
        final int[] sources = neighbours[0];
        final int[] destinations = neighbours[1];
        final io.jmpi.Comm side = comm.side();
        final Exchange exchange = new Exchange();
        final Region recv = Region.of(recvbuf, Comm.span(recvcount, rdispls, sources.length), recvtype);
        for (int j = 0; j < sources.length; j++)
        {
            exchange.requests.add(side.irecv(recv.target, recv.offset + rdispls[j] * recv.perItem,
                recvcount[j] * recv.perItem, sources[j], comm.recvTag(j)));
        }
        exchange.received.add(recv);
        final boolean varying = null != sendcount;
        final Region send = Region.of(sendbuf,
            varying ? Comm.span(sendcount, sdispls, destinations.length) : sendItems, sendtype);
        for (int k = 0; k < destinations.length; k++)
        {
            final int at = varying ? sdispls[k] * send.perItem : 0;
            final int length = (varying ? sendcount[k] : sendItems) * send.perItem;
            exchange.requests.add(side.isend(send.target, send.offset + at, length, destinations[k],
                comm.sendTag(k)));
        }
        return exchange;
    }

    /**
     * Wait for every message of the exchange, then unpack what it received.
     */
    void waitAll()
    {
        io.jmpi.Request.waitAll(requests.toArray(new io.jmpi.Request[0]));
        unpack();
    }

    /**
     * @param comm the communicator whose error handler takes the exchange's errors.
     * @return the exchange as a non-blocking request.
     */
    Request request(final Comm comm)
    {
        return new Request(comm, requests.toArray(new io.jmpi.Request[0]), this::unpack);
    }

    private void unpack()
    {
        for (final Region region : received)
        {
            region.unpack();
        }
    }

    private static void check(final Object array, final int size, final String what)
    {
        if (null == array || java.lang.reflect.Array.getLength(array) < size)
        {
            throw new MpiException(ErrorClass.ERR_ARG, what + " need an entry for each of the " + size +
                " processes");
        }
    }
}
