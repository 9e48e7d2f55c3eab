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
    cache.delete_many(["a", "b", "c"])  # not clear(): that empties the whole database, other tests' keys too


def test_one_client_per_pool_and_the_cache_works(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client(write=True) is client  # built once, not per call
    redis_cache.set("a", {"n": 1}, 30)
    redis_cache.set_many({"b": [2], "c": "tiga"}, 30)
    assert redis_cache.get("a") == {"n": 1}
    assert redis_cache.get_many(["a", "b", "c", "nothing"]) == {"a": {"n": 1}, "b": [2], "c": "tiga"}
    assert redis_cache.add("a", "other") is False
    redis_cache.delete("a")
    assert redis_cache.get("a") is None
