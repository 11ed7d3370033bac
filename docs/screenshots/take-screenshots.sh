#!/usr/bin/env bash
# Writes the console screenshots the README shows: a few sample targets, light and dark, English and Chinese.
# Needs a JDK 25 (JAVA_HOME), Maven and xvfb-run (apt-get install xvfb xauth libgtk-3-0 fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
mvn -B -q package -DskipTests
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
java="$JAVA_HOME/bin/java"
fx=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')
cp=$(ls target/vigil-*.jar):$(ls target/lib/*.jar | grep -v '/javafx-' | tr '\n' ':')
shoot() { # shoot <png> <settings lines...>
  local png=$1; shift
  local home; home=$(mktemp -d)
  "$java" -cp "$cp" "$out/SeedTargets.java" "$home"
  printf '%s\n' "$@" > "$home/settings.properties"
  xvfb-run -a -s "-screen 0 1400x900x24" "$java" --module-path "$fx" --add-modules javafx.controls,javafx.swing \
    --enable-native-access=javafx.graphics,ALL-UNNAMED --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dprism.order=sw \
    -Djavafx.cachedir="$home/fxcache" -cp "$cp" io.vigil.Main --data-dir "$home" --screenshot "$out/$png" --exit-after 7
  rm -rf "$home"
}
shoot console.png "language=en" "theme=LIGHT"
shoot console-dark.png "language=en" "theme=DARK"
shoot console-zh.png "language=zh-CN" "theme=LIGHT"
echo "screenshots written to $out"
