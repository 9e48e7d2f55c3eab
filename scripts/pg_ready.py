"""Exit 0 when a PostgreSQL server answers at the given URL, 1 otherwise (for `make test`)."""

import sys

import psycopg2

try:
    psycopg2.connect(sys.argv[1], connect_timeout=3).close()
except Exception as exc:  # any failure means: skip the tier, and say why
    print(f"PostgreSQL not reachable: {exc}".strip())
    sys.exit(1)
