#!/usr/bin/env bash
# The Celery worker of `make run`: every queue the app routes to (books renders, the default
# queue). Prefetch of one and recycled processes come from the settings
# (CELERY_WORKER_PREFETCH_MULTIPLIER, CELERY_WORKER_MAX_TASKS_PER_CHILD). Broker and the rest come
# from the environment (make run: CELERY_BROKER_URL=filesystem://).
# Extra arguments are passed on to `celery worker`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
exec "$BIN/celery" -A masterplan worker \
  --queues="${CELERY_QUEUES:-books,celery}" \
  --concurrency="${CELERY_CONCURRENCY:-2}" \
  --without-gossip --without-mingle --without-heartbeat \
  --loglevel="${CELERY_LOGLEVEL:-INFO}" \
  "$@"
