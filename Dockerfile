# The production image: gunicorn serves the app, the same image runs the Celery worker
# (see docker-compose.yml). Python 3.11 as on the development machines.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=masterplan.settings \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media

# WeasyPrint needs Pango and HarfBuzz (the books embed their own fonts; DejaVu is the fallback).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Static files are collected into the image; docker-compose's web copies them to the volume nginx
# serves (/srv/static), WhiteNoise serves them where no nginx is. The key only lets the settings
# load for this step; the real one comes from the environment at run time.
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --noinput \
    && useradd --create-home --uid 1000 app \
    && mkdir -p /data/media /srv/static \
    && chown -R app:app /data /srv/static /app/var

USER app
EXPOSE 8000
CMD ["gunicorn", "masterplan.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
