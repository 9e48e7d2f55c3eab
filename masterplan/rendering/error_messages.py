"""What a person reads when a render fails: a message in Indonesian that says what to do; the
traceback goes to the log."""

from __future__ import annotations

from celery.exceptions import SoftTimeLimitExceeded
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils.translation import gettext as _

from .models import RenderJob
from .time_limits import soft_time_limit


def render_error_message(exc: BaseException, job: RenderJob) -> str:
    """A message that tells a person what to do, in Indonesian; the traceback goes to the log."""
    user_message = getattr(exc, "user_message", None)
    if user_message:
        return str(user_message)
    if isinstance(exc, SoftTimeLimitExceeded):
        return _(
            "Render melewati batas waktu %(limit)s detik dan dihentikan. PDF terakhir yang berhasil tetap bisa "
            "diunduh. Periksa apakah ada isian yang sangat panjang (mis. tabel ratusan baris), lalu klik Render "
            "lagi; bila terulang, minta administrator menaikkan batas waktu."
        ) % {"limit": soft_time_limit()}
    if isinstance(exc, (TemplateSyntaxError, TemplateDoesNotExist)):
        return _(
            "Templat cetak %(book)s bermasalah (%(error)s). Minta administrator situs memperbaiki templat atau "
            "definisi bab buku ini, lalu klik Render lagi. PDF terakhir yang berhasil tetap bisa diunduh."
        ) % {"book": job.book.label, "error": _short(exc)}
    if isinstance(exc, MemoryError):
        return _(
            "Memori server tidak cukup untuk merender %(book)s. Coba lagi beberapa saat lagi; bila terulang, "
            "minta administrator menambah memori worker buku."
        ) % {"book": job.book.label}
    if isinstance(exc, OSError):
        return _(
            "Berkas PDF tidak dapat disimpan (%(error)s). Minta administrator memeriksa ruang disk dan izin folder "
            "media, lalu klik Render lagi. PDF terakhir yang berhasil tetap bisa diunduh."
        ) % {"error": _short(exc)}
    return _(
        "Render %(book)s gagal: %(error)s. PDF terakhir yang berhasil tetap bisa diunduh. Periksa isian yang baru "
        "diubah, lalu klik Render lagi; bila tetap gagal, hubungi administrator dan sebutkan nomor render #%(id)s."
    ) % {"book": job.book.label, "error": _short(exc), "id": job.pk}


def _short(exc: BaseException, limit: int = 300) -> str:
    text = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
