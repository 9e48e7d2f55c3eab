#!/usr/bin/env bash
# The serving part of `make run`: a real Celery worker in the background and Django's development
# server in the foreground. The worker needs no server: kombu's filesystem transport passes the
# messages through files under var/celery/. Stopping the server (Ctrl-C) stops the worker.
#
# Pages are served with DEBUG off, as users get them (the app's Indonesian 404 and 500 pages, not
# Django's English debug pages); the development server still serves the static files from the
# source tree (--insecure), reloads on code and template changes, and prints every error's
# traceback in this terminal. DEBUG=1 (`make run DEBUG=1`) brings Django's debug pages back.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
ADDR="${ADDR:-127.0.0.1:8000}"
export BIN DEBUG="${DEBUG:-0}" CELERY_BROKER_URL="${CELERY_BROKER_URL:-filesystem://}"
RUNSERVER_ARGS=()
case "$DEBUG" in
  1 | true | True | on | yes) ;;
  *)
    RUNSERVER_ARGS+=(--insecure)  # static files from the source tree, as with DEBUG on
    # The development server speaks plain HTTP on this machine only: no HTTPS redirect, no secure
    # cookies; mails (set-password links) printed here, as with DEBUG on.
    export HTTPS="${HTTPS:-0}" EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"
    export ALLOW_CONSOLE_EMAIL="${ALLOW_CONSOLE_EMAIL:-1}"
    # ...so WhiteNoise's note that collectstatic has not run (no STATIC_ROOT) is noise here.
    export PYTHONWARNINGS="${PYTHONWARNINGS:+$PYTHONWARNINGS,}ignore:No directory at:UserWarning"
    # Without DEBUG the settings want a SECRET_KEY: one of this checkout's own, kept in var/
    # (ignored by git), unless the environment or .env gives one.
    if [ -z "${SECRET_KEY:-}" ] && ! grep -qs '^SECRET_KEY=' .env; then
      KEY_FILE="${DEV_SECRET_KEY_FILE:-var/dev-secret-key}"
      if [ ! -s "$KEY_FILE" ]; then
        mkdir -p "$(dirname "$KEY_FILE")"
        (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$KEY_FILE")
      fi
      SECRET_KEY="$(cat "$KEY_FILE")"
      export SECRET_KEY
    fi
    ;;
esac
WORKER_LOG="${WORKER_LOG:-var/log/celery-worker.log}"
mkdir -p "$(dirname "$WORKER_LOG")"

# Own session, so the whole worker (main process and pool children) stops as one group.
setsid scripts/celery-worker.sh >"$WORKER_LOG" 2>&1 &
WORKER_PID=$!

stop_worker() {
  trap - EXIT INT TERM
  if kill -0 "$WORKER_PID" 2>/dev/null; then
    echo "Stopping the Celery worker (pid $WORKER_PID)..."
    kill -TERM "$WORKER_PID" 2>/dev/null || true  # warm shutdown: the main process stops its pool
    for _ in $(seq 1 40); do
      kill -0 "$WORKER_PID" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL -- "-$WORKER_PID" 2>/dev/null || true  # whatever is left of the group
  fi
}
trap stop_worker EXIT
trap 'stop_worker; exit 0' INT  # Ctrl-C is the normal way to stop
trap 'stop_worker; exit 143' TERM

cat <<BANNER

  Masterplan Smart City is served at http://$ADDR/
  Demo logins are listed above; every demo password is: masterplan-demo
  Celery worker: pid $WORKER_PID, broker $CELERY_BROKER_URL, log $WORKER_LOG
  DEBUG=$DEBUG: with DEBUG off, pages are served as users see them and error tracebacks are
  printed here; \`make run DEBUG=1\` shows Django's debug pages instead.
  Stop with Ctrl-C (stops the worker too).

BANNER
"$BIN/python" manage.py runserver "${RUNSERVER_ARGS[@]}" "$ADDR"
