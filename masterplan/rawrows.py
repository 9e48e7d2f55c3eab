"""The rows of a ``values_list()`` query as the database driver returns them.

Django's ``values_list()`` iterator does work per row (the result iterable, converters, tuples
rebuilt); for the few reads of hundreds of plain columns on every page of an expert of 514
regions (their memberships, every region's plan and figures token) that work cost more than the
query. The SQL is still the ORM's: only the per-row step is skipped. Only for columns the driver
already returns as Python wants them (integers, text, a UUID cast to text); a date, a decimal or a
boolean on SQLite needs Django's converters: read those through the ORM."""

from django.db import connections
from django.db.models import QuerySet


def fetch_rows(queryset: QuerySet) -> list[tuple]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
