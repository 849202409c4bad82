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
# It does nothing when OUT was made by the same script, module list and JDK (see OUT/.stamp), so a
# rebuild costs no jlink.
set -euo pipefail
out=$1
jar=$2
here=$(cd "$(dirname "$0")" && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
modules=$(grep -v '^#' "$here/modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
stamp="$(sha256sum "$0" "$here/modules.txt" | cut -c1-16 | tr '\n' ' ')$(grep JAVA_RUNTIME_VERSION "$java_home/release")"
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
  echo "image runtime up to date in $out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/data" "$out/etc"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,fr \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"
# The JDK's own configuration and CA certificates may be links into /etc (Debian): copy the files.
for link in $(find "$out/opt/java" -type l); do
  target=$(readlink -f "$link")
  rm "$link"
  cp "$target" "$link"
done
if [[ ! -s "$out/opt/java/lib/security/cacerts" && -s /etc/ssl/certs/java/cacerts ]]; then
  cp /etc/ssl/certs/java/cacerts "$out/opt/java/lib/security/cacerts"
fi
# sqlite-jdbc's native library, as the jar ships it for this architecture, to ask ldd about.
native=$(mktemp -d)
trap 'rm -rf "$native"' EXIT
unzip -q -o "$jar" 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$native"
{
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \)
  echo "$native/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"
} | while read -r binary; do
  ldd "$binary" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
done | sort -u | while read -r library; do
  case "$library" in "$out"/*) continue ;; esac
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'networkeras:x:10001:10001:Networkeras:/data:/sbin/nologin' >> "$out/etc/passwd"
printf 'root:x:0:\nnetworkeras:x:10001:\n' > "$out/etc/group"
echo "$stamp" > "$out/.stamp"
echo "image runtime made in $out: $(du -sh "$out" | cut -f1)"
