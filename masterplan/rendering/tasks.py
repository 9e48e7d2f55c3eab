"""The Celery task of the render pipeline: thin, it loads the job by id and calls the service.

Routed to its own queue ``books`` (settings.CELERY_TASK_ROUTES) so long renders never hold up
other tasks. Acknowledged late and rejected when the worker is lost, so a killed worker's job is
delivered again and restarted (the service restarts a job left "rendering"); the soft time limit
ends a runaway render with a message on the job, the hard one kills it (the stale sweep then marks
the job failed). ``services`` sends it by its name, ``services.BOOK_RENDER_TASK``.
"""

from celery import Task, shared_task

from . import services
from .time_limits import hard_time_limit, soft_time_limit


@shared_task(
    bind=True,
    name=services.BOOK_RENDER_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=soft_time_limit(),
    time_limit=hard_time_limit(),
    ignore_result=True,
)
def book_render_task(self: Task, job_id: int) -> None:
    services.book_render(job_id, task_id=self.request.id)
