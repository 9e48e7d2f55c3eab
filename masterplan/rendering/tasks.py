"""The Celery task of the render pipeline: thin, it loads the job by id and calls the service.

Routed to its own queue ``books`` (settings.CELERY_TASK_ROUTES) so long renders never hold up
other tasks. Acknowledged late and rejected when the worker is lost, so a killed worker's job is
delivered again and restarted (the service restarts a job left "rendering"); the soft time limit
ends a runaway render with a message on the job, the hard one kills it (the stale sweep then marks
the job failed).
"""

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(
    bind=True,
    name="rendering.book_render",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=getattr(settings, "BOOK_RENDER_SOFT_TIME_LIMIT", 300),
    time_limit=getattr(settings, "BOOK_RENDER_TIME_LIMIT", 360),
    ignore_result=True,
)
def book_render_task(self, job_id):
    services.book_render(job_id, task_id=self.request.id)
