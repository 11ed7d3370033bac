#!/usr/bin/env bash
# Renders the app icon from its SVG sources into every size and format Vigil ships:
#   icons/png/vigil-<size>.png, icons/vigil.ico, icons/vigil.icns, and the PNGs the running app loads.
# Sizes up to 24 px come from vigil-small.svg, which keeps its shapes legible there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app_icons="$here/../src/main/resources/io/vigil/ui/icons"

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || { echo "build-icons: '$1' is missing; install it with: apt-get install $2" >&2; exit 1; }
}
need rsvg-convert librsvg2-bin
need png2icns icnsutils
# /usr/local/bin/convert may be a stand-in on some machines: use ImageMagick's own binary.
magick=""
for c in magick /usr/bin/convert; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q ImageMagick; then magick=$c; break; fi
done
[ -n "$magick" ] || { echo "build-icons: ImageMagick is missing; install it with: apt-get install imagemagick" >&2; exit 1; }

mkdir -p "$here/png" "$app_icons"
for size in 16 24 32 48 64 128 256 512; do
  src="$here/vigil.svg"; [ "$size" -le 24 ] && src="$here/vigil-small.svg"
  rsvg-convert -w "$size" -h "$size" "$src" -o "$here/png/vigil-$size.png"
done
"$magick" "$here"/png/vigil-{16,24,32,48,64,128,256}.png "$here/vigil.ico"
png2icns "$here/vigil.icns" "$here"/png/vigil-{16,32,48,128,256,512}.png >/dev/null
for size in 16 32 48 64 128 256; do cp "$here/png/vigil-$size.png" "$app_icons/"; done
echo "icons written to $here and $app_icons"
