"""The rows of a ``values_list()`` query as the database driver returns them.

Django's ``values_list()`` iterator does work per row (the result iterable, converters, tuples
rebuilt); for the few reads of hundreds of plain columns on every page of an expert of 514
regions (their memberships, every region's plan and figures token) that work cost more than the
query. The SQL is still the ORM's: only the per-row step is skipped. Only for columns the driver
already returns as Python wants them (integers, text, a UUID cast to text); a date, a decimal or a
boolean on SQLite needs Django's converters: read those through the ORM."""

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet


def fetch_rows(queryset: QuerySet) -> list[tuple]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


_FIXED_SQL: dict[tuple[str, str], tuple[str, tuple]] = {}


def fetch_fixed_rows(name: str, queryset: Callable[[], QuerySet]) -> list[tuple]:
    """As ``fetch_rows``, for a query that takes nothing from the request (every region's plan and
    figures token): its SQL put together once per process and database, named ``name``. Building
    and compiling the ORM query cost about half a millisecond, on every page of an expert."""
    key = (name, DEFAULT_DB_ALIAS)
    if key not in _FIXED_SQL:
        qs = queryset()
        _FIXED_SQL[key] = qs.query.get_compiler(using=DEFAULT_DB_ALIAS).as_sql()
    sql, params = _FIXED_SQL[key]
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
