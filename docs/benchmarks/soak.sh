#!/usr/bin/env bash
# An hour of the console collecting from 40 targets (run through docs/benchmarks/run.sh soak [minutes] [demo-targets]):
# 36 demo Oracle targets and 2 MariaDB + 2 PostgreSQL targets on the loopback servers (the vigil_test accounts of
# .ci/run), the console open under Xvfb on the Overview, started with the launcher's JVM options. Every minute it
# samples the heap after a full GC, the threads, the open files, the resident set and the console's sessions on the
# target servers (its established TCP connections to 3306 and 5432), then prints the first and last samples and the
# growth per hour of each (least squares over the samples after the first five minutes).
set -euo pipefail
cp=$1; shift
minutes=${1:-60}
demo=${2:-36}
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
command -v ss >/dev/null || { echo "needs ss (apt-get install iproute2)" >&2; exit 1; }
mapfile -t options < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' packaging/java-options)
fxpath=$(tr ':' '\n' <<<"$cp" | grep '/javafx-[a-z]*-[0-9.]*-linux\.jar$' | paste -sd: -)
apppath=$(tr ':' '\n' <<<"$cp" | grep -v '/javafx-[a-z]*-[0-9.]*\(-linux\)\?\.jar$' | paste -sd: -)
java=("$JAVA_HOME/bin/java" "${options[@]}" --module-path "$fxpath" --add-modules javafx.controls,javafx.swing
      -Dprism.order=sw -Djavafx.cachedir=target/fxcache -cp "$apppath")

home=$(mktemp -d -t vigil-soak.XXXXXX)
{
  echo "targets:"
  for i in $(seq -w 1 "$demo"); do echo "  - {name: demo$i, kind: DEMO_ORACLE, tags: [demo]}"; done
  for i in 1 2; do
    echo "  - {name: mariadb$i, kind: MYSQL, host: 127.0.0.1, port: 3306, user: vigil_test, password: vigil_test, tags: [mariadb]}"
    echo "  - {name: postgres$i, kind: POSTGRES, host: 127.0.0.1, port: 5432, database: postgres, user: vigil_test, password: vigil_test, tags: [postgres]}"
  done
} > "$home/targets.yaml"
"$JAVA_HOME/bin/java" -cp "$cp" io.vigil.Main import --data-dir "$home" "$home/targets.yaml" >/dev/null
xvfb-run -a -s "-screen 0 1400x900x24" "${java[@]}" io.vigil.Main --data-dir "$home" --exit-after $(((minutes * 2 + 10) * 60)) \
  >"$home/console.log" 2>&1 &
runner=$!
pid=""
for _ in $(seq 1 100); do
  pid=$(pgrep -f -n "^$JAVA_HOME/bin/java .*io.vigil.Main --data-dir $home" || true)
  [ -n "$pid" ] && break
  sleep 0.2
done
[ -n "$pid" ] || { echo "the console did not start; see $home/console.log" >&2; exit 1; }
echo "soak: $((demo + 4)) targets, $minutes min, console pid $pid, files in $home"
samples="$home/samples.tsv"
printf 'minute\theap_live_mb\tthreads\tfds\trss_mb\tsessions\n' > "$samples"
for m in $(seq 1 "$minutes"); do
  sleep 60
  kill -0 "$pid" 2>/dev/null || { echo "the console stopped after $m min; see $home/console.log" >&2; exit 1; }
  live=$("$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram | awk '/^Total/ { print $3 }')
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$pid/status")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  sessions=$(ss -tnp state established '( dport = :3306 or dport = :5432 )' 2>/dev/null | grep -c "pid=$pid," || true)
  printf '%d\t%d\t%d\t%d\t%d\t%d\n' "$m" $((live / 1024 / 1024)) "$threads" "$fds" $((rss / 1024)) "$sessions" | tee -a "$samples"
done
kill "$pid" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
awk -F'\t' 'NR == 1 { for (i = 2; i <= NF; i++) name[i] = $i; next }
  { last = $0; for (i = 2; i <= NF; i++) { v[NR, i] = $i } m[NR] = $1; n = NR }
  NR == 2 { first = $0 }
  END {
    print "first: " first; print "last:  " last
    for (i = 2; i <= 6; i++) {
      sx = sy = sxx = sxy = k = 0
      for (r = 2; r <= n; r++) if (m[r] > 5) { x = m[r]; y = v[r, i]; sx += x; sy += y; sxx += x * x; sxy += x * y; k++ }
      slope = (k > 1 && k * sxx != sx * sx) ? (k * sxy - sx * sy) / (k * sxx - sx * sx) * 60 : 0
      printf "%s: %+.1f per hour\n", name[i], slope
    }
  }' "$samples"
(grep -cE 'ERROR' "$home/console.log" || true) | sed 's/^/ERROR lines in the console log: /'
