#!/usr/bin/env bash
# Builds Vigil for Linux with its own Java runtime, into target/dist:
#   runtime/                       a jlink runtime with only the modules Vigil needs (see MODULES below)
#   vigil/                         the jpackage app image (bin/vigil is the launcher)
#   vigil_<version>_amd64.deb      Debian/Ubuntu package (installs to /opt/vigil, /usr/bin/vigil, a menu entry)
#   vigil-<version>-1.x86_64.rpm   RHEL/Fedora/SUSE package (same layout)
#   vigil-<version>-linux-x64.tar.gz  portable: unpack anywhere and run vigil/bin/vigil, no install, no admin rights
# Needs a JDK 25 (JAVA_HOME), Maven, fakeroot and dpkg-deb for the .deb, rpmbuild (package rpm) for the .rpm.
# Options: --skip-rpm, --skip-deb, --version X.Y.Z (default: the pom's version), --no-aot (skip the startup cache),
#          --packages-only (remake the .deb and .rpm from the app image already in target/dist).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
J="$JAVA_HOME/bin"

skip_rpm=false skip_deb=false aot=true version="" packages_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-rpm) skip_rpm=true ;;
    --skip-deb) skip_deb=true ;;
    --no-aot) aot=false ;;
    --version) version=$2; shift ;;
    --packages-only) packages_only=true ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
version=${version:-${pom_version%-SNAPSHOT}}

# Why each module is in the runtime (docs/benchmarks.md lists their sizes):
MODULES=(
  java.base java.logging java.xml          # everything; logback's configuration
  java.desktop                             # JavaFX's Swing bridge for PNG export, ImageIO
  java.sql java.naming                     # JDBC; HikariCP and the drivers look up JNDI names
  java.management jdk.management           # HikariCP and logback register MBeans; the collector reads its own CPU time
  java.net.http                            # InfluxDB's HTTP API
  jdk.httpserver                           # vigil collect --http: the collector's /health and /metrics
  java.security.jgss jdk.security.jgss java.security.sasl  # Kerberos and SASL logins of the JDBC drivers
  java.scripting java.compiler java.instrument jdk.net    # referenced by H2 and the drivers (jdeps)
  jdk.unsupported                          # sun.misc.Unsafe for HikariCP, Jackson and JavaFX's Marlin renderer
  jdk.crypto.ec jdk.crypto.cryptoki        # TLS to database servers with EC certificates, smart-card keys
  jdk.charsets                             # database character sets beyond UTF-8 (GBK, EUC-JP, ...)
  jdk.localedata                           # Chinese dates, numbers and the date picker
  jdk.zipfs                                # reading packs and resources from the jar as a file system
  javafx.base javafx.graphics javafx.controls javafx.swing
)

out=target/dist
if $packages_only; then
  [ -d "$out/vigil" ] || { echo "no app image in $out: run without --packages-only first" >&2; exit 1; }
  rm -f "$out"/*.deb "$out"/*.rpm
else
rm -rf "$out" target/pkg
mkdir -p "$out" target/pkg/input

echo "==> jar and dependencies (version $version)"
mvn -B -q package -DskipTests
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/pkg/lib
cp target/vigil-"$pom_version".jar target/pkg/input/vigil.jar
for f in target/pkg/lib/*.jar; do
  case $(basename "$f") in javafx-*) ;; *) cp "$f" target/pkg/input/ ;; esac
done

echo "==> runtime (jlink)"
fxmods=$(ls target/pkg/lib/javafx-*-linux.jar | tr '\n' ':')
"$J/jlink" --module-path "$fxmods" --add-modules "$(IFS=,; echo "${MODULES[*]}")" \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"
# JavaFX's native libraries sit beside the JDK's, so it loads them from disk (not unpacked into ~/.openjfx) and the
# packages' dependency scan sees libgtk-3 and friends.
for j in target/pkg/lib/javafx-*-linux.jar; do
  if unzip -l "$j" '*.so' >/dev/null 2>&1; then unzip -q -o -j "$j" '*.so' -d "$out/runtime/lib"; fi
done

echo "==> app image (jpackage)"
# The launcher's JVM options, one a line in packaging/java-options (docs/benchmarks/run.sh memory measures the same)
java_options=()
while read -r option; do java_options+=(--java-options "$option"); done \
  < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' packaging/java-options)
"$J/jpackage" --type app-image --name vigil --app-version "$version" --vendor "Vigil" \
  --description "Watches Oracle, MySQL/MariaDB and PostgreSQL databases" \
  --input target/pkg/input --main-jar vigil.jar --main-class io.vigil.Main \
  --runtime-image "$out/runtime" --icon icons/png/vigil-256.png "${java_options[@]}" --dest "$out"
# the collector service's unit and settings, for the portable archive; the packages install them in /lib/systemd/system
# and /etc/default
install -D -m 644 packaging/linux/vigil-collector.service "$out/vigil/lib/service/vigil-collector.service"
install -D -m 644 packaging/linux/vigil-collector.default "$out/vigil/lib/service/vigil-collector.default"

if $aot; then
  echo "==> startup cache (one training run of the console, JDK 25 AOT cache)"
  train=$(mktemp -d)
  cfg="$out/vigil/lib/app/vigil.cfg"
  if command -v xvfb-run >/dev/null; then
    JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$PWD/$out/vigil/lib/app/vigil.aot" \
      xvfb-run -a -s "-screen 0 1280x800x24" "$out/vigil/bin/vigil" --data-dir "$train" --exit-after 12 >/dev/null 2>&1 || true
  fi
  rm -f "$out"/vigil/lib/app/vigil.aot.config
  if [ -f "$out/vigil/lib/app/vigil.aot" ]; then
    sed -i 's#^\[JavaOptions\]#[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/vigil.aot#' "$cfg"
    echo "AOT cache: $(du -h "$out/vigil/lib/app/vigil.aot" | cut -f1)"
  else
    echo "no AOT cache (needs xvfb-run for the training run); the app starts without it"
  fi
  rm -rf "$train"
fi

echo "==> portable archive"
tar -C "$out" -czf "$out/vigil-$version-linux-x64.tar.gz" vigil
fi

# jpackage stages the image with new timestamps, which the startup cache checks against, so installed packages would
# print errors and start without it: they are made from a copy without the cache (the .tar.gz keeps it).
rm -rf target/pkg/image && mkdir -p target/pkg/image && cp -a "$out/vigil" target/pkg/image/
rm -f target/pkg/image/vigil/lib/app/vigil.aot
sed -i '/AOTCache/d' target/pkg/image/vigil/lib/app/vigil.cfg
install -D -m 644 packaging/linux/vigil-collector.service target/pkg/image/vigil/lib/service/vigil-collector.service
install -D -m 644 packaging/linux/vigil-collector.default target/pkg/image/vigil/lib/service/vigil-collector.default
linux_options=(--name vigil --app-version "$version" --vendor "Vigil" --description "Watches Oracle, MySQL/MariaDB and PostgreSQL databases"
               --app-image target/pkg/image/vigil --resource-dir packaging/linux --install-dir /opt
               --linux-shortcut --linux-menu-group "Development;Database;Monitor;" --linux-app-category database
               --license-file LICENSE --dest "$out")
if ! $skip_deb; then
  echo "==> .deb"
  "$J/jpackage" --type deb --linux-package-name vigil --linux-deb-maintainer "vigil@localhost" "${linux_options[@]}"
  # jpackage puts everything under /opt: the collector service's unit and its settings (a conffile, so an upgrade keeps
  # the site's edits) are added to the package afterwards
  deb=$(ls "$out"/vigil_*_amd64.deb)
  rm -rf target/pkg/deb && dpkg-deb -R "$deb" target/pkg/deb
  install -D -m 644 packaging/linux/vigil-collector.service target/pkg/deb/lib/systemd/system/vigil-collector.service
  install -D -m 644 packaging/linux/vigil-collector.default target/pkg/deb/etc/default/vigil-collector
  echo /etc/default/vigil-collector >> target/pkg/deb/DEBIAN/conffiles
  if [ -f target/pkg/deb/DEBIAN/md5sums ]; then
    (cd target/pkg/deb && md5sum lib/systemd/system/vigil-collector.service etc/default/vigil-collector >> DEBIAN/md5sums)
  fi
  dpkg-deb --root-owner-group -b target/pkg/deb "$deb" >/dev/null
  rm -rf target/pkg/deb
fi
if ! $skip_rpm; then
  if command -v rpmbuild >/dev/null; then
    echo "==> .rpm"
    "$J/jpackage" --type rpm --linux-package-name vigil --linux-rpm-license-type "ASL 2.0" "${linux_options[@]}"
  else
    echo "no .rpm: rpmbuild is missing (apt-get install rpm)" >&2
  fi
fi

echo "==> built"
ls -la "$out" | grep -v '^total'
