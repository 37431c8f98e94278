#!/usr/bin/env sh
# Runs a command with a real Secret Service: a private D-Bus session, a fresh HOME and an
# unlocked gnome-keyring (its password must be non-empty, or no default collection exists).
set -eu
export NPM_CONFIG_UPDATE_NOTIFIER=false
exec dbus-run-session -- sh -c '
  export HOME="$(mktemp -d)"
  echo -n ci-keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' sh "$@"
