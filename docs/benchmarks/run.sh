#!/usr/bin/env bash
# Reruns Vigil's benchmarks against the real servers the tests use (see README: .ci/run starts them on Debian).
# Prints each case as Vigil's figure, the reference's figure in the same process, and their ratio.
#   run.sh                                 mirror, archive, range, series-write and alerting
#   run.sh mirror archive range series-write   only those
#   run.sh capacity                        targets one collector holds on real sources at 15 s (private MariaDB and
#                                          PostgreSQL, MariaDB and H2 caches; 80, 160, 300 targets), then two collectors
#                                          against one (about 25 minutes)
#   run.sh capacity mysql:h2:80,160 split mysql:mariadb:160   chosen rounds (source:cache:targets), chosen split
#   run.sh capacity-demo                   the older round: demo Oracle targets in the collector's own JVM
#   run.sh alerting                        rule evaluation cost and crossing-to-notification time, 40 demo targets (no servers)
#   run.sh fx                              the Trends chart's FX-thread time per redraw (headless JavaFX, no servers)
#   run.sh overview                        the Overview's FX-thread time per refresh with 200 targets (headless JavaFX)
#   run.sh stall [targets] [seconds]       the console's longest FX-thread stall while collecting (needs xvfb-run);
#                                          LAUNCHER_OPTIONS=1 runs it with the launcher's heap and GC (packaging/java-options)
#   run.sh packcost [mysql] [postgres]     the MySQL and PostgreSQL packs' cost on the target against an exporter scrape
#   run.sh sitepack [targets] [days]       a site pack of a synthetic week (40 demo targets × 7 days): its size per
#                                          target-day and the time to write and to open it, against a plain zip (no servers)
#   run.sh report [targets] [step]         health report generation time and file size: 40 Oracle targets x 7 days seeded
#                                          through the series store (load every 15 s, space every 5 min), one report each
#   run.sh memory [seconds] [demo|real]    the console's resident memory and live heap with 20 targets and the Overview open,
#                                          started with the launcher's JVM options (packaging/java-options), under xvfb-run:
#                                          20 demo targets, then 10 MariaDB + 10 PostgreSQL targets on the loopback servers
#                                          (the vigil_test accounts of .ci/run). MEMORY_NMT=1 adds Native Memory Tracking.
#   run.sh soak [minutes] [demo-targets]   the console under Xvfb for an hour with 36 demo + 4 loopback targets: heap after
#                                          GC, threads, open files, RSS and sessions on the targets, sampled every minute
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
fx_flags=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dprism.order=sw -Djavafx.cachedir=target/fxcache)
headless=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.text=t2k -Djava.awt.headless=true)
case "${1:-}" in
  fx)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx2g "${headless[@]}" "${fx_flags[@]}" -cp "$cp" io.vigil.bench.FxBenchmarks "$@" ;;
  overview)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx2g "${headless[@]}" "${fx_flags[@]}" -cp "$cp" io.vigil.bench.OverviewBenchmark "$@" ;;
  stall)
    shift
    jvm=(-Xmx2g)
    if [ "${LAUNCHER_OPTIONS:-0}" = 1 ]; then
      mapfile -t jvm < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' -e '/javafx\./d' packaging/java-options)
    fi
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$JAVA_HOME/bin/java" "${jvm[@]}" "${fx_flags[@]}" -cp "$cp" \
      io.vigil.bench.ConsoleStallBenchmark "$@" ;;
  capacity)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx512m ${VIGIL_BENCH_OPTS:-} -cp "$cp" io.vigil.bench.CapacityBenchmark "$@" ;;
  packcost)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" io.vigil.bench.PackCostBenchmark "$@" ;;
  sitepack)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" io.vigil.bench.SitePackBenchmark "$@" ;;
  report)
    shift
    exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" io.vigil.bench.ReportBenchmark "$@" ;;
  memory)
    shift
    exec bash docs/benchmarks/memory.sh "$cp" "$@" ;;
  soak)
    shift
    exec bash docs/benchmarks/soak.sh "$cp" "$@" ;;
  *)
    exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" io.vigil.bench.Benchmarks "$@" ;;
esac
