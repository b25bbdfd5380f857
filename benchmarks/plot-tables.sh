#!/usr/bin/env bash
# plot-tables.sh: SVG plots of the Markdown tables that the side-by-side benchmark scripts print.
#
#   benchmarks/plot-tables.sh DIRECTORY [FILE...]
#
# Reads the FILEs (standard input when none): Markdown as benchmarks/p2p-vs-c.sh, colls-vs-c.sh and
# faces-vs-jmpi.sh print it, or a page that quotes their tables, such as benchmarks/RESULTS.md. Picks the tables it
# knows by their header row, skips every other line, and writes one SVG per table into DIRECTORY (created when
# missing), named after the table and the heading above it:
#
#   p2p-latency.svg            median half round trip against message size: Open MPI C, jmpi, raw Aeron
#   p2p-bandwidth.svg          bandwidth against message size: Open MPI C, jmpi
#   startup.svg                wall-clock seconds of bin/jrun's Hello against ranks
#   colls-N-ranks.svg          steady µs per call of each collective case: Open MPI C, jmpi
#   faces-PROGRAM-N-ranks.svg  latency or bandwidth against message size: jmpi's API, the Open MPI Java API
#
# A name met again in one run gets -2, -3, ... (RESULTS.md has two 2-rank collective tables). Message sizes are
# on log axes, so rows of 0 B are left out. The files written are listed on standard error.
#
# gnuplot (Debian package gnuplot-nox) is installed with apt-get when missing and this runs as root.
set -euo pipefail

# Log axes for message size and the figure; x fitted to the sizes present, with a margin, and tics at every power
# of 4 (gnuplot shows those inside the range).
readonly SIZE_AXES='set logscale xy; set autoscale xfix; set offsets graph 0.03, graph 0.03; '\
'set xlabel "message size"; set xtics ("1 B" 1, "4 B" 4, "16 B" 16, "64 B" 64, "256 B" 256, "1 KiB" 1024, '\
'"4 KiB" 4096, "16 KiB" 16384, "64 KiB" 65536, "256 KiB" 262144, "1 MiB" 1048576, "4 MiB" 4194304, '\
'"16 MiB" 16777216)'
# One colour per implementation, the same in every plot.
readonly C_COLOUR='lc rgb "#c0392b"'
readonly JMPI_COLOUR='lc rgb "#2471a3"'
readonly AERON_COLOUR='lc rgb "#7d8c32"'
readonly FACE_COLOUR='lc rgb "#8e44ad"'

die()
{
    echo "plot-tables: error: $*" >&2
    exit 1
}

usage()
{
    sed -n '2,20s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    ''|-*) echo "plot-tables: give the output directory first" >&2; usage >&2; exit 2 ;;
esac
directory="$1"
shift
for file in "$@"; do
    [ -f "$file" ] || die "$file is not a file"
done

if ! command -v gnuplot > /dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        die "gnuplot is not installed; install it with: sudo apt-get install -y gnuplot-nox"
    fi
    echo "plot-tables: installing gnuplot" >&2
    apt-get update -q > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q gnuplot-nox > /dev/null ||
        die "apt-get install -y gnuplot-nox failed"
fi

mkdir -p "$directory" || die "cannot create the directory $directory"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/plot-tables.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# Split the known tables out of the Markdown: each table's rows go to $tmp/NAME.dat (x, then one column per
# implementation; sizes in bytes), and "KIND NAME HEADING" to $tmp/tables, tab-separated.
awk -v out="$tmp" '
    function bytes(label) {
        if (label ~ /MiB$/) { return label * 1048576 }
        return label ~ /KiB$/ ? label * 1024 : label + 0
    }
    function slug(text) {
        text = tolower(text)
        gsub(/\([^)]*\)/, "", text)
        gsub(/[^a-z0-9]+/, "-", text)
        gsub(/^-+|-+$/, "", text)
        return text
    }
    # The cells of a table row, trimmed, into row[1..n]; returns n.
    function cells(line,    parts, n, i) {
        n = split(line, parts, "|")
        for (i = 2; i < n; i++) {
            row[i - 1] = parts[i]
            gsub(/^[ \t]+|[ \t]+$/, "", row[i - 1])
        }
        return n - 2
    }
    function starts(text, prefix) { return substr(text, 1, length(prefix)) == prefix }
    /^#+ / { heading = $0; sub(/^#+ +/, "", heading); next }
    !/^\|/ { in_table = 0; kind = ""; next }
    in_table {
        if (kind == "") { next }
        n = cells($0)
        if (row[1] ~ /^:?-+:?$/) { next }
        x = row[1]
        if (kind != "colls") {
            x = bytes(x)
            if (x <= 0) { next }
        }
        line = x
        for (i = 2; i <= columns; i++) { line = line " " row[i] }
        print line > file
        next
    }
    {
        in_table = 1
        n = cells($0)
        header = row[1]
        for (i = 2; i <= n; i++) { header = header "|" row[i] }
        # The kind of table, its file name before any -2, and how many columns to plot, from its header.
        if (starts(header, "size|C median µs|jmpi median µs|Aeron median µs|")) {
            kind = "p2p-latency"; base = kind; columns = 4
        } else if (header == "size|C MB/s|jmpi MB/s|jmpi/C") {
            kind = "p2p-bandwidth"; base = kind; columns = 3
        } else if (header == "ranks|seconds|seconds per rank") {
            kind = "startup"; base = kind; columns = 2
        } else if (starts(header, "case|C steady µs|jmpi steady µs|")) {
            kind = "colls"; base = "colls-" slug(heading); columns = 3
        } else if (header == "size|jmpi API|Open MPI Java API|ratio") {
            kind = "faces"; base = "faces-" slug(heading); columns = 3
        } else {
            next
        }
        name = ++seen[base] > 1 ? base "-" seen[base] : base
        file = out "/" name ".dat"
        printf "%s\t%s\t%s\n", kind, name, heading > (out "/tables")
    }' "$@"

[ -s "$tmp/tables" ] || die "no table of p2p-vs-c.sh, colls-vs-c.sh or faces-vs-jmpi.sh in ${*:-standard input}"

# quote TEXT: TEXT as a gnuplot string.
quote()
{
    local text="${1//\\/\\\\}"
    printf '"%s"' "${text//\"/\\\"}"
}

# commands KIND HEADING DATA: the gnuplot commands that plot DATA, a table of KIND, after the common settings.
commands()
{
    local kind="$1" heading="$2" data
    data="$(quote "$3")"
    case "$kind" in
        p2p-latency)
            echo "set title $(quote "$heading: latency (median of the half round trips)")"
            echo "$SIZE_AXES; set ylabel \"latency (µs)\""
            echo "plot $data using 1:2 with linespoints $C_COLOUR pt 7 title \"Open MPI C\", \\"
            echo "     '' using 1:3 with linespoints $JMPI_COLOUR pt 5 title \"jmpi\", \\"
            echo "     '' using 1:4 with linespoints $AERON_COLOUR pt 9 title \"raw Aeron\""
            ;;
        p2p-bandwidth)
            echo "set title $(quote "$heading: bandwidth (windows of 64 non-blocking sends)")"
            echo "$SIZE_AXES; set ylabel \"bandwidth (MB/s)\""
            echo "plot $data using 1:2 with linespoints $C_COLOUR pt 7 title \"Open MPI C\", \\"
            echo "     '' using 1:3 with linespoints $JMPI_COLOUR pt 5 title \"jmpi\""
            ;;
        startup)
            echo "set title $(quote "$heading: bin/jrun -np N of Hello, wall clock (median)")"
            echo "set logscale x 2; set xlabel \"ranks\"; set ylabel \"seconds\"; set yrange [0:*]"
            echo "plot $data using 1:2 with linespoints $JMPI_COLOUR pt 5 title \"jmpi\""
            ;;
        colls)
            # One cluster of bars per case, whose names carry the collective and the size.
            echo "set title $(quote "Collectives, $heading: steady time per call (median)")"
            echo "set style data histograms; set style histogram clustered gap 1; set style fill solid 0.85 noborder"
            echo "set logscale y; set xtics rotate by -40 scale 0 font \",10\"; set ylabel \"time per call (µs)\""
            echo "set bmargin 5"
            echo "plot $data using 2:xtic(1) $C_COLOUR title \"Open MPI C\", '' using 3 $JMPI_COLOUR title \"jmpi\""
            ;;
        faces)
            local what="latency (µs)"
            [[ "$heading" != *"(MB/s)"* ]] || what="bandwidth (MB/s)"
            echo "set title $(quote "${heading% (*}: ${what% (*} of the OSU program (median)")"
            echo "$SIZE_AXES; set ylabel \"$what\""
            echo "plot $data using 1:2 with linespoints $JMPI_COLOUR pt 5 title \"jmpi API\", \\"
            echo "     '' using 1:3 with linespoints $FACE_COLOUR pt 13 title \"Open MPI Java API over jmpi\""
            ;;
    esac
}

while IFS=$'\t' read -r kind name heading; do
    svg="$directory/$name.svg"
    {
        echo "set terminal svg size 800,480 font \"sans,12\" noenhanced background \"white\""
        echo "set encoding utf8"
        echo "set output $(quote "$svg")"
        echo "set datafile missing \"n/a\""
        echo "set grid; set key top left box opaque; set format y \"%g\""
        commands "$kind" "$heading" "$tmp/$name.dat"
    } > "$tmp/$name.gp"
    gnuplot "$tmp/$name.gp" || die "gnuplot failed on the table of $name; its commands:
$(cat "$tmp/$name.gp")"
    echo "plot-tables: wrote $svg" >&2
done < "$tmp/tables"
