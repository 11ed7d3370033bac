#!/usr/bin/env bash
# macOS: the runtime, the app bundle and a .dmg. Run after `mvn package` and `dependency:copy-dependencies` into
# target/pkg/lib (see .github/workflows/installers.yml). Unsigned; not exercised on the project's own machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
J="$JAVA_HOME/bin"
pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
version=${pom_version%-SNAPSHOT}
out=target/dist
rm -rf "$out" target/pkg/input && mkdir -p "$out" target/pkg/input
cp "target/vigil-$pom_version.jar" target/pkg/input/vigil.jar
for f in target/pkg/lib/*.jar; do case $(basename "$f") in javafx-*) ;; *) cp "$f" target/pkg/input/ ;; esac; done
modules=$(sed -n '/^MODULES=(/,/^)/p' packaging/build.sh | sed -e '1d;$d' -e 's/#.*//' | tr -s ' \n' ',' | sed 's/^,//;s/,$//')
fxmods=$(ls target/pkg/lib/javafx-*-mac*.jar | tr '\n' ':')
"$J/jlink" --module-path "$fxmods" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out/runtime"
for j in target/pkg/lib/javafx-*-mac*.jar; do unzip -q -o -j "$j" '*.dylib' -d "$out/runtime/lib" || true; done
"$J/jpackage" --type dmg --name Vigil --app-version "$version" --vendor Vigil \
  --input target/pkg/input --main-jar vigil.jar --main-class io.vigil.Main --runtime-image "$out/runtime" \
  --icon icons/vigil.icns --mac-package-identifier io.vigil --resource-dir packaging/macos \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" --java-options "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED" --java-options "--sun-misc-unsafe-memory-access=allow" --dest "$out"
