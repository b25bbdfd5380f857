#!/usr/bin/env bash
# p2p-vs-c.sh: jmpi's point-to-point beside Open MPI's and raw Aeron's, and jmpi's start-up, as Markdown tables.
#
#   benchmarks/p2p-vs-c.sh [--no-build] [--no-wait] [--plots=DIRECTORY]
#
# On 2 ranks, runs benchmarks/src/main/c/p2p_bench.c under mpirun, its Java twin io.jmpi.bench.osu.P2pVsC under
# bin/jrun and the same ping-pong on raw Aeron IPC, io.jmpi.bench.AeronPingPong, P2P_BENCH_REPEAT times in turn,
# and prints the medians: ping-pong latency from 0 B to 4 MiB (mean, median and 99th percentile of the half round
# trips), osu_bw-style bandwidth from 1 B to 4 MiB (windows of 64 messages from 64 distinct buffers) and the cold
# first 100 round trips of 8 B (the loops are described in the programs). Then the wall-clock time of
# `bin/jrun -np N -cp examples/target/jmpi-examples.jar io.jmpi.examples.Hello` for N = 1, 4, 16, 32 and 64, and,
# in one more run of the largest N with a sampler, the peak /dev/shm use of its job directory and the resident
# memory of its JVMs. Tables go to standard output, progress and warnings to standard error, so
# `benchmarks/p2p-vs-c.sh > tables.md` keeps only the tables. At the end, benchmarks/plot-tables.sh plots them:
# p2p-latency.svg, p2p-bandwidth.svg and startup.svg.
#
#   --no-build         use the existing jars instead of running mvn package
#   --no-wait          do not wait (up to 5 minutes) for the 1-minute load average to fall below 0.5 before the
#                      point-to-point runs and before the start-up runs
#   --plots=DIRECTORY  where the plots go (default benchmarks/target/plots, so that a new run never overwrites
#                      benchmarks/plots, the plots of the tables recorded in RESULTS.md)
#   P2P_BENCH_QUICK=1  divide the loop counts and the warm-up time by 10, and time start-up for 1 and 4 ranks
#                      only: a quick check that everything runs, not a measurement
#   P2P_BENCH_REPEAT   runs of each side (C, jmpi and Aeron in turn) and of each start-up (default 3); the tables
#                      give the median of each figure, as one run on a shared machine can be off by 2x either way
#   P2P_BENCH_BUFFERS  heap (default), direct or shared: jmpi's messages in byte[], in direct ByteBuffers or in
#                      shared memory from Mpi.allocMem (large messages then copy once)
#   JMPI_JAVA_OPTS     JVM options for every jmpi rank, split on spaces, e.g. "-Djmpi.idle=yield -Xmx1g"; the raw
#                      Aeron JVM gets them too, and hands the jmpi.* properties among them to its echo
#
# Open MPI (mpicc, mpirun) and gnuplot are installed with apt-get when missing and this runs as root.
set -euo pipefail

# A job that runs longer than this many seconds is ended and reported as failed.
readonly RUN_TIMEOUT_SECONDS=1800
readonly MAIN_CLASS=io.jmpi.bench.osu.P2pVsC
readonly AERON_CLASS=io.jmpi.bench.AeronPingPong
readonly HELLO_CLASS=io.jmpi.examples.Hello
# How long to wait for a quiet machine before each part, and what counts as quiet.
readonly QUIET_WAIT_SECONDS=300
readonly QUIET_LOAD=0.5
# How often the sampled start-up run reads /dev/shm and the JVMs' resident memory.
readonly SAMPLE_SECONDS=0.2

repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/benchmarks/target/benchmarks.jar"
examples_jar="$repo/examples/target/jmpi-examples.jar"
launcher_jar="$repo/launcher/target/jmpi-launcher.jar"
# The JVM flags Aeron needs, which the build writes for bin/jrun; the raw Aeron JVM is started without jrun.
jvm_flags="$repo/launcher/target/classes/io/jmpi/launcher/jvm.flags"

die()
{
    echo "p2p-vs-c: error: $*" >&2
    exit 1
}

usage()
{
    sed -n '2,29s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

build=true
wait_quiet=true
plots="$repo/benchmarks/target/plots"
for arg in "$@"; do
    case "$arg" in
        --no-build) build=false ;;
        --no-wait) wait_quiet=false ;;
        --plots=?*) plots="${arg#--plots=}" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "p2p-vs-c: '$arg' is not an option" >&2; usage >&2; exit 2 ;;
    esac
done

repeat="${P2P_BENCH_REPEAT:-3}"
case "$repeat" in
    ''|*[!0-9]*|0) die "P2P_BENCH_REPEAT=$repeat is not a positive number" ;;
esac
buffers="${P2P_BENCH_BUFFERS:-heap}"
case "$buffers" in
    heap|direct|shared) ;;
    *) die "P2P_BENCH_BUFFERS=$buffers is not heap, direct or shared" ;;
esac
quick=()
startup_ranks=(1 4 16 32 64)
if [ "${P2P_BENCH_QUICK:-0}" = 1 ]; then
    quick=(--quick)
    startup_ranks=(1 4)
    echo "p2p-vs-c: P2P_BENCH_QUICK=1: loop counts divided by 10, the numbers are not a measurement" >&2
fi

java_opts=()
jvm_args=()
if [ -n "${JMPI_JAVA_OPTS:-}" ]; then
    read -r -a java_opts <<< "$JMPI_JAVA_OPTS"
    for opt in "${java_opts[@]}"; do
        jvm_args+=("-J$opt")
    done
fi
if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
else
    java="java"
fi

if ! command -v mpicc > /dev/null || ! command -v mpirun > /dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        die "Open MPI is not installed; install it with: sudo apt-get install -y openmpi-bin libopenmpi-dev"
    fi
    echo "p2p-vs-c: installing Open MPI" >&2
    apt-get update -q > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q openmpi-bin libopenmpi-dev > /dev/null ||
        die "apt-get install -y openmpi-bin libopenmpi-dev failed"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/p2p-vs-c.XXXXXX")"
# The sampled start-up job runs in the background: end it (jrun then ends its ranks) if this script stops early.
sampled_pid=
trap '[ -z "$sampled_pid" ] || kill "$sampled_pid" 2> /dev/null || true; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

mpicc -O2 -Wall -o "$tmp/p2p_bench" "$repo/benchmarks/src/main/c/p2p_bench.c" ||
    die "mpicc could not build benchmarks/src/main/c/p2p_bench.c"

if [ "$build" = false ] && [ -f "$jar" ] && [ -f "$examples_jar" ] && [ -f "$launcher_jar" ] && [ -f "$jvm_flags" ]
then
    echo "p2p-vs-c: --no-build: using $jar and $examples_jar" >&2
else
    echo "p2p-vs-c: building jmpi (mvn -q -DskipTests package)" >&2
    (cd "$repo" && mvn -q -DskipTests package) || die "the jmpi build failed"
fi

# run LABEL OUTPUT COMMAND...: run a job, its output to OUTPUT; on failure, or if it printed no figure, show that
# output and stop.
run()
{
    local label="$1" output="$2"
    shift 2
    local start=$SECONDS
    echo "p2p-vs-c: $label ..." >&2
    if ! "$@" > "$output" 2>&1; then
        echo "p2p-vs-c: $label failed; its output:" >&2
        sed 's/^/    /' "$output" >&2
        die "$label failed (command: $*)"
    fi
    local figures
    figures="$(grep -c -E '^(cold|latency|bandwidth) ' "$output" || true)"
    [ "$figures" -gt 0 ] || { sed 's/^/    /' "$output" >&2; die "$label printed no figure"; }
    echo "p2p-vs-c: $label done in $((SECONDS - start)) s" >&2
}

# quiet: true once the 1-minute load average is below QUIET_LOAD.
quiet()
{
    awk -v load="$(cut -d ' ' -f 1 /proc/loadavg)" -v quiet="$QUIET_LOAD" 'BEGIN { exit !(load < quiet) }'
}

# settle WHAT: unless --no-wait, wait up to QUIET_WAIT_SECONDS for a quiet machine; then report the load, warn
# when the machine is not quiet, and set load_note to the load for the tables of WHAT.
settle()
{
    if [ "$wait_quiet" = true ] && ! quiet; then
        echo "p2p-vs-c: waiting up to $QUIET_WAIT_SECONDS s for the load average to fall below $QUIET_LOAD" >&2
        local waited=0
        while ! quiet && [ "$waited" -lt "$QUIET_WAIT_SECONDS" ]; do
            sleep 5
            waited=$((waited + 5))
        done
    fi
    local load1 load5 load15
    read -r load1 load5 load15 _ < /proc/loadavg
    echo "p2p-vs-c: $1; /proc/loadavg: $(cat /proc/loadavg)" >&2
    if awk -v load="$load1" -v quiet="$QUIET_LOAD" 'BEGIN { exit !(load >= quiet) }'; then
        {
            echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
            echo "!!! WARNING: 1-minute load average $load1 >= $QUIET_LOAD on $(nproc) cores: the machine"
            echo "!!! is not quiet, and these numbers measure the load as much as MPI. (An"
            echo "!!! earlier run counts too; its share decays over a minute or two.)"
            echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        } >&2
    fi
    load_note="Load average before the runs: $load1 $load5 $load15 (1, 5, 15 min) on $(nproc) cores"
}

# table KIND: the Markdown table of KIND (latency, bandwidth or cold) from the outputs c-*.out, jmpi-*.out and
# aeron-*.out, the median of each figure over the runs, the sizes in the C program's order; fails when jmpi, or
# raw Aeron for latency and cold, lacks a figure that C has.
table()
{
    awk -v kind="$1" '
        function median(list,    values, n, i, j, t) {
            n = split(list, values, " ")
            for (i = 2; i <= n; i++) {
                for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
                    t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
                }
            }
            return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
        }
        function ratio(a, b) { return a != "" && b > 0 ? sprintf("%.2f", a / b) : "n/a" }
        function show(value, format) { return value == "" ? "n/a" : sprintf(format, value) }
        function label(bytes) {
            if (bytes >= 1048576) { return bytes / 1048576 " MiB" }
            return bytes >= 1024 ? bytes / 1024 " KiB" : bytes " B"
        }
        # The median over the runs of one field of one figure of one side, or "" if that side never printed it.
        function figure(side, key, field) { return (side SUBSEP key SUBSEP field) in runs ? median(runs[side, key, field]) : "" }
        FNR == 1 { side = FILENAME; sub(/.*\//, "", side); sub(/-[^-]*$/, "", side) }
        $1 == "cold" || $1 == "latency" || $1 == "bandwidth" {
            key = $1 " " $2
            if ($1 == kind && side == "c" && !(key in seen)) { seen[key]; order[++n] = key }
            for (f = 3; f < NF; f += 2) { runs[side, key, $f] = runs[side, key, $f] " " $(f + 1) }
        }
        END {
            if (kind == "latency") {
                print "| size | C median µs | jmpi median µs | Aeron median µs | jmpi/C | jmpi/Aeron | C mean µs | jmpi mean µs | Aeron mean µs | C p99 µs | jmpi p99 µs | Aeron p99 µs |"
                print "|-----:|------------:|---------------:|----------------:|-------:|-----------:|----------:|-------------:|--------------:|---------:|------------:|-------------:|"
            } else if (kind == "bandwidth") {
                print "| size | C MB/s | jmpi MB/s | jmpi/C |"
                print "|-----:|-------:|----------:|-------:|"
            } else {
                print "| size | C µs | jmpi µs | Aeron µs | jmpi/C | jmpi/Aeron | jmpi cold/steady |"
                print "|-----:|-----:|--------:|---------:|-------:|-----------:|-----------------:|"
            }
            missing = 0
            for (i = 1; i <= n; i++) {
                k = order[i]
                split(k, words, " ")
                if (kind == "bandwidth") {
                    c = figure("c", k, "mb_per_s"); j = figure("jmpi", k, "mb_per_s")
                    missing += j == ""
                    printf "| %s | %s | %s | %s |\n", label(words[2]), show(c, "%.1f"), show(j, "%.1f"), ratio(j, c)
                    continue
                }
                c = figure("c", k, kind == "latency" ? "median_us" : "mean_us")
                j = figure("jmpi", k, kind == "latency" ? "median_us" : "mean_us")
                a = figure("aeron", k, kind == "latency" ? "median_us" : "mean_us")
                missing += (j == "") + (a == "")
                if (kind == "latency") {
                    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label(words[2]),
                        show(c, "%.2f"), show(j, "%.2f"), show(a, "%.2f"), ratio(j, c), ratio(j, a),
                        show(figure("c", k, "mean_us"), "%.2f"), show(figure("jmpi", k, "mean_us"), "%.2f"),
                        show(figure("aeron", k, "mean_us"), "%.2f"), show(figure("c", k, "p99_us"), "%.2f"),
                        show(figure("jmpi", k, "p99_us"), "%.2f"), show(figure("aeron", k, "p99_us"), "%.2f")
                } else {
                    printf "| %s | %s | %s | %s | %s | %s | %s |\n", label(words[2]),
                        show(c, "%.2f"), show(j, "%.2f"), show(a, "%.2f"), ratio(j, c), ratio(j, a),
                        ratio(j, figure("jmpi", "latency " words[2], "mean_us"))
                }
            }
            exit missing > 0
        }' "$tmp"/c-*.out "$tmp"/jmpi-*.out "$tmp"/aeron-*.out
}

settle "point-to-point, 2 ranks"
p2p_load_note="$load_note"
for run_number in $(seq "$repeat"); do
    run "Open MPI, run $run_number of $repeat" "$tmp/c-$run_number.out" \
        mpirun --allow-run-as-root --oversubscribe --timeout "$RUN_TIMEOUT_SECONDS" -np 2 \
        "$tmp/p2p_bench" "${quick[@]}"
    run "jmpi, run $run_number of $repeat" "$tmp/jmpi-$run_number.out" \
        "$repo/bin/jrun" -np 2 --no-prefix --timeout "$RUN_TIMEOUT_SECONDS" "${jvm_args[@]}" -cp "$jar" \
        "$MAIN_CLASS" "${quick[@]}" --buffers "$buffers"
    run "raw Aeron, run $run_number of $repeat" "$tmp/aeron-$run_number.out" \
        timeout "$RUN_TIMEOUT_SECONDS" "$java" "@$jvm_flags" "${java_opts[@]}" -cp "$jar" "$AERON_CLASS" "${quick[@]}"
done

note="$p2p_load_note; medians of $repeat runs; $(mpirun --version | head -n 1), $("$java" -version 2>&1 | head -n 1)"
[ "${#quick[@]}" -eq 0 ] || note+="; quick mode: loop counts and warm-up / 10"
note+="; jmpi buffers: $buffers"
[ -z "${JMPI_JAVA_OPTS:-}" ] || note+="; jmpi JVM options: \`$JMPI_JAVA_OPTS\`"
outputs()
{
    cat "$tmp"/c-*.out "$tmp"/jmpi-*.out "$tmp"/aeron-*.out
}
# The tables go to standard output and, for the plots, to tables.md.
exec 3>&1 > >(tee "$tmp/tables.md" >&3)
tee_pid=$!
echo
echo "### Point-to-point, 2 ranks"
echo
echo "$note."
echo
echo "Latency: half round trip, each round trip timed on its own; median, mean and 99th percentile of the"
echo "samples; the ratios are of the medians."
echo
table latency || die "jmpi or raw Aeron printed fewer latency figures than Open MPI; outputs:
$(outputs)"
echo
echo "Bandwidth: windows of 64 non-blocking sends from 64 distinct buffers, then a 1-byte acknowledgement"
echo "(osu_bw's loop); jmpi/C above 1 means jmpi is faster. Raw Aeron's harness is a ping-pong and has no"
echo "bandwidth figure."
echo
table bandwidth || die "jmpi printed fewer bandwidth figures than Open MPI; outputs:
$(outputs)"
echo
echo "Cold: the mean half round trip of the first 100 round trips of 8 B straight after init (raw Aeron: after"
echo "both ends connected); cold/steady is against the steady mean of 8 B above."
echo
table cold || die "jmpi or raw Aeron printed no cold figure; outputs:
$(outputs)"

# startup_seconds NP OUTPUT: set seconds to the wall-clock time of one Hello job of NP ranks, its output to OUTPUT;
# stops unless every rank said hello.
startup_seconds()
{
    local np="$1" output="$2" start end
    start="$(date +%s%N)"
    if ! "$repo/bin/jrun" -np "$np" --timeout "$RUN_TIMEOUT_SECONDS" "${jvm_args[@]}" -cp "$examples_jar" \
        "$HELLO_CLASS" > "$output" 2>&1; then
        sed 's/^/    /' "$output" >&2
        die "the start-up job of $np ranks failed"
    fi
    end="$(date +%s%N)"
    [ "$(grep -c 'Hello from rank' "$output" || true)" -eq "$np" ] ||
        { sed 's/^/    /' "$output" >&2; die "not every one of $np ranks said hello"; }
    seconds="$(awk -v ns="$((end - start))" 'BEGIN { printf "%.3f", ns / 1e9 }')"
}

# sample_job NP: one more Hello job of NP ranks, under a job id of its own so that its directory is known, sampled
# every SAMPLE_SECONDS while it runs: the disk use of the job directory in /dev/shm (du counts the pages written,
# as the logs are sparse files) and the resident memory (ps -o rss) of jrun's JVM, which hosts the media driver,
# and of the ranks, its children (bin/jrun execs that JVM, so its pid is the background job's). Sets the peaks, in
# KiB: shm, ranks_total (with ranks_counted, the ranks alive at that sample), largest (one rank) and jrun_rss.
sample_job()
{
    local np="$1"
    local job_id="p2p-vs-c-$$-$np"
    local directory="/dev/shm/jmpi-$job_id"
    local kib sum count max
    shm=0 ranks_total=0 ranks_counted=0 largest=0 jrun_rss=0
    "$repo/bin/jrun" -np "$np" --job-id "$job_id" --timeout "$RUN_TIMEOUT_SECONDS" "${jvm_args[@]}" \
        -cp "$examples_jar" "$HELLO_CLASS" > "$tmp/sampled.out" 2>&1 &
    sampled_pid=$!
    while kill -0 "$sampled_pid" 2> /dev/null; do
        kib="$(du -sk "$directory" 2> /dev/null | cut -f 1 || true)"
        if [ -n "$kib" ] && [ "$kib" -gt "$shm" ]; then
            shm="$kib"
        fi
        read -r sum count max < <(ps --ppid "$sampled_pid" -o rss= 2> /dev/null |
            awk '{ sum += $1; count++; if ($1 > max) max = $1 } END { print sum + 0, count + 0, max + 0 }')
        if [ "$sum" -gt "$ranks_total" ]; then
            ranks_total="$sum"
            ranks_counted="$count"
        fi
        if [ "$max" -gt "$largest" ]; then
            largest="$max"
        fi
        kib="$(ps -p "$sampled_pid" -o rss= 2> /dev/null | tr -d ' ' || true)"
        if [ -n "$kib" ] && [ "$kib" -gt "$jrun_rss" ]; then
            jrun_rss="$kib"
        fi
        sleep "$SAMPLE_SECONDS"
    done
    if ! wait "$sampled_pid"; then
        sampled_pid=
        sed 's/^/    /' "$tmp/sampled.out" >&2
        die "the sampled start-up job of $np ranks failed"
    fi
    sampled_pid=
}

settle "start-up, ${startup_ranks[*]} ranks"
echo
echo "### Start-up"
echo
echo "$load_note; medians of $repeat runs of \`bin/jrun -np N -cp examples/target/jmpi-examples.jar $HELLO_CLASS\`" \
    "(with \`--timeout $RUN_TIMEOUT_SECONDS\`$([ "${#jvm_args[@]}" -eq 0 ] || echo " ${jvm_args[*]}")), wall clock from" \
    "the command to its exit."
echo
echo "| ranks | seconds | seconds per rank |"
echo "|------:|--------:|-----------------:|"
for np in "${startup_ranks[@]}"; do
    times=""
    for run_number in $(seq "$repeat"); do
        echo "p2p-vs-c: start-up, $np ranks, run $run_number of $repeat ..." >&2
        startup_seconds "$np" "$tmp/hello-$np-$run_number.out"
        times+=" $seconds"
    done
    echo "p2p-vs-c: start-up, $np ranks: seconds$times" >&2
    echo "$times" | awk -v np="$np" '{
        n = split($0, values, " ")
        for (i = 2; i <= n; i++) {
            for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
                t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
            }
        }
        median = n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
        printf "| %d | %.2f | %.3f |\n", np, median, median / np
    }'
done

largest_np="${startup_ranks[${#startup_ranks[@]} - 1]}"
echo "p2p-vs-c: start-up, $largest_np ranks, sampled run ..." >&2
sample_job "$largest_np"
echo
echo "Memory of one more run of $largest_np ranks, sampled every $SAMPLE_SECONDS s: the peak disk use of the job's"
echo "directory in /dev/shm (du), and the peak resident memory (ps -o rss) of the rank JVMs (their total over the"
echo "ranks alive at that sample, per rank) and of jrun's JVM, which hosts the media driver."
echo
echo "| ranks | /dev/shm of the job MiB | RSS per rank MiB | largest rank RSS MiB | jrun RSS MiB |"
echo "|------:|------------------------:|-----------------:|---------------------:|-------------:|"
awk -v np="$largest_np" -v shm="$shm" -v total="$ranks_total" -v counted="$ranks_counted" -v largest="$largest" \
    -v jrun="$jrun_rss" 'BEGIN {
        printf "| %d | %.1f | %s | %.1f | %.1f |\n", np, shm / 1024,
            (counted > 0 ? sprintf("%.1f (%d ranks seen)", total / counted / 1024, counted) : "n/a"),
            largest / 1024, jrun / 1024
    }'

# Close the tee and wait for it, so that tables.md is whole before it is plotted.
exec >&3 3>&-
wait "$tee_pid"
"$repo/benchmarks/plot-tables.sh" "$plots" "$tmp/tables.md"
