/*
 * coll_bench: the cost of MPI collectives on Open MPI, the C side of benchmarks/colls-vs-c.sh; its Java twin,
 * io.jmpi.bench.osu.CollectivesVsC, runs the same cases with the same loop counts on jmpi.
 *
 *   mpicc -O2 -o coll_bench benchmarks/src/main/c/coll_bench.c
 *   mpirun -np 4 ./coll_bench [--quick]
 *
 * Cases: barrier; bcast of 8 B, 64 KiB and 1 MiB from a rotating root (call i has root i % size); reduce to root 0
 * and allreduce, MPI_SUM of doubles, of 8 B, 8 KiB and 1 MiB; gather and scatter (root 0), allgather and alltoall
 * of 1 KiB and 64 KiB per rank (MPI_BYTE).
 *
 * For each case, after a barrier: the cold cost, the average of the first COLD_CALLS calls of the case; then
 * rounds of WARMUP_FACTOR * N calls of warm-up until rank 0 has warmed up for WARMUP_MIN_SECONDS (a JIT needs time,
 * not only calls; both sides do the same); then the steady cost, the average of N calls, with N = 5000 up to 8 KiB,
 * 1000 for 64 KiB and 200 for 1 MiB. Each average is rank 0's time from just after a barrier to just after a
 * barrier that follows the calls, divided by the calls. --quick divides COLD_CALLS and N by QUICK_DIVISOR, to check
 * that everything runs.
 *
 * Rank 0 prints one line per case: "case NAME cold_us X steady_us Y".
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIB 1024
#define MIB (1024 * KIB)
#define COLD_CALLS 1000
#define WARMUP_FACTOR 4
#define QUICK_DIVISOR 10
#define WARMUP_MIN_SECONDS 1.0

enum kind { BARRIER, BCAST, REDUCE, ALLREDUCE, GATHER, SCATTER, ALLGATHER, ALLTOALL };

struct bench_case {
    const char *name;
    enum kind kind;
    int bytes; /* the message; per rank for gather, scatter, allgather and alltoall */
};

static const struct bench_case CASES[] = {
    { "barrier", BARRIER, 0 },
    { "bcast_8B", BCAST, 8 },
    { "bcast_64KiB", BCAST, 64 * KIB },
    { "bcast_1MiB", BCAST, MIB },
    { "reduce_8B", REDUCE, 8 },
    { "reduce_8KiB", REDUCE, 8 * KIB },
    { "reduce_1MiB", REDUCE, MIB },
    { "allreduce_8B", ALLREDUCE, 8 },
    { "allreduce_8KiB", ALLREDUCE, 8 * KIB },
    { "allreduce_1MiB", ALLREDUCE, MIB },
    { "gather_1KiB", GATHER, KIB },
    { "gather_64KiB", GATHER, 64 * KIB },
    { "scatter_1KiB", SCATTER, KIB },
    { "scatter_64KiB", SCATTER, 64 * KIB },
    { "allgather_1KiB", ALLGATHER, KIB },
    { "allgather_64KiB", ALLGATHER, 64 * KIB },
    { "alltoall_1KiB", ALLTOALL, KIB },
    { "alltoall_64KiB", ALLTOALL, 64 * KIB },
};

static int rank;
static int size;
/* Large enough for every case: size blocks of the largest per-rank block, or the largest message. */
static char *send_buffer;
static char *recv_buffer;

/* N: 5000 calls up to 8 KiB, 1000 up to 64 KiB, 200 above. */
static int steady_calls(const int bytes)
{
    if (bytes <= 8 * KIB) {
        return 5000;
    }
    return bytes <= 64 * KIB ? 1000 : 200;
}

static void call(const struct bench_case *c, const int i)
{
    const int doubles = c->bytes / (int)sizeof(double);
    switch (c->kind) {
    case BARRIER:
        MPI_Barrier(MPI_COMM_WORLD);
        break;
    case BCAST:
        MPI_Bcast(recv_buffer, c->bytes, MPI_BYTE, i % size, MPI_COMM_WORLD);
        break;
    case REDUCE:
        MPI_Reduce(send_buffer, recv_buffer, doubles, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
        break;
    case ALLREDUCE:
        MPI_Allreduce(send_buffer, recv_buffer, doubles, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        break;
    case GATHER:
        MPI_Gather(send_buffer, c->bytes, MPI_BYTE, recv_buffer, c->bytes, MPI_BYTE, 0, MPI_COMM_WORLD);
        break;
    case SCATTER:
        MPI_Scatter(send_buffer, c->bytes, MPI_BYTE, recv_buffer, c->bytes, MPI_BYTE, 0, MPI_COMM_WORLD);
        break;
    case ALLGATHER:
        MPI_Allgather(send_buffer, c->bytes, MPI_BYTE, recv_buffer, c->bytes, MPI_BYTE, MPI_COMM_WORLD);
        break;
    case ALLTOALL:
        MPI_Alltoall(send_buffer, c->bytes, MPI_BYTE, recv_buffer, c->bytes, MPI_BYTE, MPI_COMM_WORLD);
        break;
    }
}

/* Rank 0's average time per call of `calls` calls, in µs, from a barrier to a barrier. */
static double time_calls(const struct bench_case *c, const int calls)
{
    MPI_Barrier(MPI_COMM_WORLD);
    const double start = MPI_Wtime();
    for (int i = 0; i < calls; i++) {
        call(c, i);
    }
    MPI_Barrier(MPI_COMM_WORLD);
    return (MPI_Wtime() - start) * 1e6 / calls;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int divisor = 1;
    for (int a = 1; a < argc; a++) {
        if (0 == strcmp(argv[a], "--quick")) {
            divisor = QUICK_DIVISOR;
        } else {
            if (0 == rank) {
                fprintf(stderr, "coll_bench: unknown argument '%s'; usage: coll_bench [--quick]\n", argv[a]);
            }
            MPI_Abort(MPI_COMM_WORLD, 2);
        }
    }

    const size_t buffer_bytes = (size_t)size * 64 * KIB > MIB ? (size_t)size * 64 * KIB : MIB;
    send_buffer = malloc(buffer_bytes);
    recv_buffer = malloc(buffer_bytes);
    if (NULL == send_buffer || NULL == recv_buffer) {
        fprintf(stderr, "coll_bench: rank %d cannot allocate 2 x %zu bytes\n", rank, buffer_bytes);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* Doubles of value rank + 1, which stay finite under any number of sums. */
    for (size_t d = 0; d < buffer_bytes / sizeof(double); d++) {
        ((double *)send_buffer)[d] = rank + 1.0;
    }
    memset(recv_buffer, 0, buffer_bytes);

    for (size_t k = 0; k < sizeof(CASES) / sizeof(CASES[0]); k++) {
        const struct bench_case *c = &CASES[k];
        const int n = steady_calls(c->bytes) / divisor;
        const double cold_us = time_calls(c, COLD_CALLS / divisor);
        const double warmup_start = MPI_Wtime();
        int warming = 1;
        while (warming) {
            for (int i = 0; i < WARMUP_FACTOR * n; i++) {
                call(c, i);
            }
            warming = MPI_Wtime() - warmup_start < WARMUP_MIN_SECONDS / divisor;
            MPI_Bcast(&warming, 1, MPI_INT, 0, MPI_COMM_WORLD);
        }
        const double steady_us = time_calls(c, n);
        if (0 == rank) {
            printf("case %s cold_us %.3f steady_us %.3f\n", c->name, cold_us, steady_us);
            fflush(stdout);
        }
    }

    free(send_buffer);
    free(recv_buffer);
    MPI_Finalize();
    return 0;
}
