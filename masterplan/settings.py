"""Settings, read from the environment (django-environ).

Defaults suit a developer's laptop: SQLite in the project folder, mail to the console with DEBUG
on, Celery eager when no broker is configured. With DEBUG off the defaults are production's: HTTPS
only (secure cookies, HSTS, redirect), SMTP mail (README, "Production").
"""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def _csp_hash(source: str) -> str:
    """A Content-Security-Policy source allowing exactly this inline code."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()}'"


def _meta_name(header: str) -> str:
    """An HTTP header as request.META names it: X-Forwarded-Proto -> HTTP_X_FORWARDED_PROTO."""
    header = header.strip()
    return f"HTTP_{header.upper().replace('-', '_')}" if header else ""


env = environ.Env()
# Values already in the environment win over the file; ENV_FILE names another file (the tests
# point it at a missing one so a developer's .env cannot change what they check).
environ.Env.read_env(env("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env("SECRET_KEY")  # required in production: fails loudly when missing

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    "masterplan",
    "bimtek",
    "dimensions",
    "dimensions.review",
    "masterplan.notifications",
    "masterplan.books",
    "masterplan.rendering",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "masterplan.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "masterplan.middleware.CurrentRequestMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: it turns a login refused for too many failures into a 429 (masterplan.login_throttle).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masterplan.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masterplan.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "masterplan.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # a request either saves everything or nothing
# A process keeps its database connection between requests (opening one to PostgreSQL costs about
# as much as serving the login page); checked before reuse, so a restarted server is reconnected.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web and worker write at once under `make run`. Write-ahead log: readers never block the
    # writer nor the writer the readers (in the default journal a long read in one process made
    # the other's commit wait until "database is locked"); synchronous=NORMAL is safe with it.
    # A writer waits for the other (timeout, seconds) and takes its write lock when the
    # transaction begins, so two read-then-write transactions never deadlock into "database is
    # locked". tests/infra/test_make_run.py runs both processes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache (masterplan/pagecache.py keeps parts of the region pages in it, retired on every write):
# Redis when REDIS_URL is set (docker-compose: shared by the gunicorn workers and the Celery worker,
# so a write in one process retires what the others cached), else this process's memory (one
# process: the development server, the tests).
REDIS_URL = env("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "masterplan.rediscache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "masterplan"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 3000}}
    )
}
# The page cache only where every process shares one cache: in one process's memory, another
# gunicorn worker's write could not retire it and that worker's readers would get old pages.
PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(REDIS_URL))
# Sessions stay in the database only (Django's default), not "cached_db" on that cache: a query
# less per page, but a Redis outage would then sign everybody out (its reads fail), and a logout
# during one would come back with Redis. The page cache is built to do without Redis.

AUTH_USER_MODEL = "masterplan.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The throttle first: it refuses before the password is checked (masterplan.login_throttle).
AUTHENTICATION_BACKENDS = [
    "masterplan.login_throttle.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
# Indonesian only until the English catalogue exists: without LocaleMiddleware a browser set to
# English would otherwise get Django's own strings in English next to ours.
LANGUAGES = [("id", _("Bahasa Indonesia"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Request sizes, from one number: the biggest file a form accepts (masterplan.uploads). A request
# may carry it and 1 MB of form around it; a bigger one is refused before it is read, by nginx in
# docker-compose (deploy/nginx/app.conf: client_max_body_size, kept equal by
# tests/infra/test_compose.py) and by masterplan.middleware.RequestSizeLimitMiddleware without it.
UPLOAD_MAX_MB = 20
UPLOAD_MAX_BYTES = UPLOAD_MAX_MB * 1024 * 1024
REQUEST_MAX_BYTES = (UPLOAD_MAX_MB + 1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES  # a body Django reads whole (all but the files)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default; not a limit: bigger files go to a temporary file

CONSOLE_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default=CONSOLE_EMAIL_BACKEND if DEBUG else "django.core.mail.backends.smtp.EmailBackend"
)
# The console backend writes every mail to the log, set-password links of invitations included:
# whoever reads a production log could take over the invited accounts.
if not DEBUG and EMAIL_BACKEND == CONSOLE_EMAIL_BACKEND and not env.bool("ALLOW_CONSOLE_EMAIL", default=False):
    raise ImproperlyConfigured(
        "EMAIL_BACKEND is the console backend while DEBUG is off: every mail, set-password links "
        "included, would be written to the server's log. Configure SMTP (EMAIL_BACKEND="
        "django.core.mail.backends.smtp.EmailBackend, EMAIL_HOST, EMAIL_PORT, ...) or, for a trial "
        "installation nobody else can reach, set ALLOW_CONSOLE_EMAIL=1."
    )
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Masterplan Smart City <noreply@localhost>")
# The address of the site, for links in e-mails sent outside a request (a worker, a command);
# mail sent while serving a request links to the address of that request (masterplan.links).
SITE_URL = env("SITE_URL", default="http://localhost:8000")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: eager when no broker is configured, so every view works the same without a worker.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# `make run` uses kombu's filesystem transport (CELERY_BROKER_URL=filesystem://): a real worker
# that needs no server. Web and worker share one folder of message files; it is created here so
# the first send cannot fail. CELERY_FILESYSTEM_DIR moves it (the tests use a temporary one).
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_FILESYSTEM_DIR = Path(env("CELERY_FILESYSTEM_DIR", default=str(BASE_DIR / "var" / "celery")))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
        "processed_folder": str(CELERY_FILESYSTEM_DIR / "processed"),
        "store_processed": False,
        "polling_interval": 0.5,
    }
    for _folder in ("queue", "control", "processed"):
        (CELERY_FILESYSTEM_DIR / _folder).mkdir(parents=True, exist_ok=True)
# Book renders (masterplan.rendering): their own queue, one task at a time per worker process,
# processes recycled because WeasyPrint does not give memory back. A render past the soft limit
# ends failed with a message; the hard limit kills it.
CELERY_TASK_ROUTES = {
    "rendering.book_render": {"queue": "books"},
    "rendering.book_part_render": {"queue": "books"},
    "rendering.book_assemble": {"queue": "books"},
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=20)
# ... and replaced after a task that left it above this resident size (KiB): a 400-page book
# peaks near 1 GB (docs/benchmarks.md), which a pool process would otherwise keep.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 600_000
BOOK_RENDER_SOFT_TIME_LIMIT = env.int("BOOK_RENDER_SOFT_TIME_LIMIT", default=300)
BOOK_RENDER_TIME_LIMIT = env.int("BOOK_RENDER_TIME_LIMIT", default=360)
BOOK_RENDER_QUEUE_TIMEOUT = env.int("BOOK_RENDER_QUEUE_TIMEOUT", default=1800)  # queued longer: failed
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # With late acks, Redis gives an unacknowledged message (its worker was killed) to another
    # worker after visibility_timeout: longer than the hard limit, or a slow render runs twice.
    # CELERY_REDIS_KEYPREFIX keeps parallel test runs on one Redis apart.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        "global_keyprefix": env("CELERY_REDIS_KEYPREFIX", default=""),
    }
    # A book's chapters render as a chord on the workers (masterplan.rendering.services): the
    # chord counts its finished parts in the result backend, Redis again (results kept an hour).
    CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"global_keyprefix": env("CELERY_REDIS_KEYPREFIX", default="")}
    CELERY_RESULT_EXPIRES = 3600
# The chapters of a book as separate tasks spread over the worker processes (with a result
# backend, i.e. Redis); off, a worker renders them one after the other (still only those changed).
BOOK_RENDER_PARALLEL = env.bool("BOOK_RENDER_PARALLEL", default=True)

# HTTPS. With DEBUG off the site is served over HTTPS (docker-compose: nginx in front): cookies
# travel only over HTTPS, plain HTTP is redirected, browsers are told to use HTTPS for a year
# (HSTS). HTTPS=0 turns all four off for a setup that really has none; each can be set on its own.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=HTTPS)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Headers a reverse proxy sets, trusted only when named here: without a proxy that overwrites
# them, any client could send them (claim HTTPS, or another address to dodge the login throttle).
# docker-compose's nginx sets X-Forwarded-Proto and X-Real-IP.
_proxy_ssl_header = env("SECURE_PROXY_SSL_HEADER", default="")
SECURE_PROXY_SSL_HEADER = (_meta_name(_proxy_ssl_header), "https") if _proxy_ssl_header else None
CLIENT_IP_HEADER = _meta_name(env("CLIENT_IP_HEADER", default="")) or "REMOTE_ADDR"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from the site itself,
# no inline script or style (JS lives in static/js, htmx's indicator style in static/css/app.css),
# no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # One inline style is allowed, by its hash: django-simple-history's admin history page
        # has <p class="paginator" style="border-top: 0">.
        "style-src": [SELF, "'unsafe-hashes'", _csp_hash("border-top: 0")],
        "img-src": [SELF, "data:"],  # Bootstrap's icons (toggler, select arrow, close) are data: SVGs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login throttling (django-axes, masterplan.login_throttle): failed logins are counted per account
# and per address over LOGIN_COOLOFF_MINUTES; reaching either limit refuses logins until the
# failures are that old. An address's limit is higher: a bimtek room shares one address.
LOGIN_FAILURE_LIMIT_ACCOUNT = env.int("LOGIN_FAILURE_LIMIT_ACCOUNT", default=5)
LOGIN_FAILURE_LIMIT_ADDRESS = env.int("LOGIN_FAILURE_LIMIT_ADDRESS", default=30)
LOGIN_COOLOFF_MINUTES = env.int("LOGIN_COOLOFF_MINUTES", default=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_HANDLER = "masterplan.login_throttle.ThrottleHandler"
AXES_CLIENT_IP_CALLABLE = "masterplan.login_throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "masterplan.login_throttle.lockout_response"
# Tries while refused are not counted: the time the page names stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
