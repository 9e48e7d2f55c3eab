"""Uploaded files as the browser gets them: through an access check (never MEDIA_URL), and
treated as untrusted content. An upload passed the content checks of masterplan.uploads, but a
PDF may still carry JavaScript and a browser may still guess a type: so no file is shown in the
site's own origin with script rights. Every response carries ``Content-Security-Policy: sandbox``
(no script, no form, no same-origin access even if a browser renders it) and ``nosniff`` (the
declared type, never a guessed one); documents are always downloaded, never shown inline."""

from django.http import FileResponse

from masterplan import uploads

UNTRUSTED_FILE_HEADERS = {"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"}


def uploaded_file_response(field_file, *, download_name=None, cache_control="private, max-age=3600"):
    """The file of an upload: an image to show in <img> (``download_name`` None), or a download
    under ``download_name``."""
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=download_name is not None,
        filename=download_name or "",
        content_type=uploads.content_type_for(field_file.name),
    )
    for header, value in UNTRUSTED_FILE_HEADERS.items():
        response[header] = value
    response["Cache-Control"] = cache_control
    return response
