/*
 * p2p_bench: point-to-point latency and bandwidth on Open MPI, the C side of benchmarks/p2p-vs-c.sh; its Java twin,
 * io.jmpi.bench.osu.P2pVsC, runs the same loops with the same counts on jmpi, and io.jmpi.bench.AeronPingPong the
 * same ping-pong on raw Aeron IPC (both take their counts from io.jmpi.bench.osu.P2pSchedule).
 *
 *   mpicc -O2 -o p2p_bench benchmarks/src/main/c/p2p_bench.c
 *   mpirun -np 2 ./p2p_bench [--quick]
 *
 * Exactly 2 ranks, and in this order:
 * - cold: straight after MPI_Init (which ends in a synchronisation of its own), the first COLD_ROUND_TRIPS
 *   ping-pongs of COLD_BYTES, before anything else has touched the path: their mean half round trip.
 * - latency, for 0 B, then 1 B to 4 MiB in powers of two: rank 0 sends the message with MPI_Send and rank 1 sends it
 *   back; rank 0 times each round trip on its own, and reports the mean, the median and the 99th percentile of the
 *   half round trips (nearest rank: the smallest sample with at least p% of the samples at or below it). N = 10000
 *   round trips up to 8 KiB and 1000 above, osu_latency's counts.
 * - bandwidth, for 1 B to 4 MiB: as osu_bw, windows of WINDOW MPI_Isend at rank 0 matched by as many MPI_Irecv at
 *   rank 1, then MPI_Waitall on both sides and a 1-byte acknowledgement from rank 1. Unlike osu_bw, which sends one
 *   buffer WINDOW times, each message of a window has a buffer of its own (see window()). N = 100 windows up to
 *   8 KiB and 20 above, osu_bw's counts; the bandwidth is the bytes of the N windows over rank 0's time from a
 *   barrier to the last acknowledgement, in MB/s (10^6 bytes per second).
 *
 * Before the N timed round trips or windows of each size: rounds of osu's warm-up count (100 round trips or 10
 * windows up to 8 KiB, 10 or 2 above) until rank 0 has warmed up for WARMUP_MIN_SECONDS (a JIT needs time, not
 * only calls; the Java sides do the same), then a barrier. --quick divides N and WARMUP_MIN_SECONDS by
 * QUICK_DIVISOR, to check that everything runs.
 *
 * Rank 0 prints one line per figure, times in µs:
 *   cold BYTES mean_us X
 *   latency BYTES mean_us X median_us Y p99_us Z
 *   bandwidth BYTES mb_per_s X
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define KIB 1024
#define MIB (1024 * KIB)
#define MAX_BYTES (4 * MIB)
#define LARGE_MESSAGE_BYTES (8 * KIB)
#define WINDOW 64
#define CACHE_LINE 64
#define COLD_BYTES 8
#define COLD_ROUND_TRIPS 100
/* N and the warm-up rounds, osu_latency's and osu_bw's: up to LARGE_MESSAGE_BYTES, then above. */
#define SMALL_ROUND_TRIPS 10000
#define LARGE_ROUND_TRIPS 1000
#define SMALL_WARMUP_ROUND_TRIPS 100
#define LARGE_WARMUP_ROUND_TRIPS 10
#define SMALL_WINDOWS 100
#define LARGE_WINDOWS 20
#define SMALL_WARMUP_WINDOWS 10
#define LARGE_WARMUP_WINDOWS 2
#define QUICK_DIVISOR 10
#define WARMUP_MIN_SECONDS 1.0
#define PING_TAG 1
#define DATA_TAG 2
#define ACK_TAG 3

static int rank;
static int divisor = 1;
/* The ping-pong's message: MAX_BYTES. */
static char *message;
/* The buffers of a window, WINDOW of up to MAX_BYTES each. */
static char *window_buffers;
static char ack;
/* Rank 0's round trips of one size, in ns. */
static int64_t *round_trips_ns;

/* CLOCK_MONOTONIC, the clock of Java's System.nanoTime, so that both sides time with the same clock. */
static int64_t now_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static void round_trip(char *const buffer, const int bytes)
{
    if (0 == rank) {
        MPI_Send(buffer, bytes, MPI_BYTE, 1, PING_TAG, MPI_COMM_WORLD);
        MPI_Recv(buffer, bytes, MPI_BYTE, 1, PING_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Recv(buffer, bytes, MPI_BYTE, 0, PING_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(buffer, bytes, MPI_BYTE, 0, PING_TAG, MPI_COMM_WORLD);
    }
}

static void ping_pong(const int bytes)
{
    round_trip(message, bytes);
}

/* Time `count` round trips one by one into round_trips_ns. */
static void time_round_trips(char *const buffer, const int bytes, const int count)
{
    for (int i = 0; i < count; i++) {
        const int64_t start = now_ns();
        round_trip(buffer, bytes);
        round_trips_ns[i] = now_ns() - start;
    }
}

/*
 * One window. Message j's buffer starts j times the size rounded up to a cache line into window_buffers: the
 * buffers neither overlap nor share a line, and, unlike buffers a power of two apart, do not all fall into one
 * cache set.
 */
static void window(const int bytes)
{
    MPI_Request requests[WINDOW];
    const size_t stride = ((size_t)bytes + CACHE_LINE - 1) / CACHE_LINE * CACHE_LINE;
    for (int j = 0; j < WINDOW; j++) {
        char *const buffer = window_buffers + j * stride;
        if (0 == rank) {
            MPI_Isend(buffer, bytes, MPI_BYTE, 1, DATA_TAG, MPI_COMM_WORLD, &requests[j]);
        } else {
            MPI_Irecv(buffer, bytes, MPI_BYTE, 0, DATA_TAG, MPI_COMM_WORLD, &requests[j]);
        }
    }
    MPI_Waitall(WINDOW, requests, MPI_STATUSES_IGNORE);
    if (0 == rank) {
        MPI_Recv(&ack, 1, MPI_BYTE, 1, ACK_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Send(&ack, 1, MPI_BYTE, 0, ACK_TAG, MPI_COMM_WORLD);
    }
}

/* Rounds of `rounds` steps (round trips or windows) until rank 0 has warmed up for WARMUP_MIN_SECONDS / divisor. */
static void warm_up(void (*const step)(int), const int bytes, const int rounds)
{
    const int64_t start = now_ns();
    int warming = 1;
    while (warming) {
        for (int i = 0; i < rounds; i++) {
            step(bytes);
        }
        warming = now_ns() - start < (int64_t)(WARMUP_MIN_SECONDS * 1e9) / divisor;
        MPI_Bcast(&warming, 1, MPI_INT, 0, MPI_COMM_WORLD);
    }
}

static int compare_ns(const void *a, const void *b)
{
    const int64_t x = *(const int64_t *)a;
    const int64_t y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static double mean_half_us(const int count)
{
    double sum = 0;
    for (int i = 0; i < count; i++) {
        sum += (double)round_trips_ns[i];
    }
    return sum / count / 2e3;
}

/* The nearest-rank percentile of the sorted samples, as a half round trip in µs. */
static double percentile_half_us(const int count, const int percent)
{
    return (double)round_trips_ns[((int64_t)count * percent + 99) / 100 - 1] / 2e3;
}

static void cold(void)
{
    char cold_message[COLD_BYTES] = { 0 };
    time_round_trips(cold_message, COLD_BYTES, COLD_ROUND_TRIPS);
    if (0 == rank) {
        printf("cold %d mean_us %.3f\n", COLD_BYTES, mean_half_us(COLD_ROUND_TRIPS));
        fflush(stdout);
    }
}

static void latency(const int bytes)
{
    const int large = bytes > LARGE_MESSAGE_BYTES;
    const int count = (large ? LARGE_ROUND_TRIPS : SMALL_ROUND_TRIPS) / divisor;
    warm_up(ping_pong, bytes, large ? LARGE_WARMUP_ROUND_TRIPS : SMALL_WARMUP_ROUND_TRIPS);
    MPI_Barrier(MPI_COMM_WORLD);
    time_round_trips(message, bytes, count);
    if (0 == rank) {
        const double mean = mean_half_us(count);
        qsort(round_trips_ns, count, sizeof(round_trips_ns[0]), compare_ns);
        printf("latency %d mean_us %.3f median_us %.3f p99_us %.3f\n", bytes, mean,
            percentile_half_us(count, 50), percentile_half_us(count, 99));
        fflush(stdout);
    }
}

static void bandwidth(const int bytes)
{
    const int large = bytes > LARGE_MESSAGE_BYTES;
    const int count = (large ? LARGE_WINDOWS : SMALL_WINDOWS) / divisor;
    warm_up(window, bytes, large ? LARGE_WARMUP_WINDOWS : SMALL_WARMUP_WINDOWS);
    MPI_Barrier(MPI_COMM_WORLD);
    const int64_t start = now_ns();
    for (int i = 0; i < count; i++) {
        window(bytes);
    }
    const int64_t elapsed_ns = now_ns() - start;
    if (0 == rank) {
        printf("bandwidth %d mb_per_s %.3f\n", bytes, (double)bytes * WINDOW * count / 1e6 / (elapsed_ns / 1e9));
        fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    for (int a = 1; a < argc; a++) {
        if (0 == strcmp(argv[a], "--quick")) {
            divisor = QUICK_DIVISOR;
        } else {
            if (0 == rank) {
                fprintf(stderr, "p2p_bench: unknown argument '%s'; usage: p2p_bench [--quick]\n", argv[a]);
            }
            MPI_Abort(MPI_COMM_WORLD, 2);
        }
    }
    if (2 != size) {
        if (0 == rank) {
            fprintf(stderr, "p2p_bench: needs exactly 2 ranks (mpirun -np 2), not %d\n", size);
        }
        MPI_Abort(MPI_COMM_WORLD, 2);
    }

    round_trips_ns = malloc(SMALL_ROUND_TRIPS * sizeof(round_trips_ns[0]));
    if (NULL == round_trips_ns) {
        fprintf(stderr, "p2p_bench: rank %d cannot allocate its samples\n", rank);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    cold();

    message = malloc(MAX_BYTES);
    window_buffers = malloc((size_t)WINDOW * MAX_BYTES);
    if (NULL == message || NULL == window_buffers) {
        fprintf(stderr, "p2p_bench: rank %d cannot allocate %d + %zu bytes\n", rank, MAX_BYTES,
            (size_t)WINDOW * MAX_BYTES);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* Touched up front, as Java zeroes its buffers, so that no first-touch page fault lands in a timed loop. */
    memset(message, 1, MAX_BYTES);
    memset(window_buffers, 1, (size_t)WINDOW * MAX_BYTES);

    latency(0);
    for (int bytes = 1; bytes <= MAX_BYTES; bytes *= 2) {
        latency(bytes);
    }
    for (int bytes = 1; bytes <= MAX_BYTES; bytes *= 2) {
        bandwidth(bytes);
    }

    free(window_buffers);
    free(message);
    free(round_trips_ns);
    MPI_Finalize();
    return 0;
}
