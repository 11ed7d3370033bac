#!/usr/bin/env bash
# The console's memory with 20 targets and the Overview open (run through docs/benchmarks/run.sh memory [seconds] [demo|real]).
# Starts io.vigil.Main as the installed launcher does (the options of packaging/java-options), waits, then prints the
# process's resident set (VmRSS) and the heap's live bytes after a full GC (the class histogram's total).
set -euo pipefail
cp=$1; shift
seconds=${1:-120}
rounds=${2:-demo real}
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
mapfile -t options < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' packaging/java-options)
extra=()
[ "${MEMORY_NMT:-0}" = 1 ] && extra+=(-XX:NativeMemoryTracking=summary)
# as in the launcher's runtime: JavaFX as modules, the rest on the class path
fxpath=$(tr ':' '\n' <<<"$cp" | grep '/javafx-[a-z]*-[0-9.]*-linux\.jar$' | paste -sd: -)
apppath=$(tr ':' '\n' <<<"$cp" | grep -v '/javafx-[a-z]*-[0-9.]*\(-linux\)\?\.jar$' | paste -sd: -)
java=("$JAVA_HOME/bin/java" "${options[@]}" "${extra[@]}" --module-path "$fxpath" --add-modules javafx.controls,javafx.swing
      -Dprism.order=sw -Djavafx.cachedir=target/fxcache -cp "$apppath")
echo "JVM options: ${options[*]} ${extra[*]}"

targets_yaml() { # targets_yaml demo|real <file>
  {
    echo "targets:"
    if [ "$1" = demo ]; then
      echo "  - {name: demo, kind: DEMO_ORACLE, tags: [demo]}"
      for i in $(seq -w 2 20); do echo "  - {name: demo$i, kind: DEMO_ORACLE, tags: [demo]}"; done
    else
      echo "  - {name: demo, kind: DEMO_ORACLE, enabled: false}"
      for i in $(seq -w 1 10); do
        echo "  - {name: mariadb$i, kind: MYSQL, host: 127.0.0.1, port: 3306, user: vigil_test, password: vigil_test, tags: [mariadb]}"
        echo "  - {name: postgres$i, kind: POSTGRES, host: 127.0.0.1, port: 5432, database: postgres, user: vigil_test, password: vigil_test, tags: [postgres]}"
      done
    fi
  } > "$2"
}

for round in $rounds; do
  home=$(mktemp -d -t vigil-memory.XXXXXX)
  targets_yaml "$round" "$home/targets.yaml"
  "$JAVA_HOME/bin/java" -cp "$cp" io.vigil.Main import --data-dir "$home" "$home/targets.yaml" >/dev/null
  xvfb-run -a -s "-screen 0 1400x900x24" "${java[@]}" io.vigil.Main --data-dir "$home" --exit-after $((seconds + 120)) \
    >"$home/console.log" 2>&1 &
  runner=$!
  pid=""
  for _ in $(seq 1 100); do
    pid=$(pgrep -f -n "^$JAVA_HOME/bin/java .*io.vigil.Main --data-dir $home" || true)
    [ -n "$pid" ] && break
    sleep 0.2
  done
  [ -n "$pid" ] || { echo "the console did not start; see $home/console.log" >&2; exit 1; }
  sleep "$seconds"
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  # resident memory per mapping: the heap and malloc arenas are [anon], then libraries, fonts and the runtime's modules
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anon]" : $6) } /^Rss:/ { rss[name] += $2 }
       END { for (n in rss) printf "%8d KB %s\n", rss[n], n }' "/proc/$pid/smaps" | sort -rn > "$home/mappings.txt"
  hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
  "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram > "$home/histogram.txt"
  live=$(awk '/^Total/ { print $3 }' "$home/histogram.txt")
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | sed -n '2,3p' | tr -s ' ')
  rss_after=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
  if [ "${MEMORY_NMT:-0}" = 1 ]; then "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary > "$home/nmt.txt"; fi
  printf '%s: 20 targets, Overview open, after %d s: RSS %d MB (peak %d MB, %d MB after the GC), live heap after a full GC %d MB\n' \
    "$round" "$seconds" $((rss / 1024)) $((hwm / 1024)) $((rss_after / 1024)) $((live / 1024 / 1024))
  echo "  heap: $heap"
  echo "  largest mappings (resident):"; head -8 "$home/mappings.txt" | sed 's/^/   /'
  echo "  largest classes:"; sed -n '4,13p' "$home/histogram.txt" | sed 's/^/   /'
  if [ -f "$home/nmt.txt" ]; then
    echo "  native memory (committed):"
    grep -E '^(Total|-)' "$home/nmt.txt" | sed -E 's/\(reserved=[0-9]+KB, /(/' | head -16 | sed 's/^/   /'
  fi
  grep -E 'Exception|ERROR' "$home/console.log" | head -5 || true
  kill "$pid" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  echo "  files: $home"
done
