"""Settings read from the environment: production refuses to start without a secret key or with
mail written to the log, is HTTPS only unless told otherwise and passes `check --deploy`; the
defaults suit a laptop (SQLite, console mail, eager Celery), and `make run`'s filesystem broker
gets its folders. Each case starts a fresh Python with a clean environment, as a server would."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

REPORT = """
import json, django
django.setup()
from django.conf import settings as s
from django.test import RequestFactory
db = s.DATABASES["default"]
claim = RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https", HTTP_X_REAL_IP="203.0.113.9")
from masterplan.login_throttle import client_ip
print(json.dumps({
    "SSL_REDIRECT": s.SECURE_SSL_REDIRECT, "SESSION_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_SECURE": s.CSRF_COOKIE_SECURE, "HSTS": s.SECURE_HSTS_SECONDS,
    "HSTS_SUBDOMAINS": s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "HSTS_PRELOAD": s.SECURE_HSTS_PRELOAD,
    "CLAIMED_HTTPS_BELIEVED": claim.is_secure(), "CLAIMED_ADDRESS_BELIEVED": client_ip(claim) == "203.0.113.9",
    "DEBUG": s.DEBUG, "SECRET_KEY": s.SECRET_KEY, "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "ENGINE": db["ENGINE"], "NAME": str(db["NAME"]), "HOST": db.get("HOST", ""), "ATOMIC": db["ATOMIC_REQUESTS"],
    "MEDIA_ROOT": str(s.MEDIA_ROOT), "EMAIL_BACKEND": s.EMAIL_BACKEND, "EMAIL_HOST": s.EMAIL_HOST,
    "EMAIL_PORT": s.EMAIL_PORT, "BROKER": s.CELERY_BROKER_URL, "EAGER": s.CELERY_TASK_ALWAYS_EAGER,
    "TRANSPORT": getattr(s, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
    "CACHE": s.CACHES["default"]["BACKEND"], "PAGE_CACHE": s.PAGE_CACHE, "SESSION_ENGINE": s.SESSION_ENGINE,
}, default=str))
"""


def _start(tmp_path, **env):
    """Run Django setup in a new process with only the given variables (and no .env file)."""
    clean = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "ENV_FILE": str(tmp_path / "no.env"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", REPORT], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def _settings(tmp_path, **env):
    result = _start(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_refuses_to_start_without_secret_key(tmp_path):
    for debug in ({}, {"DEBUG": "0"}, {"DEBUG": "off"}):
        result = _start(tmp_path, **debug)
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert "SECRET_KEY" in result.stderr


def _deploy_check(tmp_path, **env):
    clean = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "ENV_FILE": str(tmp_path / "no.env"),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "smartcity.example.go.id",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_production_defaults(tmp_path):
    result = _deploy_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    # The check does see what the switches turn off (so a clean result means something).
    result = _deploy_check(tmp_path, HTTPS="0")
    assert result.returncode != 0
    for code in ("W004", "W008", "W012", "W016"):
        assert code in result.stderr + result.stdout


def test_production_is_https_only_and_believes_no_proxy_header_by_default(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="x")
    assert s["SSL_REDIRECT"] and s["SESSION_SECURE"] and s["CSRF_SECURE"]
    assert s["HSTS"] == 365 * 24 * 3600 and s["HSTS_SUBDOMAINS"] and s["HSTS_PRELOAD"]
    assert not s["CLAIMED_HTTPS_BELIEVED"], "a client could claim HTTPS"
    assert not s["CLAIMED_ADDRESS_BELIEVED"], "a client could claim another address to dodge the login throttle"
    # Mail not configured: SMTP, whose failures are logged without the mail's content.
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_https_switches_off_for_a_setup_without_it(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="x", HTTPS="0")
    assert not (s["SSL_REDIRECT"] or s["SESSION_SECURE"] or s["CSRF_SECURE"] or s["HSTS"])
    s = _settings(tmp_path, SECRET_KEY="x", SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="3600")
    assert not s["SSL_REDIRECT"] and s["HSTS"] == 3600 and s["SESSION_SECURE"] and s["CSRF_SECURE"]


def test_proxy_headers_are_believed_when_configured(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="x", SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto", CLIENT_IP_HEADER="X-Real-IP")
    assert s["CLAIMED_HTTPS_BELIEVED"] and s["CLAIMED_ADDRESS_BELIEVED"]


def test_production_refuses_mail_to_the_log_unless_allowed(tmp_path):
    console = "django.core.mail.backends.console.EmailBackend"
    result = _start(tmp_path, SECRET_KEY="x", EMAIL_BACKEND=console)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "ALLOW_CONSOLE_EMAIL" in result.stderr
    allowed = _settings(tmp_path, SECRET_KEY="x", EMAIL_BACKEND=console, ALLOW_CONSOLE_EMAIL="1")
    assert allowed["EMAIL_BACKEND"] == console


def test_production_starts_with_secret_key(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="a-real-secret", ALLOWED_HOSTS="smartcity.example.go.id,10.0.0.5")
    assert s["DEBUG"] is False
    assert s["SECRET_KEY"] == "a-real-secret"
    assert s["ALLOWED_HOSTS"] == ["smartcity.example.go.id", "10.0.0.5"]


def test_debug_has_a_development_key_only(tmp_path):
    s = _settings(tmp_path, DEBUG="1")
    assert s["DEBUG"] is True
    assert s["SECRET_KEY"].startswith("dev-only")


def test_env_file_is_read_but_the_environment_wins(tmp_path):
    env_file = tmp_path / "site.env"
    env_file.write_text("SECRET_KEY=from-the-file\nEMAIL_HOST=mail.from-file\n")
    s = _settings(tmp_path, ENV_FILE=str(env_file), EMAIL_HOST="mail.from-env")
    assert s["SECRET_KEY"] == "from-the-file"
    assert s["EMAIL_HOST"] == "mail.from-env"


def test_database_url_defaults_to_sqlite_in_the_project(tmp_path):
    s = _settings(tmp_path, DEBUG="1")
    assert s["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(s["NAME"]) == ROOT / "db.sqlite3"
    assert s["ATOMIC"] is True


def test_database_url_selects_postgresql(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="x", DATABASE_URL="postgres://mp:pw@db:5432/masterplan")
    assert s["ENGINE"] == "django.db.backends.postgresql"
    assert (s["NAME"], s["HOST"]) == ("masterplan", "db")
    assert s["ATOMIC"] is True


def test_media_and_mail_come_from_the_environment(tmp_path):
    s = _settings(
        tmp_path,
        SECRET_KEY="x",
        MEDIA_ROOT="/srv/media",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="smtp.example.go.id",
        EMAIL_PORT="587",
    )
    assert s["MEDIA_ROOT"] == "/srv/media"
    assert s["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (s["EMAIL_HOST"], s["EMAIL_PORT"]) == ("smtp.example.go.id", 587)


def test_defaults_suit_a_laptop(tmp_path):
    s = _settings(tmp_path, DEBUG="1")
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert not (s["SSL_REDIRECT"] or s["SESSION_SECURE"] or s["CSRF_SECURE"] or s["HSTS"])  # plain HTTP
    assert s["BROKER"] == ""
    assert s["EAGER"] is True  # no broker: tasks run in the request, every view still works


def test_filesystem_broker_gets_its_folders(tmp_path):
    folder = tmp_path / "celery"
    s = _settings(tmp_path, DEBUG="1", CELERY_BROKER_URL="filesystem://", CELERY_FILESYSTEM_DIR=str(folder))
    assert s["EAGER"] is False
    transport = s["TRANSPORT"]
    # Web and worker use the same settings, so they must read and write the same folder.
    assert transport["data_folder_in"] == transport["data_folder_out"] == str(folder / "queue")
    assert transport["control_folder"] == str(folder / "control")
    for sub in ("queue", "control", "processed"):
        assert (folder / sub).is_dir()


def test_redis_broker_is_not_eager(tmp_path):
    s = _settings(tmp_path, SECRET_KEY="x", CELERY_BROKER_URL="redis://redis:6379/0")
    assert s["EAGER"] is False
    assert s["BROKER"] == "redis://redis:6379/0"


def test_a_shared_cache_carries_the_page_cache_and_never_the_sessions(tmp_path):
    # Redis: every process shares it, so parts of pages may be kept in it.
    s = _settings(tmp_path, SECRET_KEY="x", REDIS_URL="redis://redis:6379/1")
    assert s["CACHE"] == "masterplan.rediscache.RedisCache" and s["PAGE_CACHE"] is True
    # Sessions stay in the database: a Redis outage must not sign everybody out.
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    # One process's memory: a write in another gunicorn worker could not retire what it keeps.
    s = _settings(tmp_path, SECRET_KEY="x")
    assert s["CACHE"] == "django.core.cache.backends.locmem.LocMemCache" and s["PAGE_CACHE"] is False
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_indonesian_language_and_jakarta_time():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.USE_TZ is True
    assert settings.USE_I18N is True
