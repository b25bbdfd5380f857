#!/usr/bin/env bash
# Kept in the repo (from the project's shared/netns) so that the multi-host tests and CI carry their own harness.
# Test hosts for multi-host jobs: N Linux network namespaces (jmpih1..jmpihN) on one bridge (jmpibr0),
# addresses 10.77.0.1..N/24 that exist only inside these namespaces, and a multicast route on each.
# Traffic stays on the bridge: nothing here reaches any other network.
#
#   testhosts.sh up [N]          make N hosts (default 3)
#   testhosts.sh down            remove every host and the bridge (safe to call twice)
#   testhosts.sh loss HOST PCT   drop PCT% of packets arriving at HOST (e.g. jmpih2 5), or 0 to stop
#   testhosts.sh block-multicast drop multicast on every host (for the tree-broadcast fallback)
#   testhosts.sh unblock-multicast  undo block-multicast
#   testhosts.sh link HOST down|up   pull or plug HOST's cable (its port on the bridge)
#
# Needs root, iproute2 and iptables (Debian package `iptables`). Packet loss uses iptables' statistic match,
# because this machine's kernel has no netem qdisc (`tc qdisc ... netem` answers "qdisc kind is unknown").
# Run a command on a host with: ip netns exec jmpih1 CMD
set -eu
cmd=${1:-}
case "$cmd" in
  up)
    n=${2:-3}
    ip link add jmpibr0 type bridge
    ip link set jmpibr0 up
    for i in $(seq 1 "$n"); do
      ip netns add "jmpih$i"
      ip link add "jmpiv$i" type veth peer name eth0 netns "jmpih$i"
      ip link set "jmpiv$i" master jmpibr0 up
      ip netns exec "jmpih$i" ip addr add "10.77.0.$i/24" dev eth0
      ip netns exec "jmpih$i" ip link set eth0 up
      ip netns exec "jmpih$i" ip link set lo up
      ip netns exec "jmpih$i" ip route add 224.0.0.0/4 dev eth0
    done ;;
  down)
    for ns in $(ip netns list | awk '/^jmpih[0-9]+/ {print $1}'); do ip netns del "$ns"; done
    for l in $(ip -o link show | awk -F': ' '/jmpiv[0-9]+/ {sub(/@.*/, "", $2); print $2}'); do ip link del "$l" 2>/dev/null || true; done
    ip link del jmpibr0 2>/dev/null || true ;;
  loss)
    host=$2 pct=$3
    ip netns exec "$host" iptables -F INPUT
    if [ "$pct" != 0 ]; then
      p=$(awk "BEGIN {print $pct / 100}")
      ip netns exec "$host" iptables -A INPUT -i eth0 -m statistic --mode random --probability "$p" -j DROP
    fi ;;
  block-multicast)
    for ns in $(ip netns list | awk '/^jmpih[0-9]+/ {print $1}'); do
      ip netns exec "$ns" iptables -A INPUT -i eth0 -d 224.0.0.0/4 -j DROP
      ip netns exec "$ns" iptables -A OUTPUT -o eth0 -d 224.0.0.0/4 -j DROP
    done ;;
  unblock-multicast)
    for ns in $(ip netns list | awk '/^jmpih[0-9]+/ {print $1}'); do
      ip netns exec "$ns" iptables -D INPUT -i eth0 -d 224.0.0.0/4 -j DROP 2>/dev/null || true
      ip netns exec "$ns" iptables -D OUTPUT -o eth0 -d 224.0.0.0/4 -j DROP 2>/dev/null || true
    done ;;
  link)
    ip link set "jmpiv${2#jmpih}" "$3" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
