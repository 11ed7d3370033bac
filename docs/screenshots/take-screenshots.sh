#!/usr/bin/env bash
# Writes the screenshots the README shows: the console with a few simulated Oracle instances (and one address that
# does not answer) after a minute of collecting, every main pane in the light and the dark theme, and the overview and
# dashboard in Chinese. Meanwhile the first simulated instance gets into trouble on purpose (blocked sessions, a restart,
# an ORA-00600), which trends-events.png shows as event marks; dashboard-dba.png shows its Data Guard, backup and password checks. Needs a JDK 25 (JAVA_HOME), Maven and xvfb-run (apt-get install xvfb xauth libgtk-3-0 fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
delay=${1:-150}
mvn -B -q package -DskipTests
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
java="$JAVA_HOME/bin/java"
fx=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')
cp=$(ls target/vigil-*.jar):$(ls target/lib/*.jar | grep -v '/javafx-' | tr '\n' ':')
tour() { # tour <folder> <language>
  local home; home=$(mktemp -d)
  "$java" -cp "$cp" "$out/SeedTargets.java" "$home"
  printf 'language=%s\ntheme=LIGHT\n' "$2" > "$home/settings.properties"
  xvfb-run -a -s "-screen 0 1400x900x24" "$java" --module-path "$fx" --add-modules javafx.controls,javafx.swing \
    --enable-native-access=javafx.graphics,ALL-UNNAMED --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -Dprism.order=sw -Djavafx.cachedir="$home/fxcache" -cp "$cp" io.vigil.Main \
    --data-dir "$home" --screenshot-tour "$1" --tour-delay "$delay"
  rm -rf "$home"
}
tour "$out" en
zh=$(mktemp -d)
tour "$zh" zh-CN
cp "$zh/overview.png" "$out/overview-zh.png"
cp "$zh/dashboard.png" "$out/dashboard-zh.png"
rm -rf "$zh"
echo "screenshots written to $out"
