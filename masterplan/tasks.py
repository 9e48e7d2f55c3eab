"""Diagnostics task: proves that a worker consumes a queue (`make run`'s filesystem broker, the
Redis broker of docker-compose).

    celery -A masterplan call masterplan.tasks.ping --queue books
"""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="masterplan.tasks.ping", ignore_result=True)
def ping(token=""):
    """Log and return "pong <token>"; the token lets a caller find its own call in the log."""
    reply = f"pong {token}".strip()
    logger.warning("ping: %s", reply)
    return reply
