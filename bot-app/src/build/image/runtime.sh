#!/usr/bin/env bash
# Lays out what the container image adds to an empty (scratch) base, in OUT:
#   /opt/java       a Java runtime made by jlink from the JDK running the build (the modules in
#                   modules.txt, English and French locale data only)
#   /lib*, /usr/lib the shared libraries that runtime and sqlite-jdbc's native library need (ldd)
#   /etc/passwd     the bot's user, uid 10001, home /data
#   /tmp, /data     empty: java.io.tmpdir (sqlite-jdbc extracts its library there) and the data
# No registry is asked for anything: everything comes from this machine.
#
# usage: runtime.sh OUT APP_JAR
# jlink is slow on a busy machine, so what it makes is kept in a cache folder named after this
# script, the module list and the JDK (NETWORKERAS_IMAGE_CACHE, default ~/.cache/networkeras/image):
# a later build, also after `mvn clean` or in another clone, only copies it into OUT.
set -euo pipefail
out=$1
jar=$2
here=$(cd "$(dirname "$0")" && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
modules=$(grep -v '^#' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
stamp=$( (cat "$0" "$here/modules.txt"; grep JAVA_RUNTIME_VERSION "$java_home/release"; uname -m) \
  | sha256sum | cut -c1-16)
cache_root=${NETWORKERAS_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/networkeras/image}
cache=$cache_root/$stamp
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
  echo "image runtime up to date in $out"
  exit 0
fi
rm -rf "$out"
if [[ -f "$cache/.stamp" ]]; then
  mkdir -p "$(dirname "$out")"
  cp -a "$cache" "$out"
  echo "image runtime copied from $cache"
  exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/networkeras-image.XXXXXX")
native=$(mktemp -d)
trap 'rm -rf "$work" "$native"' EXIT
mkdir -p "$work/opt" "$work/tmp" "$work/data" "$work/etc"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,fr \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/opt/java"
# The JDK's own configuration and CA certificates may be links into /etc (Debian): copy the files.
for link in $(find "$work/opt/java" -type l); do
  target=$(readlink -f "$link")
  rm "$link"
  cp "$target" "$link"
done
if [[ ! -s "$work/opt/java/lib/security/cacerts" && -s /etc/ssl/certs/java/cacerts ]]; then
  cp /etc/ssl/certs/java/cacerts "$work/opt/java/lib/security/cacerts"
fi
# sqlite-jdbc's native library, as the jar ships it for this architecture, to ask ldd about.
unzip -q -o "$jar" 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$native"
# The AWT, font, image and sound libraries of java.desktop (needed for java.beans) are never loaded
# by a headless bot: their X11 and font dependencies stay out.
{
  find "$work/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    -not -name 'libawt_xawt.so' -not -name 'libjawt.so' -not -name 'libsplashscreen.so' \
    -not -name 'libfontmanager.so' -not -name 'liblcms.so' -not -name 'libjavajpeg.so' \
    -not -name 'libmlib_image.so' -not -name 'libjsound.so'
  echo "$native/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"
} | while read -r binary; do
  ldd "$binary" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
done | sort -u | while read -r library; do
  case "$library" in "$work"/*) continue ;; esac
  mkdir -p "$work$(dirname "$library")"
  cp -L "$library" "$work$library"
done
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$work/etc/passwd"
echo 'networkeras:x:10001:10001:Networkeras:/data:/sbin/nologin' >> "$work/etc/passwd"
printf 'root:x:0:\nnetworkeras:x:10001:\n' > "$work/etc/group"
echo "$stamp" > "$work/.stamp"
# Into the cache in one move, so a build running beside this one never sees half of it.
mkdir -p "$cache_root"
partial=$(mktemp -d "$cache_root/.partial.XXXXXX")
cp -a "$work/." "$partial/"
mv -T "$partial" "$cache" 2>/dev/null || rm -rf "$partial"
mkdir -p "$(dirname "$out")"
cp -a "$cache" "$out"
echo "image runtime made in $out: $(du -sh "$out" | cut -f1)"
