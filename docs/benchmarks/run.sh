#!/usr/bin/env bash
# Reruns Vigil's benchmarks against the real servers the tests use (see README: .ci/run starts them on Debian).
# Prints each case as Vigil's rate, the reference's rate in the same process, and their ratio; then the collector's
# capacity. Name cases to run only those: run.sh mirror archive range capacity
# run.sh fx times the Trends chart on the FX thread (headless JavaFX, as the UI tests run it; needs no servers).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
if [[ "${1:-}" == fx ]]; then
  shift
  exec "$JAVA_HOME/bin/java" -Xmx2g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
    -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Djavafx.cachedir=target/fxcache -cp "$CP" io.vigil.bench.FxBenchmarks "$@"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" io.vigil.bench.Benchmarks "$@"
