"""Cached parts of a region's pages, never stale.

Every region has a *token* in the cache (Django's cache framework: Redis when REDIS_URL is set;
only when ``PAGE_CACHE`` is on, by default where REDIS_URL gives a cache every process shares). A
cached part of a page is stored under a key that contains the token of its region, so changing the
token retires every part cached for that region at once. The token is
replaced whenever a row of the region's data is written:

- by the model signals (post_save, post_delete, m2m_changed) of every model of the apps in
  ``WATCHED_APPS``, whatever writes it (services, the admin, a task, a command); the region is
  found through the row's foreign keys (``region_of``), and a row that belongs to no region
  (reference data, a user's name) replaces the global token, which every key contains too;
- by ``bump_region`` / ``bump_all``, called by the few writes that bypass the signals
  (``QuerySet.update``, ``bulk_create``).

A part that reads many regions (an expert's review queue) is cached in a *scope* instead
(``watch``, ``get_or_build_in_scope``): its token is replaced by a write of any of the few models
the part shows, in any region, and by ``bump_all``; writes of other models leave it.

The token is replaced at once, so the writing request (and a test inside one transaction) reads
its own write. Until that transaction commits, another request could read the data from before
it and store a part under the new token; so the new token carries the moment of its write, and
for ``WRITE_SECONDS`` after it (longer than any request may run: gunicorn's timeout is 60 s, and a
request's transaction ends with it) the region counts as *being written*: nothing of it is stored,
its pages are built afresh until its writes have surely committed. Tokens are random, never counted up: two
processes replacing one at the same moment cannot leave an old one in place. (No on-commit
callback: the tests count those of mails and render tasks.)

Only parts that are the same for everyone who may read them, or whose key names what differs
(e.g. which sections the user may edit), are cached; never anything carrying a CSRF token.
"""

import hashlib
import logging
import secrets
import time
from collections.abc import Callable, Hashable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.encoding import force_str

from .models import Region

logger = logging.getLogger(__name__)
# The apps whose rows pages show; writes to anything else (sessions, login attempts,
# notifications, the admin's log) do not touch the cached parts.
WATCHED_APPS = frozenset({"masterplan", "dimensions", "review", "bimtek", "books", "rendering"})
IGNORED_MODELS = frozenset({"notifications.notification"})
TIMEOUT = 24 * 3600  # a part nobody reads for a day leaves the cache
WRITE_SECONDS = 90
_GLOBAL = "pagecache:all"


def _new_token(written: bool = False) -> str:
    """A fresh token, with the moment of the write that replaced it (0: none): "3f9a0c1b2d4e@1764.5"."""
    return f"{secrets.token_hex(6)}@{time.time() if written else 0}"


def _is_writing(token: str) -> bool:
    """Was the token set by a write less than WRITE_SECONDS ago (its transaction maybe not committed)?"""
    _token, sep, written = token.rpartition("@")
    try:
        return bool(sep) and time.time() - float(written) < WRITE_SECONDS
    except ValueError:  # not one of ours (an older release's token): no write pending
        return False


def _region_key(region_id: int) -> str:
    return f"pagecache:region:{region_id}"


def _scope_key(scope: str) -> str:
    return f"pagecache:scope:{scope}"


def _tokens(region_id: int) -> tuple[str, bool]:
    """The current token of the region (with the global one), and whether a write may still be
    uncommitted (then nothing is stored). One cache round trip when the tokens exist."""
    return _tokens_of([_GLOBAL, _region_key(region_id)])


def _tokens_of(keys: list[str]) -> tuple[str, bool]:
    tokens, writing = _token_map(keys)
    return ".".join(tokens[k] for k in keys), bool(writing)


def _token_map(keys: list[str]) -> tuple[dict[str, str], set[str]]:
    """The current tokens of the keys given (created where missing) and the keys whose writes may
    still be uncommitted. One cache round trip when the tokens exist: a token carries the moment
    of the write that set it (one key per region, not two)."""
    found = cache.get_many(keys)
    for k in keys:
        if k not in found:
            # add(): when another process has just set it, theirs stands and is read back.
            cache.add(k, _new_token(), None)
            found[k] = cache.get(k) or _new_token()
    return {k: found[k] for k in keys}, {k for k in keys if _is_writing(found[k])}


def token(region_id: int) -> str:
    return _tokens(region_id)[0]


def get_or_build(region_id: int, name: str, vary: Iterable[Hashable], build: Callable[[], object]) -> object:
    """The cached part (HTML, or data the page reads), else ``build()``, stored for the next
    reader unless a write of the region may be uncommitted."""
    return _get_or_build([_GLOBAL, _region_key(region_id)], f"{name}:{region_id}", vary, build)


def get_or_build_reference(name: str, build: Callable[[], object]) -> object:
    """Reference data every page reads (the dimensions, the funding sources): kept until a row
    that belongs to no region is written (the global token)."""
    return _get_or_build([_GLOBAL], f"reference:{name}", (), build)


def get_or_build_in_scope(scope: str, name: str, vary: Iterable[Hashable], build: Callable[[], object]) -> object:
    """As ``get_or_build``, for a part that reads many regions (e.g. an expert's review queue):
    kept until a row of one of the models ``watch(scope, ...)`` names is written, in any region."""
    if scope not in _SCOPES:
        raise KeyError(f"no page cache scope {scope!r}: watch() it first")
    return _get_or_build([_GLOBAL, _scope_key(scope)], f"{name}:{scope}", vary, build)


def _get_or_build(keys: list[str], name: str, vary: Iterable[Hashable], build: Callable[[], object]) -> object:
    if not settings.PAGE_CACHE:
        return build()
    try:
        current, writing = _tokens_of(keys)
        cache_key = f"pagecache:{name}:{current}:{'.'.join(force_str(v) for v in vary)}"
        value = cache.get(cache_key)
    except Exception:  # the cache server is down: the page is built, not refused
        logger.warning("page cache unreachable: %s built without it", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        if not writing:
            cache.set(cache_key, value, TIMEOUT)
    return value


def get_or_build_many(
    region_ids: Iterable[int],
    name: str,
    vary: Iterable[Hashable],
    build: Callable[[list[int]], dict],
    *,
    whole: bool = False,
) -> dict[int, object]:
    """As ``get_or_build`` for a part of each of many regions (the rows of a table): two cache
    round trips whatever their number (the tokens, then the parts), and ``build(region ids)``
    called once for those not cached, returning {region id: part}.

    ``whole``: the parts of all the regions are also kept together, under a digest of their
    tokens, so that while none of them is written the second round trip reads one key, not one
    per region (an expert's hundreds of regions)."""
    ids = list(dict.fromkeys(region_ids))
    if not settings.PAGE_CACHE or not ids:
        return build(ids) if ids else {}
    suffix = ".".join(force_str(v) for v in vary)
    try:
        tokens, writing = _token_map([_GLOBAL, *map(_region_key, ids)])
        keys = {pk: f"pagecache:{name}:{pk}:{tokens[_GLOBAL]}.{tokens[_region_key(pk)]}:{suffix}" for pk in ids}
        whole_key = None
        if whole:
            digest = hashlib.sha256("\n".join(keys.values()).encode(), usedforsecurity=False).hexdigest()
            whole_key = f"pagecache:{name}:all:{digest}"
            together = cache.get(whole_key)
            if together is not None:
                return together
        found = cache.get_many(list(keys.values()))
    except Exception:  # the cache server is down: the parts are built, not refused
        logger.warning("page cache unreachable: %s built without it", name, exc_info=True)
        return build(ids)
    parts = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in ids if pk not in parts]
    if missing:
        built = build(missing)
        parts.update(built)
        if _GLOBAL not in writing:
            cache.set_many({keys[pk]: value for pk, value in built.items() if _region_key(pk) not in writing}, TIMEOUT)
    if whole_key and not writing:
        cache.set(whole_key, parts, TIMEOUT)
    return parts


def bump_region(region_id: int | None) -> None:
    """Retire every cached part of the region (of every region when ``region_id`` is None).
    When the cache cannot be reached this fails, and the write with it: a write it missed would
    leave old parts to be served once the cache is back."""
    cache.set(_GLOBAL if region_id is None else _region_key(region_id), _new_token(written=True), None)


def bump_all() -> None:
    bump_region(None)


# Scopes: parts that read many regions, retired by writes of the few models they show ----------

_SCOPES: dict[str, frozenset[str]] = {}


def watch(scope: str, models: Iterable[str]) -> None:
    """Declare a scope: its parts are retired whenever a row of one of ``models`` ("app.model"
    labels, lower case) is written. Called from an app's ready()."""
    _SCOPES[scope] = frozenset(m.lower() for m in models)


def bump_scope(scope: str) -> None:
    cache.set(_scope_key(scope), _new_token(written=True), None)


# Which region a row belongs to ------------------------------------------------------------------

# Paths from a model to its region, tried in this order (the field must exist on the model).
_PATHS = (
    ("region", "region_id"),
    ("masterplan", "masterplan__region_id"),
    ("section", "section__masterplan__region_id"),
    ("stage", "stage__masterplan__region_id"),
    ("agency", "agency__region_id"),
)
_NO_REGION = object()


def _field_names(model: type[models.Model]) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def _region_of_pk(model: type[models.Model], pk: int, depth: int) -> object:
    if model is Region:
        return pk
    names = _field_names(model)
    for field, path in _PATHS:
        if field in names:
            row = model._default_manager.filter(pk=pk).values_list(path, flat=True).first()
            break
    else:
        obj = model._default_manager.filter(pk=pk).first()
        row = _region_of_row(obj, depth + 1) if obj is not None else None
    return row


def _region_of_row(obj: models.Model, depth: int = 0) -> object:
    if isinstance(obj, Region):
        return obj.pk
    if depth > 4:
        return _NO_REGION
    user_model = settings.AUTH_USER_MODEL.lower()
    fks = [
        f
        for f in obj._meta.concrete_fields
        if f.many_to_one
        and f.related_model._meta.app_label in WATCHED_APPS
        and f.related_model._meta.label_lower != user_model
    ]
    # The nearest way to the region first (region, masterplan, section...), then any other.
    order = [name for name, _path in _PATHS]
    fks.sort(key=lambda f: order.index(f.name) if f.name in order else len(order))
    for f in fks:
        value = getattr(obj, f.attname)
        if value is not None:
            region_id = _region_of_pk(f.related_model, value, depth)
            if region_id is not None and region_id is not _NO_REGION:
                return region_id
    return _NO_REGION


def region_of(obj: models.Model) -> int | None:
    """The id of the region a row belongs to; None when it belongs to none (or to all)."""
    try:
        region_id = _region_of_row(obj)
    except models.ObjectDoesNotExist:
        return None
    return None if region_id is _NO_REGION else region_id


def _watched(model: type[models.Model]) -> bool:
    opts = model._meta
    if opts.app_label not in WATCHED_APPS or opts.label_lower in IGNORED_MODELS:
        return False
    # django-simple-history's records come with the write of the row they record.
    return not opts.model_name.startswith("historical")


def _on_write(sender, instance, **kwargs):
    if not settings.PAGE_CACHE or not isinstance(instance, models.Model) or not _watched(type(instance)):
        return
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return  # logging in changes no page
    label = instance._meta.label_lower
    if label == settings.AUTH_USER_MODEL.lower():
        bump_all()  # a person's name shows in every region they work in
        return
    bump_region(region_of(instance))
    for scope, models_ in _SCOPES.items():
        if label in models_:
            bump_scope(scope)


def _on_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _on_write(sender, instance)


def _on_migrate(sender, **kwargs):
    """A release runs migrate as it starts (docker-compose, make run): its templates and code may
    build other parts, so none of the last release's is served."""
    if not settings.PAGE_CACHE or getattr(sender, "name", None) != "masterplan":
        return
    try:
        # A new token but no write pending: migrate's own transactions have committed.
        cache.set(_GLOBAL, _new_token(), None)
    except Exception:  # no cache server yet: the parts stay until a write, said in the log
        logger.warning("page cache unreachable on migrate: parts of the last release may be served", exc_info=True)


def connect() -> None:
    """Called once from MasterplanConfig.ready()."""
    post_migrate.connect(_on_migrate, dispatch_uid="pagecache.migrate")
    post_save.connect(_on_write, dispatch_uid="pagecache.save")
    post_delete.connect(_on_write, dispatch_uid="pagecache.delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache.m2m")
