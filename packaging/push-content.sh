#!/bin/sh
# Copies one content database to every kiosk: rsync to a temporary name next to the live file, then
# an atomic rename on the kiosk. A kiosk therefore sees either the old or the new file, never half a
# copy, and reloads within a second or two (no restart).
#
# Usage: push-content.sh CONTENT.db HOST…            e.g. push-content.sh build/content.db kiosk-1 kiosk-2
#        push-content.sh CONTENT.db -f kiosks.txt     one host per line ("#" starts a comment)
# Environment: WEGWEISER_REMOTE_DB (default /var/lib/wegweiser/content.db), SSH_USER (default: ssh's).
# Needs ssh access (keys) as a user that may write the kiosk's content directory (the `wegweiser`
# user or root). Exit status: 0 all kiosks updated, 1 some failed (listed), 2 usage error.
set -u

usage() { echo "usage: push-content.sh CONTENT.db HOST… | CONTENT.db -f HOSTS_FILE" >&2; exit 2; }
[ $# -ge 2 ] || usage
db="$1"; shift
[ -f "$db" ] || { echo "push-content: no such file: $db" >&2; exit 2; }
# Never distribute a broken database: the same check the staff tool's stats command does.
if command -v wegweiser-content >/dev/null 2>&1; then
    wegweiser-content stats "$db" >/dev/null || { echo "push-content: $db is not a readable content database" >&2; exit 2; }
fi

if [ "$1" = "-f" ]; then
    [ $# -eq 2 ] && [ -f "$2" ] || usage
    hosts=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$2")
else
    hosts="$*"
fi

remote="${WEGWEISER_REMOTE_DB:-/var/lib/wegweiser/content.db}"
dir=$(dirname "$remote")
tmp="$dir/.$(basename "$remote").incoming"
failed=""
for host in $hosts; do
    target="${SSH_USER:+$SSH_USER@}$host"
    # Same directory as the live file: the rename stays on one file system and is atomic.
    if rsync --compress --checksum --times --chmod=F644 "$db" "$target:$tmp" &&
       ssh "$target" "mv -f '$tmp' '$remote'"; then
        echo "push-content: $host updated"
    else
        echo "push-content: $host FAILED" >&2
        failed="$failed $host"
    fi
done
if [ -n "$failed" ]; then
    echo "push-content: not updated:$failed" >&2
    exit 1
fi
exit 0
