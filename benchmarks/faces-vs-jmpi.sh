#!/usr/bin/env bash
# faces-vs-jmpi.sh: what the Open MPI Java API layer costs, as Markdown tables: the OSU-style latency, bandwidth,
# bcast and allreduce programs written against jmpi's own API beside the same programs written against the Open MPI
# Java API (examples/openmpi), in one run.
#
#   benchmarks/faces-vs-jmpi.sh [--no-build] [--no-wait] [--plots=DIRECTORY]
#
# Runs io.jmpi.bench.osu.OsuLatency and io.jmpi.examples.openmpi.OsuLatency in turn, then the same for OsuBandwidth
# (2 ranks each), OsuBcast and OsuAllreduce (4 ranks each), FACES_BENCH_REPEAT times, and prints for every size the
# median of each side and their ratio (Open MPI API / jmpi: 1.00 costs nothing). Sizes go up to 1 MiB. Each rank is
# bound to a core (jrun --bind-to core, as mpirun binds by default), which halves the spread of the two-rank
# bandwidth from run to run. Tables go to standard output, progress to standard error. At the end,
# benchmarks/plot-tables.sh plots each table: faces-PROGRAM-N-ranks.svg.
#
#   --no-build          use the existing jars instead of running mvn package
#   --no-wait           do not wait (up to 5 minutes) for the 1-minute load average to fall below 0.5
#   --plots=DIRECTORY   where the plots go (default benchmarks/target/plots, so that a new run never overwrites
#                       benchmarks/plots, the plots of the tables recorded in RESULTS.md)
#   FACES_BENCH_REPEAT  runs of each side of each program (default 3)
#   FACES_BENCH_QUICK=1 few iterations and small sizes: a check that everything runs, not a measurement
#   FACES_BENCH_STEADY=1 sizes up to 64 KiB with long warm-ups (latency -i 100000 -x 20000, bandwidth -i 1000
#                       -x 200, collectives -i 20000 -x 5000): the steady state of both sides once the JIT has
#                       compiled them, where OSU's default 100 warm-up rounds also time the compilation
#   FACES_BENCH_COLL_RANKS ranks of OsuBcast and OsuAllreduce (default 4)
#   FACES_BENCH_PROGRAMS the programs to run, of OsuLatency OsuBandwidth OsuBcast OsuAllreduce (default all four)
#
# gnuplot is installed with apt-get when missing and this runs as root.
set -euo pipefail

readonly RUN_TIMEOUT_SECONDS=900
readonly QUIET_WAIT_SECONDS=300
readonly QUIET_LOAD=0.5

repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jmpi_jar="$repo/benchmarks/target/benchmarks.jar"
face_jar="$repo/examples/openmpi/target/jmpi-examples-openmpi.jar"

die()
{
    echo "faces-vs-jmpi: error: $*" >&2
    exit 1
}

usage()
{
    sed -n '2,25s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
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
        *) echo "faces-vs-jmpi: '$arg' is not an option" >&2; usage >&2; exit 2 ;;
    esac
done

repeat="${FACES_BENCH_REPEAT:-3}"
case "$repeat" in
    ''|*[!0-9]*|0) die "FACES_BENCH_REPEAT=$repeat is not a positive number" ;;
esac
coll_ranks="${FACES_BENCH_COLL_RANKS:-4}"
case "$coll_ranks" in
    ''|*[!0-9]*|0|1) die "FACES_BENCH_COLL_RANKS=$coll_ranks is not a number of ranks above 1" ;;
esac
programs=()
for program in ${FACES_BENCH_PROGRAMS:-OsuLatency OsuBandwidth OsuBcast OsuAllreduce}; do
    case "$program" in
        OsuLatency|OsuBandwidth) programs+=("$program:2") ;;
        OsuBcast|OsuAllreduce) programs+=("$program:$coll_ranks") ;;
        *) die "FACES_BENCH_PROGRAMS: '$program' is not one of OsuLatency OsuBandwidth OsuBcast OsuAllreduce" ;;
    esac
done
# OSU options per program: latency, bandwidth, collectives.
latency_options=(-m 1:1048576)
bandwidth_options=(-m 1:1048576)
coll_options=(-m 1:1048576)
if [ "${FACES_BENCH_QUICK:-0}" = 1 ]; then
    latency_options=(-m 1:4096 -i 50 -x 10)
    bandwidth_options=("${latency_options[@]}")
    coll_options=("${latency_options[@]}")
elif [ "${FACES_BENCH_STEADY:-0}" = 1 ]; then
    latency_options=(-m 1:65536 -i 100000 -x 20000)
    bandwidth_options=(-m 1:65536 -i 1000 -x 200)
    coll_options=(-m 1:65536 -i 20000 -x 5000)
fi

if [ "$build" = true ]; then
    echo "faces-vs-jmpi: building jmpi (mvn -q -DskipTests package)" >&2
    (cd "$repo" && mvn -q -DskipTests package) || die "the jmpi build failed"
fi
[ -f "$jmpi_jar" ] || die "$jmpi_jar not found: run without --no-build"
[ -f "$face_jar" ] || die "$face_jar not found: run without --no-build"

quiet()
{
    awk -v load="$(cut -d ' ' -f 1 /proc/loadavg)" -v quiet="$QUIET_LOAD" 'BEGIN { exit !(load < quiet) }'
}

if [ "$wait_quiet" = true ] && ! quiet; then
    echo "faces-vs-jmpi: waiting up to $QUIET_WAIT_SECONDS s for the load average to fall below $QUIET_LOAD" >&2
    waited=0
    while ! quiet && [ "$waited" -lt "$QUIET_WAIT_SECONDS" ]; do
        sleep 5
        waited=$((waited + 5))
    done
fi
load_before="$(cat /proc/loadavg)"
echo "faces-vs-jmpi: /proc/loadavg before the runs: $load_before" >&2

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# run SIDE PROGRAM NP JAR CLASS REP: one job; its table rows (size value) go to $out/PROGRAM-SIDE-REP.
run()
{
    local side="$1" program="$2" np="$3" jar="$4" class="$5" rep="$6"
    local osu_options=("${coll_options[@]}")
    case "$program" in
        OsuLatency) osu_options=("${latency_options[@]}") ;;
        OsuBandwidth) osu_options=("${bandwidth_options[@]}") ;;
    esac
    local file="$out/$program-$side-$rep"
    # the job's whole output, kept apart from the figures that the tables glob for
    local raw="$out/raw-$program-$side-$rep"
    echo "faces-vs-jmpi: $program, $side, run $rep ..." >&2
    if ! "$repo/bin/jrun" -np "$np" --bind-to core --no-prefix --timeout "$RUN_TIMEOUT_SECONDS" -cp "$jar" "$class" \
        "${osu_options[@]}" > "$raw" 2>&1; then
        sed 's/^/    /' "$raw" >&2
        die "$program on $side failed"
    fi
    awk '/^[0-9]+ +[0-9.]+$/ { print $1, $2 }' "$raw" > "$file"
    [ -s "$file" ] || { sed 's/^/    /' "$raw" >&2; die "$program on $side printed no figure"; }
}

for ((rep = 1; rep <= repeat; rep++)); do
    for entry in "${programs[@]}"; do
        program="${entry%%:*}"
        np="${entry##*:}"
        run jmpi "$program" "$np" "$jmpi_jar" "io.jmpi.bench.osu.$program" "$rep"
        run openmpi-api "$program" "$np" "$face_jar" "io.jmpi.examples.openmpi.$program" "$rep"
    done
done

# The tables go to standard output and, for the plots, to tables.md.
exec 3>&1 > >(tee "$out/tables.md" >&3)
tee_pid=$!
echo "Open MPI Java API over jmpi beside jmpi's own API: medians of $repeat runs each, in turn; OSU options" \
    "latency ${latency_options[*]}, bandwidth ${bandwidth_options[*]}, collectives ${coll_options[*]};" \
    "ranks bound to cores;" \
    "/proc/loadavg before: $load_before; $(date -u '+%Y-%m-%d %H:%M UTC'), commit" \
    "$(git -C "$repo" rev-parse --short HEAD)."
for entry in "${programs[@]}"; do
    program="${entry%%:*}"
    np="${entry##*:}"
    unit="us"
    [ "$program" = OsuBandwidth ] && unit="MB/s"
    echo
    echo "### $program, $np ranks ($unit)"
    echo
    echo "| size | jmpi API | Open MPI Java API | ratio |"
    echo "|-----:|---------:|------------------:|------:|"
    cat "$out/$program"-jmpi-* | sed 's/^/jmpi /' > "$out/$program.all"
    cat "$out/$program"-openmpi-api-* | sed 's/^/face /' >> "$out/$program.all"
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
        {
            if (!($2 in seen)) { seen[$2] = 1; order[++sizes] = $2 }
            figures[$1, $2] = figures[$1, $2] " " $3
        }
        END {
            for (i = 1; i <= sizes; i++) {
                s = order[i]
                a = median(figures["jmpi", s]); b = median(figures["face", s])
                printf "| %s | %.2f | %.2f | %s |\n", s, a, b, (a > 0 ? sprintf("%.2f", b / a) : "n/a")
            }
        }' "$out/$program.all"
done

# Close the tee and wait for it, so that tables.md is whole before it is plotted.
exec >&3 3>&-
wait "$tee_pid"
"$repo/benchmarks/plot-tables.sh" "$plots" "$out/tables.md"
