#!/usr/bin/env bash
# Windows: the runtime, the app image, an .msi (needs the WiX toolset) and a portable .zip that runs from any folder.
# Run from Git Bash after `mvn package` and `dependency:copy-dependencies` into target/pkg/lib (see the workflow in
# .github/workflows/installers.yml). Not exercised on the project's own machines, which are Linux.
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
fxmods=$(ls target/pkg/lib/javafx-*-win.jar | tr '\n' ';')
"$J/jlink" --module-path "$fxmods" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out/runtime"
for j in target/pkg/lib/javafx-*-win.jar; do unzip -q -o -j "$j" '*.dll' -d "$out/runtime/bin" || true; done
common=(--name Vigil --app-version "$version" --vendor Vigil --description "Watches Oracle, MySQL/MariaDB and PostgreSQL databases")
"$J/jpackage" --type app-image "${common[@]}" --input target/pkg/input --main-jar vigil.jar --main-class io.vigil.Main \
  --runtime-image "$out/runtime" --icon icons/vigil.ico --win-console \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" --java-options "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED" --java-options "--sun-misc-unsafe-memory-access=allow" --dest "$out"
(cd "$out" && powershell -Command "Compress-Archive -Path Vigil -DestinationPath Vigil-$version-windows-x64.zip")
"$J/jpackage" --type msi "${common[@]}" --app-image "$out/Vigil" --resource-dir packaging/windows \
  --win-menu --win-menu-group Vigil --win-shortcut --win-per-user-install --win-dir-chooser --license-file LICENSE --dest "$out"
