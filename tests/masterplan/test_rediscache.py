"""The Redis cache backend (masterplan/rediscache.py): Django's, with one client per pool; a real
Redis server (the worker tests' URL)."""

import os
import uuid

import pytest

from masterplan.rediscache import RedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache():
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/7"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:
        reason = f"no Redis answers at {url} ({exc.__class__.__name__}): Redis cache test not run"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    cache = RedisCache(url, {"KEY_PREFIX": f"rediscache-test-{uuid.uuid4().hex[:8]}"})
    yield cache
    # Not clear(): that empties the whole database, other tests' keys too.
    cache.delete_many(["a", "b", "c", "ein Schlüssel mit Leerzeichen"])


def test_one_client_per_pool_and_the_cache_works(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client(write=True) is client  # built once, not per call
    redis_cache.set("a", {"n": 1}, 30)
    redis_cache.set_many({"b": [2], "c": "tiga"}, 30)
    assert redis_cache.get("a") == {"n": 1}
    assert redis_cache.get_many(["a", "b", "c", "nothing"]) == {"a": {"n": 1}, "b": [2], "c": "tiga"}
    # Integers are stored as themselves (incr works), everything else pickled; both read back.
    redis_cache.set_many({"b": 41, "c": -3}, 30)
    assert redis_cache.incr("b") == 42
    assert redis_cache.get_many(["b", "c"]) == {"b": 42, "c": -3}
    for value in (0, True, 2.5, b"\x80raw", "", None, 10**30):
        redis_cache.set("c", value, 30)
        assert redis_cache.get("c", "missing") == value and type(redis_cache.get("c", "missing")) is type(value)
    assert redis_cache.add("a", "other") is False
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_any_key_is_taken_without_the_memcached_check(redis_cache):
    """Django warns of keys memcached would refuse (spaces, control characters); Redis takes them,
    and the check per key cost most of an expert's read of 515 tokens."""
    import warnings

    from django.core.cache.backends.base import CacheKeyWarning
    from django.core.cache.backends.locmem import LocMemCache

    key = "ein Schlüssel mit Leerzeichen"
    with pytest.warns(CacheKeyWarning):  # what the check does elsewhere
        LocMemCache("test", {}).set(key, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        redis_cache.set(key, "nilai", 30)
        assert redis_cache.get_many([key]) == {key: "nilai"}
