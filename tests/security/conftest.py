"""Fixtures of the security tests: the world (tests/security/world.py) built once per module and
rolled back after it, a logged-in client per role, and a snapshot of every table of the app."""

import os

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client, override_settings
from hypothesis import settings as hypothesis_settings

from tests.books.conftest import assert_test_database
from tests.security.world import build_security_world

# Hypothesis: "ci" gives the same examples on every run (a red CI run is reproducible, a green one
# means the same thing each time); "dev" explores new ones and remembers failures in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("dev", print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

APP_LABELS = {"masterplan", "bimtek", "dimensions", "review", "notifications", "books", "rendering"}


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("security-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        assert_test_database()
        world = build_security_world()
        world.clients = {}
        for key, user in world.users.items():
            client = Client()
            if user is not None:
                client.force_login(user)
            world.clients[key] = client
        yield world
        transaction.set_rollback(True)


def _snapshot_sql():
    """One query giving, per table of the app (history and many-to-many tables included), its
    rows as one text: any insert, update or delete changes it."""
    qn = connection.ops.quote_name
    parts = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in APP_LABELS:
            continue
        table = qn(model._meta.db_table)
        cols = [qn(f.column) for f in model._meta.concrete_fields]
        row = " || '|' || ".join(f"COALESCE(CAST({c} AS TEXT), '~')" for c in cols)
        pk = qn(model._meta.pk.column)
        if connection.vendor == "postgresql":
            agg = f"(SELECT string_agg({row}, ';' ORDER BY {pk}) FROM {table})"
        else:  # SQLite < 3.44 has no ORDER BY inside group_concat: ordered in a subquery
            agg = f"(SELECT group_concat(r, ';') FROM (SELECT {row} AS r FROM {table} ORDER BY {pk}))"
        parts.append(f"SELECT '{model._meta.db_table}', {agg}")
    return " UNION ALL ".join(parts)


@pytest.fixture(scope="module")
def snapshot():
    """snapshot() -> {table: rows as text}."""
    sql = _snapshot_sql()

    def take():
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return dict(cursor.fetchall())

    return take


def changed_tables(before, after):
    return sorted(t for t in before if before[t] != after.get(t))
