#!/usr/bin/env bash
# The Celery worker of `make run`: every queue the app routes to (books renders, the default
# queue), one task at a time per process, processes recycled (WeasyPrint keeps its memory).
# Broker and settings come from the environment (make run: CELERY_BROKER_URL=filesystem://).
# Extra arguments are passed on to `celery worker`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
exec "$BIN/celery" -A masterplan worker \
  --queues="${CELERY_QUEUES:-books,celery}" \
  --concurrency="${CELERY_CONCURRENCY:-2}" \
  --prefetch-multiplier=1 \
  --max-tasks-per-child=20 \
  --without-gossip --without-mingle --without-heartbeat \
  --loglevel="${CELERY_LOGLEVEL:-INFO}" \
  "$@"
