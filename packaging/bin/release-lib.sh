# Release bookkeeping shared by bin/boot-guard and bin/rollback (sourced, never run; POSIX sh, no
# node: these run as root when the release itself may be the thing that is broken).
#
# Layout (README "Install at a station"):
#   $BIANMIN_ROOT/releases/<version>/    one release each; its version is the folder's name
#   $BIANMIN_ROOT/current                symbolic link to releases/<version>: what systemd starts
#   $BIANMIN_RELEASE_STATE_DIR/          bookkeeping the boot guard, the kiosk and the package share:
#     good-<version>                     written by the kiosk when that release reached READY
#     attempts-<version>                 starts of a release that has not reached READY yet
#     previous                           the release that was current before the last upgrade
#                                        (written by the package's postinst)
#     rollback-<UTC time>.json           one record per rollback, for the fleet console
# BIANMIN_ROOT and BIANMIN_RELEASE_STATE_DIR exist so the tests can run these scripts in a folder.

bianmin_root=${BIANMIN_ROOT:-/opt/bianmin-kiosk}
state_dir=${BIANMIN_RELEASE_STATE_DIR:-/var/lib/bianmin-kiosk/release}
# The service user owns the state: the kiosk writes good-<version> there as that user.
service_user=${BIANMIN_USER:-bianmin}

# A release name as dpkg versions are written; anything else (a slash, a quote, "..") is refused,
# so a name can go into a path and into the JSON record unescaped.
valid_version() {
  case $1 in
    '' | . | .. | *[!A-Za-z0-9.+~_-]*) return 1 ;;
    *) return 0 ;;
  esac
}

# The version `current` points at, on stdout; fails when there is no such link or it names no
# installed release.
current_version() {
  target=$(readlink "$bianmin_root/current") || return 1
  version=${target%/}
  version=${version##*/}
  valid_version "$version" || return 1
  [ -d "$bianmin_root/releases/$version" ] || return 1
  printf '%s\n' "$version"
}

release_exists() {
  valid_version "$1" && [ -d "$bianmin_root/releases/$1" ]
}

is_good() {
  [ -e "$state_dir/good-$1" ]
}

# The release recorded in `previous`, on stdout (empty when none is recorded or it is not a name).
previous_version() {
  [ -f "$state_dir/previous" ] || return 0
  read -r recorded <"$state_dir/previous" || [ -n "${recorded:-}" ] || return 0
  if valid_version "$recorded"; then printf '%s\n' "$recorded"; fi
}

installed_versions() {
  for dir in "$bianmin_root"/releases/*/; do
    [ -d "$dir" ] || continue
    dir=${dir%/}
    printf '%s ' "${dir##*/}"
  done
}

# Points `current` at releases/<version> in one rename: a new link under a temporary name, then
# rename(2) over the old one (mv -T), so a power cut leaves the old link or the new one, never none.
switch_current() {
  link_tmp="$bianmin_root/.current.$$"
  rm -f "$link_tmp"
  ln -s "releases/$1" "$link_tmp" || return 1
  mv -T "$link_tmp" "$bianmin_root/current" || {
    rm -f "$link_tmp"
    return 1
  }
  # The rename is on disk before the service starts on it.
  sync "$bianmin_root" 2>/dev/null || sync
}

# Writes rollback-<UTC time>.json {"from","to","reason","at"}; prints its path. Written under a
# temporary name and renamed, so a reader never sees half a record.
write_rollback_record() {
  from=$1 to=$2 reason=$3
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  record="$state_dir/rollback-$stamp.json"
  # Two rollbacks in one second (a manual one right after the guard's) keep both records.
  [ ! -e "$record" ] || record="$state_dir/rollback-$stamp-$$.json"
  # The reason is our own text: no quotes or backslashes to escape.
  printf '{"from":"%s","to":"%s","reason":"%s","at":"%s"}\n' "$from" "$to" "$reason" "$at" >"$record.tmp" &&
    mv "$record.tmp" "$record" &&
    printf '%s\n' "$record"
}

ensure_state_dir() {
  mkdir -p "$state_dir" && chmod 0700 "$state_dir"
}

# Root wrote into the state folder; the kiosk (the service user) must still be able to write its
# good-<version> marker there. Skipped where that user does not exist (a build machine).
give_state_to_service_user() {
  if id -u "$service_user" >/dev/null 2>&1; then
    chown -R "$service_user:" "$state_dir"
  fi
}
