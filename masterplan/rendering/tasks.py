"""The Celery tasks of the render pipeline: thin, they load the job by id and call the service.

Routed to their own queue ``books`` (settings.CELERY_TASK_ROUTES) so long renders never hold up
other tasks. Acknowledged late and rejected when the worker is lost, so a killed worker's task is
delivered again and restarted (the service restarts a job left "rendering"); the soft time limit
ends a runaway render with a message on the job, the hard one kills it (the stale sweep then marks
the job failed). ``services`` sends them by name (``services.BOOK_RENDER_TASK``...).

With parallel parts (services.parallel_parts_enabled) the job's task sends a chord: one
``book_part_render_task`` per chapter to lay out, then ``book_assemble_task``; a chord needs the
part tasks' results, so those keep them (the result backend is Redis).
"""

from celery import Task, shared_task

from . import services
from .time_limits import hard_time_limit, soft_time_limit

# Every render task: acknowledged when done, redelivered if its worker dies, within the time limits.
_RENDER_TASK = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "soft_time_limit": soft_time_limit(),
    "time_limit": hard_time_limit(),
}


def _redelivered(task: Task) -> bool:
    return bool((task.request.delivery_info or {}).get("redelivered"))


@shared_task(name=services.BOOK_RENDER_TASK, ignore_result=True, **_RENDER_TASK)
def book_render_task(self: Task, job_id: int) -> None:
    services.book_render(job_id, task_id=self.request.id, parallel=services.parallel_parts_enabled())


@shared_task(name=services.BOOK_PART_TASK, ignore_result=False, **_RENDER_TASK)
def book_part_render_task(self: Task, job_id: int, index: int) -> bool:
    return services.book_part_render_job(job_id, index, redelivered=_redelivered(self))


@shared_task(name=services.BOOK_ASSEMBLE_TASK, ignore_result=True, **_RENDER_TASK)
def book_assemble_task(self: Task, job_id: int) -> None:
    services.book_assemble_job(job_id, redelivered=_redelivered(self))
