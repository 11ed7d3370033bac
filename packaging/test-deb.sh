#!/usr/bin/env bash
# Installs the .deb that packaging/build.sh made and checks it as a user would, then removes it:
#  1. an older version is installed and used (a target imported, points collected), then this version is installed over
#     it: the configuration and the points are still there (they live in the per-user data folder, which Flyway migrates);
#  2. vigil --version, vigil check and a short vigil collect against the demo target run with no display;
#  3. the console starts under Xvfb and writes a screenshot;
#  4. the package is removed and leaves nothing in /opt or on the PATH.
# Run as root on Debian after packaging/build.sh. Exits non-zero, saying what failed.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
dist=target/dist
new_deb=$(ls "$dist"/vigil_*_amd64.deb | head -1)
version=$(dpkg-deb -f "$new_deb" Version)
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { printf '\n--> %s\n' "$*"; }

step "an older version from the same app image (0.0.1), without the startup cache, stored uncompressed for speed"
old=$(mktemp -d)
cp -a "$dist/vigil" "$old/vigil"
rm -f "$old/vigil/lib/app/vigil.aot"
sed -i '/AOTCache/d' "$old/vigil/lib/app/vigil.cfg"
DPKG_DEB_COMPRESSOR_TYPE=none "$JAVA_HOME/bin/jpackage" --type deb --name vigil --app-version 0.0.1 --vendor Vigil \
  --app-image "$old/vigil" --resource-dir packaging/linux --install-dir /opt --linux-package-name vigil \
  --linux-deb-maintainer vigil@localhost --dest "$old"
apt-get install -y -qq "$old"/vigil_0.0.1_amd64.deb >/dev/null
[ "$(dpkg-query -W -f='${Version}' vigil)" = 0.0.1 ] || fail "version 0.0.1 is not installed"

data=$(mktemp -d)
cat > "$data/team.yaml" <<'YAML'
targets:
  - name: kept-across-upgrades
    kind: DEMO_ORACLE
    tags: [upgrade]
YAML
env -u DISPLAY vigil import --data-dir "$data" "$data/team.yaml" || fail "vigil import on 0.0.1"
env -u DISPLAY vigil collect --data-dir "$data" --duration 25s --every 25 || fail "vigil collect on 0.0.1"
h2=$(ls /opt/vigil/lib/app/h2-*.jar)
points() {
  /opt/vigil/lib/runtime/bin/java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$data/series/series;AUTO_SERVER=TRUE" \
    -user vigil -sql "SELECT COUNT(*) FROM point_raw" | sed -n 2p | tr -d ' '
}
before=$(points)
[ "${before:-0}" -gt 0 ] || fail "no points collected by 0.0.1"
echo "0.0.1 collected $before points"

step "this version ($version) installed over it"
apt-get install -y -qq "./$new_deb" >/dev/null
[ "$(dpkg-query -W -f='${Version}' vigil)" = "$version" ] || fail "version $version is not installed"
env -u DISPLAY vigil export --data-dir "$data" | grep -q "name: kept-across-upgrades" || fail "the imported target is gone after the upgrade"
after=$(points)
[ "${after:-0}" -ge "$before" ] || fail "points lost in the upgrade: $before before, $after after"
echo "after the upgrade: the target is there and $after points (were $before)"

step "headless commands"
env -u DISPLAY vigil --version | grep -q "Vigil $version" || fail "vigil --version does not say $version"
if env -u DISPLAY vigil --version 2>&1 | grep -qi "aot\|error"; then fail "the launcher prints errors: $(vigil --version 2>&1 | head -3)"; fi
env -u DISPLAY vigil --version
fresh=$(mktemp -d)
env -u DISPLAY vigil check --data-dir "$fresh" | tail -3
env -u DISPLAY vigil collect --data-dir "$fresh" --duration 20s --every 10 | tee "$fresh/collect.txt"
grep -q "^Collecting from 1 targets" "$fresh/collect.txt" || fail "vigil collect did not start on the demo target"
grep -Eq "ok [1-9]" "$fresh/collect.txt" || fail "vigil collect ran no job successfully"

step "the console under Xvfb"
shot="$fresh/console.png"
xvfb-run -a -s "-screen 0 1280x800x24" vigil --data-dir "$fresh" --screenshot "$shot" --exit-after 20 >/dev/null 2>&1 || true
[ -s "$shot" ] || fail "the installed console wrote no screenshot"
echo "screenshot: $(stat -c %s "$shot") bytes"
desktop=/usr/share/applications/vigil-vigil.desktop
[ -f "$desktop" ] && grep -q "^Exec=/opt/vigil/bin/vigil" "$desktop" || fail "no menu entry $desktop starting /opt/vigil/bin/vigil"

step "removal"
apt-get remove -y -qq vigil >/dev/null
[ ! -e /opt/vigil/bin/vigil ] || fail "/opt/vigil/bin/vigil is still there after removal"
[ ! -e /usr/bin/vigil ] || fail "/usr/bin/vigil is still there after removal"
[ ! -e "$desktop" ] || fail "the menu entry is still there after removal"
[ -d "$data/series" ] || fail "removing the package removed user data"
rm -rf "$old" "$data" "$fresh"
echo "the .deb installs, upgrades keeping data, runs headless and with a display, and removes cleanly"
