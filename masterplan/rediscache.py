"""Django's Redis cache, with one Redis client per connection pool instead of one per call, and
no memcached key check.

Django's ``RedisCacheClient.get_client`` builds a ``redis.Redis`` for every cache operation, and
building one copies its table of some 200 reply callbacks; a page of an expert's national table
makes about ten cache calls. A client is safe to share (it takes a connection from its pool for
each command), so each pool keeps one.

Django checks every key for what memcached would refuse (a lazily compiled regex per key, to warn);
Redis takes any key, and an expert of 514 regions reads 515 page cache tokens at once: the check
was most of the time of that read (about 2 of 4.5 ms). Then Django's serializer read each value as
an integer first and fell back to pickle on the exception: here the pickle marker decides."""

import pickle

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.core.cache.backends.redis import RedisSerializer as DjangoRedisSerializer


class RedisSerializer(DjangoRedisSerializer):
    """Django's (integers stored as themselves, anything else pickled), read without an exception
    per pickled value: a pickle of protocol 2 or later starts with the PROTO opcode."""

    def loads(self, data):
        return pickle.loads(data) if data[:1] == pickle.PROTO else int(data)


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, serializer=RedisSerializer, **kwargs) -> None:
        super().__init__(*args, serializer=serializer, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key) -> None:
        """Nothing to check: Redis takes any key (see the module's docstring)."""
