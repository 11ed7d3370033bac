#!/usr/bin/env bash
# Reruns Vigil's benchmarks against the real servers the tests use (see README: .ci/run starts them on Debian).
# Prints each case as Vigil's rate, the reference's rate in the same process, and their ratio; then the collector's
# capacity. Name cases to run only those: run.sh mirror archive range capacity
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.vigil.bench.Benchmarks "$@"
