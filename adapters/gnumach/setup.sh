#!/usr/bin/env bash
# vmck gnumach adapter: idempotent provisioning + build.
# Safe to call on every test run; does nothing when everything is up to date.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${VMCK_GNUMACH_CACHE:-$HERE/.cache}"
BUILD="${VMCK_GNUMACH_BUILD:-$HERE/build}"
PKGS="gnumach-image-1.8-486:i386 gnumach-dev:i386 mig-i686-gnu:i386"
export DEBIAN_FRONTEND=noninteractive

say() { echo "[gnumach-setup] $*" >&2; }
die() { echo "[gnumach-setup] ERROR: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=0
apt_update() {
    if [ "$APT_UPDATED" = 0 ]; then
        say "apt-get update"
        # Some configured third-party sources may be unreachable; that is not fatal
        # as long as Debian's own indexes are fetched.
        apt-get update -q >&2 || say "apt-get update reported errors (continuing)"
        APT_UPDATED=1
    fi
}

have_m32() {
    local t; t="$(mktemp -d)"
    printf 'int main(void){return 0;}\n' > "$t/a.c"
    if gcc -m32 -o "$t/a" "$t/a.c" >/dev/null 2>&1; then rm -rf "$t"; return 0; fi
    rm -rf "$t"; return 1
}

# ---- 1. host tools --------------------------------------------------------
need_tools=0
command -v qemu-system-i386 >/dev/null 2>&1 || need_tools=1
command -v gcc >/dev/null 2>&1 || need_tools=1
if [ "$need_tools" = 0 ] && ! have_m32; then need_tools=1; fi
if [ "$need_tools" = 1 ]; then
    is_root || die "qemu-system-i386 or a gcc -m32 toolchain is missing; as root run: apt-get install -y --no-install-recommends qemu-system-x86 gcc-multilib"
    say "installing qemu-system-x86 gcc-multilib"
    if ! apt-get install -y -q --no-install-recommends qemu-system-x86 gcc-multilib >&2; then
        apt_update
        apt-get install -y -q --no-install-recommends qemu-system-x86 gcc-multilib >&2 \
            || die "apt-get install qemu-system-x86 gcc-multilib failed"
    fi
    command -v qemu-system-i386 >/dev/null 2>&1 || die "qemu-system-i386 still missing after install"
    have_m32 || die "gcc -m32 still does not work after installing gcc-multilib"
fi
command -v ld >/dev/null 2>&1 || die "ld (binutils) missing"

# ---- 2. i386 GNU Mach packages (cached) ----------------------------------
mkdir -p "$CACHE"
STAMP="$CACHE/stamp"
pkgs_ok() {
    [ -f "$STAMP" ] || return 1
    [ -f "$CACHE/root/boot/gnumach-1.8-486.gz" ] || return 1
    [ -f "$CACHE/root/usr/bin/i686-gnu-mig" ] || return 1
    [ -f "$CACHE/root/usr/include/i386-gnu/mach/mach.defs" ] \
        || [ -f "$CACHE/root/usr/include/i386-linux-gnu/mach/mach.defs" ] \
        || ls "$CACHE"/root/usr/include/*/mach/mach.defs >/dev/null 2>&1 || return 1
    return 0
}
if pkgs_ok; then
    say "GNU Mach packages cached: $(tr '\n' ' ' < "$STAMP")"
else
    if ! dpkg --print-foreign-architectures | grep -qx i386 && [ "$(dpkg --print-architecture)" != i386 ]; then
        is_root || die "dpkg architecture i386 is not configured; as root run: dpkg --add-architecture i386 && apt-get update"
        say "dpkg --add-architecture i386"
        dpkg --add-architecture i386
        APT_UPDATED=0; apt_update
    fi
    dl="$CACHE/debs"; rm -rf "$dl"; mkdir -p "$dl"
    say "apt-get download $PKGS"
    if ! (cd "$dl" && apt-get download $PKGS >&2); then
        apt_update
        (cd "$dl" && apt-get download $PKGS >&2) || die "apt-get download $PKGS failed (is Debian's i386 index reachable?)"
    fi
    rm -rf "$CACHE/root"; mkdir -p "$CACHE/root"
    : > "$STAMP.new"
    for deb in "$dl"/*.deb; do
        dpkg-deb -x "$deb" "$CACHE/root" || die "dpkg-deb -x $deb failed"
        echo "$(dpkg-deb -f "$deb" Package):$(dpkg-deb -f "$deb" Architecture)=$(dpkg-deb -f "$deb" Version)" >> "$STAMP.new"
    done
    mv "$STAMP.new" "$STAMP"
    pkgs_ok || die "unpacked packages lack the expected files (boot/gnumach-1.8-486.gz, usr/bin/i686-gnu-mig, mach/mach.defs)"
    say "cached: $(tr '\n' ' ' < "$STAMP")"
fi

ROOT="$CACHE/root"
INC="$(dirname "$(dirname "$(ls "$ROOT"/usr/include/*/mach/mach.defs | head -1)")")"
MIG="$ROOT/usr/bin/i686-gnu-mig"

# ---- 3. build ---------------------------------------------------------------
mkdir -p "$BUILD"
KERNEL="$BUILD/gnumach-1.8-486"
if [ ! -f "$KERNEL" ] || [ "$ROOT/boot/gnumach-1.8-486.gz" -nt "$KERNEL" ]; then
    say "gunzip kernel -> $KERNEL"
    gunzip -c "$ROOT/boot/gnumach-1.8-486.gz" > "$KERNEL.tmp" && mv "$KERNEL.tmp" "$KERNEL"
fi

# geometry from the headers (never assumed)
VMP="$INC/mach/i386/vm_param.h"
[ -f "$VMP" ] || die "missing $VMP"
GEOM="$BUILD/geometry.json"
if [ ! -f "$GEOM" ] || [ "$VMP" -nt "$GEOM" ] || [ "$HERE/setup.sh" -nt "$GEOM" ]; then
    t="$(mktemp -d)"
    cat > "$t/g.c" <<'CEOF'
#include <stdio.h>
#include <mach/i386/vm_param.h>
int main(void){
  printf("{\"min_address\": \"0x%lx\", \"max_address\": \"0x%lx\", \"page_size\": \"0x%lx\"}\n",
         (unsigned long)(VM_MIN_ADDRESS), (unsigned long)(VM_MAX_ADDRESS), (unsigned long)(I386_PGBYTES));
  return 0;
}
CEOF
    gcc -m32 -I"$INC" -o "$t/g" "$t/g.c" || die "cannot compile geometry probe against $VMP"
    "$t/g" > "$GEOM.tmp" && mv "$GEOM.tmp" "$GEOM"
    rm -rf "$t"
    say "geometry: $(cat "$GEOM")"
fi

GUEST="$BUILD/vmck-guest"
SRC="$HERE/guest"
if [ -f "$GUEST" ] && [ -z "$(find "$SRC" "$HERE/setup.sh" "$STAMP" -newer "$GUEST" -print -quit)" ]; then
    say "guest up to date: $GUEST"
else
    say "generating MIG stubs"
    GEN="$BUILD/mig"; rm -rf "$GEN"; mkdir -p "$GEN"
    for d in mach/mach.defs mach/mach_host.defs mach/mach_port.defs device/device.defs; do
        b="$(basename "$d" .defs)"
        (cd "$GEN" && "$MIG" -I"$INC" -user "${b}_user.c" -header "${b}.h" -server /dev/null -sheader /dev/null "$INC/$d") \
            || die "MIG failed on $d"
    done
    CFLAGS="-m32 -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector -fno-builtin -fno-asynchronous-unwind-tables -Wall -Wno-unused"
    CINC="-I$SRC/include -I$GEN -I$INC"
    OBJS=""
    for c in "$SRC"/guest.c "$GEN"/mach_user.c "$GEN"/mach_host_user.c "$GEN"/mach_port_user.c "$GEN"/device_user.c; do
        o="$BUILD/$(basename "$c" .c).o"
        gcc $CFLAGS $CINC -c "$c" -o "$o" || die "compile failed: $c"
        OBJS="$OBJS $o"
    done
    gcc -m32 -c "$SRC/start.S" -o "$BUILD/start.o" || die "assemble failed: start.S"
    ld -m elf_i386 -static -nostdlib -Ttext-segment=0x08048000 -e _start -o "$GUEST.tmp" "$BUILD/start.o" $OBJS \
        $(gcc -m32 -print-libgcc-file-name) || die "link failed"
    mv "$GUEST.tmp" "$GUEST"
    say "built $GUEST ($(stat -c %s "$GUEST") bytes)"
fi
say "ready: kernel=$KERNEL guest=$GUEST geometry=$GEOM"
