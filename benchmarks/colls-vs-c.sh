#!/usr/bin/env bash
# colls-vs-c.sh: jmpi's collectives against Open MPI's, side by side, as Markdown tables for benchmarks/RESULTS.md.
#
#   benchmarks/colls-vs-c.sh [--no-build] [--no-wait] [--plots=DIRECTORY] [RANKS...]   (default ranks: 2 4 8)
#
# For each rank count, runs benchmarks/src/main/c/coll_bench.c under mpirun, then its Java twin
# io.jmpi.bench.osu.CollectivesVsC under bin/jrun, COLL_BENCH_REPEAT times in turn, and prints one table: the
# median steady and cold µs per call of each case (the loops are described in both programs). Tables go to standard output, progress and warnings to
# standard error, so `benchmarks/colls-vs-c.sh > tables.md` keeps only the tables. At the end,
# benchmarks/plot-tables.sh plots the steady figures of each rank count N: colls-N-ranks.svg.
#
#   --no-build         use the existing benchmarks/target/benchmarks.jar instead of running mvn package
#   --no-wait          do not wait (up to 5 minutes) for the 1-minute load average to fall below 0.5 before
#                      each rank count
#   --plots=DIRECTORY  where the plots go (default benchmarks/target/plots, so that a new run never overwrites
#                      benchmarks/plots, the plots of the tables recorded in RESULTS.md)
#   COLL_BENCH_QUICK=1 divide every loop count by 10: a quick check that everything runs, not a measurement
#   COLL_BENCH_REPEAT  runs of each side per rank count, alternating C and jmpi (default 3); the table gives the
#                      median of each figure, as one run on a shared machine can be off by 2x either way
#   JMPI_JAVA_OPTS     JVM options for every jmpi rank, split on spaces, e.g. "-Djmpi.idle=yield -Xmx1g"
#
# Open MPI (mpicc, mpirun) and gnuplot are installed with apt-get when missing and this runs as root.
set -euo pipefail

# A job that runs longer than this many seconds is ended and reported as failed.
readonly RUN_TIMEOUT_SECONDS=1800
readonly MAIN_CLASS=io.jmpi.bench.osu.CollectivesVsC
# How long to wait for a quiet machine before each rank count, and what counts as quiet.
readonly QUIET_WAIT_SECONDS=300
readonly QUIET_LOAD=0.5

repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/benchmarks/target/benchmarks.jar"

die()
{
    echo "colls-vs-c: error: $*" >&2
    exit 1
}

usage()
{
    sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

build=true
wait_quiet=true
plots="$repo/benchmarks/target/plots"
ranks=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=false ;;
        --no-wait) wait_quiet=false ;;
        --plots=?*) plots="${arg#--plots=}" ;;
        -h|--help) usage; exit 0 ;;
        *[!0-9]*|''|0) echo "colls-vs-c: '$arg' is not a rank count or an option" >&2; usage >&2; exit 2 ;;
        *) ranks+=("$arg") ;;
    esac
done
[ "${#ranks[@]}" -gt 0 ] || ranks=(2 4 8)

repeat="${COLL_BENCH_REPEAT:-3}"
case "$repeat" in
    ''|*[!0-9]*|0) die "COLL_BENCH_REPEAT=$repeat is not a positive number" ;;
esac
quick=()
if [ "${COLL_BENCH_QUICK:-0}" = 1 ]; then
    quick=(--quick)
    echo "colls-vs-c: COLL_BENCH_QUICK=1: loop counts divided by 10, the numbers are not a measurement" >&2
fi

jvm_args=()
if [ -n "${JMPI_JAVA_OPTS:-}" ]; then
    read -r -a java_opts <<< "$JMPI_JAVA_OPTS"
    for opt in "${java_opts[@]}"; do
        jvm_args+=("-J$opt")
    done
fi

if ! command -v mpicc > /dev/null || ! command -v mpirun > /dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        die "Open MPI is not installed; install it with: sudo apt-get install -y openmpi-bin libopenmpi-dev"
    fi
    echo "colls-vs-c: installing Open MPI" >&2
    apt-get update -q > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q openmpi-bin libopenmpi-dev > /dev/null ||
        die "apt-get install -y openmpi-bin libopenmpi-dev failed"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/colls-vs-c.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

mpicc -O2 -Wall -o "$tmp/coll_bench" "$repo/benchmarks/src/main/c/coll_bench.c" ||
    die "mpicc could not build benchmarks/src/main/c/coll_bench.c"

if [ "$build" = false ] && [ -f "$jar" ] && [ -f "$repo/launcher/target/jmpi-launcher.jar" ]; then
    echo "colls-vs-c: --no-build: using $jar" >&2
else
    echo "colls-vs-c: building jmpi (mvn -q -DskipTests package)" >&2
    (cd "$repo" && mvn -q -DskipTests package) || die "the jmpi build failed"
fi

# run LABEL OUTPUT COMMAND...: run a job, its output to OUTPUT; on failure show that output and stop.
run()
{
    local label="$1" output="$2"
    shift 2
    local start=$SECONDS
    echo "colls-vs-c: $label ..." >&2
    if ! "$@" > "$output" 2>&1; then
        echo "colls-vs-c: $label failed; its output:" >&2
        sed 's/^/    /' "$output" >&2
        die "$label failed (command: $*)"
    fi
    local cases
    cases="$(grep -c '^case ' "$output" || true)"
    [ "$cases" -gt 0 ] || { sed 's/^/    /' "$output" >&2; die "$label printed no 'case' line"; }
    echo "colls-vs-c: $label done in $((SECONDS - start)) s" >&2
}

# table DIRECTORY NP: the Markdown table of one rank count from the outputs c-NP-*.out and jmpi-NP-*.out, the
# median of each figure over the runs, the cases in the C program's order.
table()
{
    awk '
        function median(list,    values, n, i, j, t) {
            n = split(list, values, " ")
            for (i = 2; i <= n; i++) {
                for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
                    t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
                }
            }
            return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
        }
        function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
        $1 != "case" { next }
        FILENAME ~ /\/c-[^\/]*$/ {
            if (!($2 in c_steady)) { order[++n] = $2 }
            c_cold[$2] = c_cold[$2] " " $4; c_steady[$2] = c_steady[$2] " " $6
            next
        }
        { j_cold[$2] = j_cold[$2] " " $4; j_steady[$2] = j_steady[$2] " " $6 }
        END {
            print "| case | C steady µs | jmpi steady µs | jmpi/C | C cold µs | jmpi cold µs | jmpi cold/steady |"
            print "|------|------------:|---------------:|-------:|----------:|-------------:|-----------------:|"
            missing = 0
            for (i = 1; i <= n; i++) {
                k = order[i]
                if (!(k in j_steady)) { missing++; continue }
                cs = median(c_steady[k]); js = median(j_steady[k]); cc = median(c_cold[k]); jc = median(j_cold[k])
                printf "| %s | %.2f | %.2f | %s | %.2f | %.2f | %s |\n", k, cs, js, ratio(js, cs), cc, jc, ratio(jc, js)
            }
            exit missing > 0
        }' "$1"/c-"$2"-*.out "$1"/jmpi-"$2"-*.out
}

# quiet: true once the 1-minute load average is below QUIET_LOAD.
quiet()
{
    awk -v load="$(cut -d ' ' -f 1 /proc/loadavg)" -v quiet="$QUIET_LOAD" 'BEGIN { exit !(load < quiet) }'
}

# The tables go to standard output and, for the plots, to tables.md.
exec 3>&1 > >(tee "$tmp/tables.md" >&3)
tee_pid=$!
for np in "${ranks[@]}"; do
    if [ "$wait_quiet" = true ] && ! quiet; then
        echo "colls-vs-c: waiting up to $QUIET_WAIT_SECONDS s for the load average to fall below $QUIET_LOAD" >&2
        waited=0
        while ! quiet && [ "$waited" -lt "$QUIET_WAIT_SECONDS" ]; do
            sleep 5
            waited=$((waited + 5))
        done
    fi
    read -r load1 load5 load15 _ < /proc/loadavg
    echo "colls-vs-c: $np ranks; /proc/loadavg: $(cat /proc/loadavg)" >&2
    if awk -v load="$load1" 'BEGIN { exit !(load > 0.5) }'; then
        {
            echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
            echo "!!! WARNING: 1-minute load average $load1 > 0.5 on $(nproc) cores: the machine is"
            echo "!!! not quiet, and these numbers measure the load as much as MPI. (An earlier"
            echo "!!! run of this script counts too; its share decays over a minute or two.)"
            echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        } >&2
    fi

    for run_number in $(seq "$repeat"); do
        run "Open MPI, $np ranks, run $run_number of $repeat" "$tmp/c-$np-$run_number.out" \
            mpirun --allow-run-as-root --oversubscribe --timeout "$RUN_TIMEOUT_SECONDS" -np "$np" \
            "$tmp/coll_bench" "${quick[@]}"
        run "jmpi, $np ranks, run $run_number of $repeat" "$tmp/jmpi-$np-$run_number.out" \
            "$repo/bin/jrun" -np "$np" --no-prefix --timeout "$RUN_TIMEOUT_SECONDS" "${jvm_args[@]}" -cp "$jar" \
            "$MAIN_CLASS" "${quick[@]}"
    done

    echo
    echo "### $np ranks"
    echo
    note="Load average before the runs: $load1 $load5 $load15 (1, 5, 15 min) on $(nproc) cores; medians of $repeat runs"
    [ "${#quick[@]}" -eq 0 ] || note+="; quick mode: loop counts / 10"
    [ -z "${JMPI_JAVA_OPTS:-}" ] || note+="; jmpi JVM options: \`$JMPI_JAVA_OPTS\`"
    echo "$note."
    echo
    table "$tmp" "$np" || die "jmpi printed fewer cases than Open MPI at $np ranks; outputs:
$(cat "$tmp"/c-"$np"-*.out "$tmp"/jmpi-"$np"-*.out)"
done

# Close the tee and wait for it, so that tables.md is whole before it is plotted.
exec >&3 3>&-
wait "$tee_pid"
"$repo/benchmarks/plot-tables.sh" "$plots" "$tmp/tables.md"
