"""The demo of ``seed_demo``, seeded once per module inside a transaction that is rolled back at
the module's end, so the rest of the suite still starts from an empty database."""

from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

DEMO_PASSWORD = "masterplan-demo"


def seed(**options):
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO(), **options)


@contextmanager
def seeded_module(django_db_blocker, **options):
    """The demo for a whole module: each test's own transaction nests inside this one."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            seed(**options)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
