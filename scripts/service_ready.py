"""Exit 0 when the server at the given URL answers, 1 (with the reason) otherwise.

    python scripts/service_ready.py postgres://postgres@127.0.0.1:5432/masterplan
    python scripts/service_ready.py redis://127.0.0.1:6379/0

`make test` uses it to decide whether the PostgreSQL tier runs; a skipped tier is printed, never
silent. For PostgreSQL it asks the server, not the named database: pytest-django creates
test_<name> itself, so <name> need not exist.
"""

import sys
from urllib.parse import urlsplit


def postgres(url):
    import psycopg2
    from psycopg2.extensions import parse_dsn

    params = parse_dsn(url)
    params["dbname"] = "postgres"
    psycopg2.connect(connect_timeout=3, **params).close()


def redis(url):
    import redis as redis_py

    redis_py.Redis.from_url(url, socket_connect_timeout=3).ping()


CHECKS = {"postgres": postgres, "postgresql": postgres, "redis": redis}


def main(url):
    scheme = urlsplit(url).scheme
    try:
        CHECKS[scheme](url)
    except Exception as exc:  # any failure means: not available, and say why
        print(f"{scheme} not reachable at {url}: {str(exc).strip() or type(exc).__name__}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
