#!/bin/sh
# Install Workshop's desktop integration on Linux: the menu entry (.desktop), the AppStream
# metadata, the .workshop file type (shared-mime-info) and the hicolor icons, plus a
# `workshop-app` launcher.
#
#   install.sh                 for you: $XDG_DATA_HOME (~/.local/share) and ~/.local/bin
#   install.sh --system        for everyone: /usr/local/share and /usr/local/bin (run as root;
#                              /usr/local, because /usr belongs to the distribution's packages)
#   install.sh --prefix DIR    DIR/share and DIR/bin
#   install.sh --uninstall     remove what the same command installed
#   install.sh --binary FILE   the launcher runs FILE (default: see below)
#   DESTDIR=/stage install.sh --prefix /usr   stage for a package; no caches are updated
#
# It runs from either layout:
#   the repository         packaging/linux/install.sh (the SVG from resources/icons/); the
#                          launcher runs the `workshop-app` on PATH (pip install).
#   the frozen build       dist/workshop-app/linux/install.sh, or install.sh beside the binary:
#                          the launcher runs dist/workshop-app/workshop-app, where it lies.
set -eu

APP_ID=io.github.workshop_app.workshop_app
NAME=workshop-app
MARK="# workshop-app launcher, made by install.sh"

here=$(cd "$(dirname "$0")" && pwd)
mode=user
prefix=
uninstall=0
binary=

usage() {
    sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --system) mode=system ;;
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
                  mode=prefix; prefix=$2; shift ;;
        --prefix=*) mode=prefix; prefix=${1#--prefix=} ;;
        --binary) [ $# -ge 2 ] || { echo "install.sh: --binary needs a file" >&2; exit 2; }
                  binary=$2; shift ;;
        --binary=*) binary=${1#--binary=} ;;
        --uninstall) uninstall=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (see install.sh --help)" >&2; exit 2 ;;
    esac
    shift
done

case "$mode" in
    user)
        : "${HOME:?install.sh: HOME is not set}"
        data=${XDG_DATA_HOME:-$HOME/.local/share}
        bin=$HOME/.local/bin ;;
    system)
        data=/usr/local/share
        bin=/usr/local/bin ;;
    prefix)
        data=$prefix/share
        bin=$prefix/bin ;;
esac
dest=${DESTDIR:-}

# -- what to install -----------------------------------------------------------------------

svg=
for candidate in \
    "$here/icons/hicolor/scalable/apps/$NAME.svg" \
    "$here/../../resources/icons/$NAME.svg" \
    "$here/../_internal/workshop_app/resources/icons/$NAME.svg" \
    "$here/_internal/workshop_app/resources/icons/$NAME.svg"; do
    if [ -f "$candidate" ]; then svg=$candidate; break; fi
done

if [ -z "$binary" ]; then
    for candidate in "$here/$NAME" "$here/../$NAME"; do
        if [ -f "$candidate" ] && [ -x "$candidate" ]; then
            binary=$(cd "$(dirname "$candidate")" && pwd)/$NAME
            break
        fi
    done
fi
if [ -z "$binary" ] && found=$(command -v "$NAME" 2>/dev/null); then
    if [ "$found" = "$bin/$NAME" ] && grep -qx "$MARK" "$found" 2>/dev/null; then
        # our launcher from an earlier run: keep what it runs
        binary=$(sed -n "s/^exec '\\(.*\\)' \"\\\$@\"\$/\\1/p" "$found" | sed "s/'\\\\''/'/g")
    else
        case "$found" in /*) binary=$found ;; esac
    fi
fi

files="applications/$APP_ID.desktop metainfo/$APP_ID.metainfo.xml mime/packages/$APP_ID.xml"
for size_dir in "$here"/icons/hicolor/*x*; do
    [ -d "$size_dir" ] || continue
    files="$files icons/hicolor/$(basename "$size_dir")/apps/$NAME.png"
done
files="$files icons/hicolor/scalable/apps/$NAME.svg"

refresh_caches() {
    # Only for a live install: a staged one (DESTDIR) is refreshed by the package's triggers.
    [ -z "$dest" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$data/icons/hicolor" 2>/dev/null || true
    fi
    return 0
}

# -- uninstall -----------------------------------------------------------------------------

if [ "$uninstall" = 1 ]; then
    for f in $files; do
        rm -f "$dest$data/$f"
    done
    if [ -f "$dest$bin/$NAME" ] && grep -qx "$MARK" "$dest$bin/$NAME" 2>/dev/null; then
        rm -f "$dest$bin/$NAME"
    fi
    refresh_caches
    echo "Workshop's desktop integration is removed from $dest$data."
    exit 0
fi

# -- install -------------------------------------------------------------------------------

put() {  # put SOURCE TARGET: copy, readable by all, creating folders
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2.tmp.$$"
    chmod 644 "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
}

launcher=
if [ -n "$binary" ]; then
    if [ -e "$dest$bin/$NAME" ] && ! grep -qx "$MARK" "$dest$bin/$NAME" 2>/dev/null; then
        launcher=$bin/$NAME  # a workshop-app that is not ours (pip's): leave it be
        [ "$binary" = "$bin/$NAME" ] || echo "Kept $dest$bin/$NAME (not made by install.sh)."
    else
        mkdir -p "$dest$bin"
        tmp="$dest$bin/$NAME.tmp.$$"
        {
            echo "#!/bin/sh"
            echo "$MARK"
            printf "exec '%s' \"\$@\"\n" "$(printf '%s' "$binary" | sed "s/'/'\\\\''/g")"
        } >"$tmp"
        chmod 755 "$tmp"
        mv -f "$tmp" "$dest$bin/$NAME"
        launcher=$bin/$NAME
    fi
fi

desktop_tmp=$(mktemp)
trap 'rm -f "$desktop_tmp"' EXIT
case "$launcher" in
    *[\"\`\$\\\|\&]*) launcher_exec= ;;  # unquotable in Exec: leave it to PATH
    *) launcher_exec=$launcher ;;
esac
if [ -n "$launcher_exec" ]; then
    # The full path: a graphical session's PATH often lacks ~/.local/bin.
    sed "s|^Exec=$NAME |Exec=\"$launcher_exec\" |" "$here/$APP_ID.desktop" >"$desktop_tmp"
else
    cp "$here/$APP_ID.desktop" "$desktop_tmp"
fi
put "$desktop_tmp" "$dest$data/applications/$APP_ID.desktop"
put "$here/$APP_ID.metainfo.xml" "$dest$data/metainfo/$APP_ID.metainfo.xml"
put "$here/$APP_ID.mime.xml" "$dest$data/mime/packages/$APP_ID.xml"
for size_dir in "$here"/icons/hicolor/*x*; do
    [ -d "$size_dir" ] || continue
    size=$(basename "$size_dir")
    put "$size_dir/apps/$NAME.png" "$dest$data/icons/hicolor/$size/apps/$NAME.png"
done
[ -n "$svg" ] && put "$svg" "$dest$data/icons/hicolor/scalable/apps/$NAME.svg"

refresh_caches

echo "Workshop's desktop integration is installed in $dest$data."
if [ -n "$launcher" ]; then
    echo "The menu entry and .workshop files run $launcher ($binary)."
else
    echo "No workshop-app was found: install it (pip install, or the build's folder), then run"
    echo "this again, or pass --binary FILE. Until then the menu entry runs 'workshop-app'."
fi
