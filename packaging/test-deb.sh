#!/usr/bin/env bash
# Installs the .deb that packaging/build.sh made and checks it as a user would, then removes it:
#  1. an older version is installed and used (a target imported, points collected), then this version is installed over
#     it: the configuration and the points are still there (they live in the per-user data folder, which Flyway migrates);
#  2. vigil --version, vigil check and a short vigil collect against the demo target run with no display;
#  3. the collector service: its unit and settings are installed (the settings as a conffile), the vigil account and
#     /var/lib/vigil exist, the unit verifies, and the launcher run as the service runs it answers /health once jobs ran;
#  4. the console starts under Xvfb and writes a screenshot;
#  5. the package is removed and leaves nothing in /opt or on the PATH.
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

step "the collector service"
unit=/lib/systemd/system/vigil-collector.service
settings=/etc/default/vigil-collector
[ -f "$unit" ] || fail "no $unit"
grep -qx 'ExecStart=/opt/vigil/bin/vigil collect $VIGIL_COLLECT_OPTS' "$unit" || fail "$unit does not start /opt/vigil/bin/vigil collect"
grep -qx 'User=vigil' "$unit" || fail "$unit does not run as vigil"
[ -f "$settings" ] || fail "no $settings"
dpkg-query --control-show vigil conffiles | grep -q "^ *$settings" || fail "$settings is not a conffile: an upgrade would overwrite edits"
getent passwd vigil >/dev/null || fail "the package made no vigil account"
[ "$(stat -c %U /var/lib/vigil)" = vigil ] || fail "/var/lib/vigil is missing or not the vigil account's"
if [ -e /etc/systemd/system/multi-user.target.wants/vigil-collector.service ]; then fail "the package enabled the service"; fi
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
else
  echo "systemd-analyze is missing: the unit is not verified"
fi
if command -v rpm >/dev/null && ls "$dist"/vigil-*.rpm >/dev/null 2>&1; then
  rpm=$(ls "$dist"/vigil-*.rpm | head -1)
  # the lists are read whole first: grep -q stops at the first match, and the rpm writing the rest would die of SIGPIPE
  rpm_files=$(rpm -qlp "$rpm" 2>/dev/null) rpm_config=$(rpm -qcp "$rpm" 2>/dev/null)
  grep -qx "$unit" <<< "$rpm_files" || fail "the .rpm has no $unit"
  grep -qx "$settings" <<< "$rpm_config" || fail "the .rpm does not keep $settings as a configuration file"
fi
# As systemd would run it: the account, VIGIL_HOME and the memory options of the settings file, another port
svc_home=$(mktemp -d) && chown vigil:vigil "$svc_home"
svc_env=(VIGIL_HOME="$svc_home")
while IFS= read -r line; do
  case "$line" in _JAVA_OPTIONS=*|MALLOC_ARENA_MAX=*) svc_env+=("$line") ;; esac
done < "$settings"
port=$((20000 + RANDOM % 20000))
runuser -u vigil -- env -u DISPLAY "${svc_env[@]}" /opt/vigil/bin/vigil collect --duration 25s --every 10 --http "127.0.0.1:$port" \
  > "$svc_home/collect.txt" 2>&1 &
collector=$!
health() {
  if command -v curl >/dev/null; then
    curl -s "http://127.0.0.1:$port/health" || true
  else
    { exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3 && exec 3<&-; } 2>/dev/null || true
  fi
}
answer=""
for _ in $(seq 1 40); do
  answer=$(health)
  if grep -q '"jobRunsTotal":[1-9]' <<<"$answer"; then break; fi
  sleep 0.5
done
wait "$collector" || fail "the service's collect failed: $(tail -5 "$svc_home/collect.txt")"
echo "/health said: $answer"
# ok, or degraded when a busy machine starts the first jobs over 10 s late: either way the service answered
grep -Eq '^\{"status":"(ok|degraded)"' <<<"$answer" && grep -q '"jobRunsTotal":[1-9]' <<<"$answer" ||
  fail "the collector run as the service did not answer /health with jobs run: $(tail -5 "$svc_home/collect.txt")"
rm -rf "$svc_home"

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
[ ! -e /lib/systemd/system/vigil-collector.service ] || fail "the service's unit is still there after removal"
rm -rf "$old" "$data" "$fresh"
echo "the .deb installs, upgrades keeping data, runs headless and with a display, and removes cleanly"
