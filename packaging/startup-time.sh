#!/usr/bin/env bash
# Cold start to first frame of the app image in target/dist/vigil, under Xvfb: the time from launching bin/vigil to
# the log line the console writes when its first frame is shown, over several runs with a fresh data folder each, with
# and without the startup (AOT) cache. Prints each run and the medians. Usage: startup-time.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
image=target/dist/vigil
cfg=$image/lib/app/vigil.cfg
[ -x "$image/bin/vigil" ] || { echo "no app image: run packaging/build.sh first" >&2; exit 1; }

measure() { # prints ms from launch to the first-frame log line
  local home; home=$(mktemp -d)
  local t0; t0=$(date +%s%N)
  xvfb-run -a -s "-screen 0 1280x800x24" "$image/bin/vigil" --data-dir "$home" --exit-after 12 >/dev/null 2>&1 &
  local pid=$!
  local ms=""
  for _ in $(seq 1 600); do
    if grep -q "First frame" "$home/logs/vigil.log" 2>/dev/null; then ms=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
    sleep 0.05
  done
  wait "$pid" || true
  rm -rf "$home"
  echo "${ms:-timeout}"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

with=() without=()
cp "$cfg" "$cfg.orig"
for i in $(seq 1 "$runs"); do   # interleaved, so a busy moment hurts both alike
  cp "$cfg.orig" "$cfg"; with+=("$(measure)")
  grep -v AOTCache "$cfg.orig" > "$cfg"; without+=("$(measure)")
done
cp "$cfg.orig" "$cfg" && rm "$cfg.orig"
echo "with the startup cache:    ${with[*]} ms, median $(printf '%s\n' "${with[@]}" | median) ms"
echo "without the startup cache: ${without[*]} ms, median $(printf '%s\n' "${without[@]}" | median) ms"
