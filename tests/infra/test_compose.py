"""docker-compose.yml, the Dockerfile and nginx's configuration (deploy/nginx) fit the code. No
Docker engine runs here, so this reads the files and checks them against the project: services and
images, the commands (the WSGI module and the Celery app import, the worker listens on every queue
the settings route to), the environment (every variable the settings read is set, the URLs point
at the compose services), health checks, start order, the media volume web and worker share, and
the proxy: the only way in, TLS-ready, passing the headers Django trusts, capping requests at
Django's limit, serving the static files."""

import importlib
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
APP_SERVICES = ["web", "worker"]
NGINX = ROOT / "deploy" / "nginx"

# Variables the settings read that compose deliberately leaves out, and why.
NOT_FOR_COMPOSE = {
    "ENV_FILE": "compose passes the environment itself; no env file inside the container",
    "CELERY_FILESYSTEM_DIR": "only for the filesystem broker of `make run`; compose uses Redis",
    # Compose sets HTTPS, which these follow; setting one in compose would cut it loose from HTTPS.
    "SECURE_SSL_REDIRECT": "follows HTTPS",
    "SESSION_COOKIE_SECURE": "follows HTTPS",
    "CSRF_COOKIE_SECURE": "follows HTTPS",
    "SECURE_HSTS_SECONDS": "follows HTTPS",
}


def _command(service):
    command = SERVICES[service]["command"]
    return shlex.split(command) if isinstance(command, str) else list(command)


def _env(service):
    """The service's environment, with the ENV lines of the Dockerfile underneath (the image's)."""
    image_env = dict(re.findall(r"^\s*(?:ENV\s+)?([A-Z][A-Z0-9_]*)=(\S+)\s*\\?$", _dockerfile_env_block(), re.M))
    environment = SERVICES[service].get("environment", {})
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {**image_env, **{k: str(v) for k, v in environment.items()}}


def _dockerfile_env_block():
    match = re.search(r"^ENV\s.*?(?<!\\)\n(?!\s)", DOCKERFILE, re.M | re.S)
    return match.group(0) if match else ""


def _interpolated(value):
    """What compose makes of ${VAR:-default} / ${VAR:?error} when the variable is unset."""
    return re.sub(r"\$\{[A-Z0-9_]+(?::?-([^}]*)|:?\?[^}]*)?\}", lambda m: m.group(1) or "", value)


def _settings_variables():
    text = (ROOT / "masterplan" / "settings.py").read_text()
    names = re.findall(r"\benv(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']", text)
    names += re.findall(r"os\.(?:environ\.get|getenv)\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']", text)
    names += re.findall(r"os\.environ\[\s*[\"']([A-Z][A-Z0-9_]*)[\"']\s*\]", text)
    return sorted(set(names) - {"DJANGO_SETTINGS_MODULE"})


def _worker_option(name, short=None):
    args = _command("worker")
    for i, arg in enumerate(args):
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
        if arg == f"--{name}" or (short and arg == short):
            return args[i + 1]
    return None


def test_the_five_services():
    assert set(SERVICES) == {"proxy", "web", "worker", "db", "redis"}
    assert SERVICES["proxy"]["image"].startswith("nginx:")
    assert SERVICES["db"]["image"].split(":") == ["postgres", "15"]
    assert SERVICES["redis"]["image"].split(":") == ["redis", "7"]
    # Web is built from the Dockerfile; the worker runs the very same image.
    assert SERVICES["web"]["build"] in (".", {"context": "."})
    assert SERVICES["worker"]["image"] == SERVICES["web"]["image"]


def test_web_runs_migrations_then_gunicorn_on_the_project_wsgi_module():
    command = " ".join(_command("web"))
    assert "manage.py migrate --noinput" in command
    assert command.index("migrate") < command.index("gunicorn")
    module, _, attribute = re.search(r"gunicorn\s+(\S+)", command).group(1).partition(":")
    assert getattr(importlib.import_module(module), attribute or "application") is not None
    assert f"{module}.{attribute or 'application'}" == settings.WSGI_APPLICATION
    assert "0.0.0.0:8000" in command
    assert [str(p) for p in SERVICES["web"]["expose"]] == ["8000"]


def test_worker_runs_the_project_celery_app():
    args = _command("worker")
    assert args[:2] == ["celery", "-A"] and args[3] == "worker"
    app = importlib.import_module(args[2]).celery_app
    assert app.main == "masterplan"
    assert app.conf.broker_url == settings.CELERY_BROKER_URL  # configured from Django settings


def test_worker_listens_on_every_routed_queue():
    queues = set((_worker_option("queues", "-Q") or "").split(","))
    routes = getattr(settings, "CELERY_TASK_ROUTES", {}) or {}
    routed = {route["queue"] for route in routes.values() if isinstance(route, dict) and "queue" in route}
    default = getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery")
    assert routed | {default} <= queues, f"tasks routed to {routed | {default}}, worker listens on {queues}"
    assert "books" in queues


def test_worker_prefetches_one_and_recycles_processes_as_the_settings_say():
    assert _worker_option("prefetch-multiplier") == "1" == str(settings.CELERY_WORKER_PREFETCH_MULTIPLIER)
    recycle = _worker_option("max-tasks-per-child")
    assert recycle and int(recycle) > 0
    assert int(recycle) == int(_env("worker")["CELERY_WORKER_MAX_TASKS_PER_CHILD"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_variable_the_settings_read_is_set(service):
    env = _env(service)
    names = _settings_variables()
    assert names  # the settings' reads were found at all
    missing = [name for name in names if name not in env and name not in NOT_FOR_COMPOSE]
    assert missing == [], f"{service} lacks {missing}: add them to x-app-environment in docker-compose.yml"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_production_environment(service):
    env = _env(service)
    assert _interpolated(env["DEBUG"]) in ("0", "false", "False", "off")
    assert "${SECRET_KEY:?" in env["SECRET_KEY"], "compose must refuse to start without a secret key"
    hosts = _interpolated(env["ALLOWED_HOSTS"]).split(",")
    assert "127.0.0.1" in hosts  # the web health check asks 127.0.0.1


@pytest.mark.parametrize("service", APP_SERVICES)
def test_database_url_points_at_the_db_service(service):
    url = urlsplit(_interpolated(_env(service)["DATABASE_URL"]))
    db_env = SERVICES["db"]["environment"]
    assert url.scheme in ("postgres", "postgresql")
    assert (url.hostname, url.port or 5432) == ("db", 5432)
    assert url.path.lstrip("/") == db_env["POSTGRES_DB"]
    assert url.username == db_env["POSTGRES_USER"]
    assert url.password == _interpolated(db_env["POSTGRES_PASSWORD"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_broker_is_the_redis_service(service):
    url = urlsplit(_env(service)["CELERY_BROKER_URL"])
    assert (url.scheme, url.hostname, url.port) == ("redis", "redis", 6379)


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_wait_for_healthy_db_and_redis(service):
    depends = SERVICES[service]["depends_on"]
    for dependency in ("db", "redis"):
        assert depends[dependency]["condition"] == "service_healthy"


def test_worker_starts_after_web_has_migrated():
    assert SERVICES["worker"]["depends_on"]["web"]["condition"] == "service_healthy"


@pytest.mark.parametrize("service", ["proxy", "web", "worker", "db", "redis"])
def test_every_service_has_a_health_check(service):
    check = SERVICES[service]["healthcheck"]
    assert check["test"][0] in ("CMD", "CMD-SHELL") and len(check["test"]) > 1


def test_health_checks_ask_the_right_thing():
    assert "pg_isready" in " ".join(SERVICES["db"]["healthcheck"]["test"])
    assert SERVICES["redis"]["healthcheck"]["test"][1:] == ["redis-cli", "ping"]
    assert "inspect ping" in " ".join(SERVICES["worker"]["healthcheck"]["test"])
    web_check = " ".join(SERVICES["web"]["healthcheck"]["test"])
    path = re.search(r"http://127\.0\.0\.1:8000(/[^'\"]*)", web_check).group(1)
    from django.urls import resolve

    resolve(path)  # the page the health check asks for exists
    # It asks as nginx forwards an HTTPS request: plain HTTP would get the SSL redirect.
    assert "'X-Forwarded-Proto': 'https'" in web_check
    proxy_check = SERVICES["proxy"]["healthcheck"]["test"]
    path = urlsplit(proxy_check[-1]).path
    for site in ("http", "https"):
        assert f"location = {path} " in _nginx_text(f"{site}.conf") + _nginx_text("app.conf")


def test_media_volume_is_shared_by_web_and_worker():
    mounts = {}
    for service in APP_SERVICES:
        media_root = _env(service)["MEDIA_ROOT"]
        named = {v.split(":")[0] for v in SERVICES[service]["volumes"] if v.split(":")[1] == media_root}
        assert len(named) == 1, f"{service} does not mount a volume at MEDIA_ROOT {media_root}"
        mounts[service] = named.pop()
    assert mounts["web"] == mounts["worker"]
    assert mounts["web"] in COMPOSE["volumes"]  # a named volume, not a bind mount of the host


def test_database_keeps_its_data_in_a_volume():
    assert any(v.endswith(":/var/lib/postgresql/data") for v in SERVICES["db"]["volumes"])


def test_dockerfile_builds_the_production_image():
    assert re.search(r"^FROM python:3\.11(-slim)?(-bookworm)?\s*$", DOCKERFILE, re.M)
    assert re.search(r"pip install (--\S+ )*-r requirements\.txt", DOCKERFILE)
    assert "manage.py collectstatic --noinput" in DOCKERFILE
    user = re.findall(r"^USER\s+(\S+)", DOCKERFILE, re.M)
    assert user and user[-1] not in ("root", "0")
    assert "gunicorn" in DOCKERFILE and "EXPOSE 8000" in DOCKERFILE


def test_dockerfile_installs_what_weasyprint_needs():
    makefile = (ROOT / "Makefile").read_text()
    apt_run = re.search(r"^APT_RUN\s*:=\s*(.+)$", makefile, re.M).group(1).split()
    installed = re.search(r"apt-get install[^\n]*\\\n(.*?)&&", DOCKERFILE, re.S).group(1).split()
    assert set(apt_run) <= set(installed), "the image lacks system packages that `make run` installs"


def test_dockerfile_image_environment_agrees_with_compose():
    image_env = dict(re.findall(r"([A-Z][A-Z0-9_]*)=(\S+)", _dockerfile_env_block()))
    for service in APP_SERVICES:
        env = _env(service)
        assert env["MEDIA_ROOT"] == image_env["MEDIA_ROOT"]
        assert env["STATIC_ROOT"] == image_env["STATIC_ROOT"]


def test_requirements_pin_the_server_and_the_worker():
    pinned = {
        line.split("==")[0].lower()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert {"gunicorn", "celery", "redis", "psycopg2-binary", "whitenoise", "weasyprint"} <= pinned


def test_dockerignore_keeps_secrets_and_local_state_out():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".env", ".venv", ".git", "db.sqlite3*", "media/", "deploy/nginx/certs/"):
        assert entry in ignored
    assert "/deploy/nginx/certs/" in (ROOT / ".gitignore").read_text().split()  # private keys


# The proxy (nginx) ------------------------------------------------------------------------------


def _nginx_text(name):
    """A file of deploy/nginx without its comments."""
    return re.sub(r"#[^\n]*", "", (NGINX / name).read_text())


def _directives(name, directive):
    """The arguments of every `directive ...;` in the file, as lists of words."""
    return [m.group(1).split() for m in re.finditer(rf"(?:^|[;{{}}\s]){directive}\s+([^;{{}}]*);", _nginx_text(name))]


def _proxy_mounts():
    """Where each volume of the proxy is mounted: {host path or volume name: container path}, with
    compose's defaults filled in."""
    mounts = {}
    for volume in SERVICES["proxy"]["volumes"]:
        source, target = _interpolated(volume).split(":")[:2]
        mounts[source] = target
    return mounts


def test_the_proxy_is_the_only_way_in():
    published = {str(p).split(":")[-1] for p in SERVICES["proxy"]["ports"]}
    assert published == {"80", "443"}
    for service in ("web", "worker", "db", "redis"):
        assert "ports" not in SERVICES[service], f"{service} is reachable around the proxy"
    assert SERVICES["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"


def test_the_proxy_runs_the_site_chosen_by_nginx_site_tls_by_default():
    mounts = _proxy_mounts()
    site = next(v for v in SERVICES["proxy"]["volumes"] if v.endswith(":/etc/nginx/conf.d/default.conf:ro"))
    assert "${NGINX_SITE:-https}" in site
    assert mounts["./deploy/nginx"] == "/etc/nginx/masterplan"
    for name in ("http.conf", "https.conf"):
        text = _nginx_text(name)
        assert text.count("{") == text.count("}"), f"{name}: unbalanced braces"
        assert _directives(name, "server") == [["web:8000"]]  # the upstream: gunicorn's bind
        assert ["/etc/nginx/masterplan/app.conf"] in _directives(name, "include")
        assert ["masterplan_web"] not in _directives(name, "proxy_pass")  # app.conf's job
    text = _nginx_text("app.conf")
    assert text.count("{") == text.count("}")
    assert ["http://masterplan_web"] in _directives("app.conf", "proxy_pass")


def test_the_tls_site_redirects_http_and_reads_the_mounted_certificate():
    certs = _proxy_mounts()["./deploy/nginx/certs"]
    assert ["443", "ssl"] in _directives("https.conf", "listen")
    for directive in ("ssl_certificate", "ssl_certificate_key"):
        (path,) = _directives("https.conf", directive)
        assert path[0].startswith(certs + "/")
    assert ["301", "https://$host$request_uri"] in _directives("https.conf", "return")
    assert set(_directives("https.conf", "ssl_protocols")[0]) == {"TLSv1.2", "TLSv1.3"}
    assert ["80"] in _directives("http.conf", "listen") and not _directives("http.conf", "ssl_certificate")


def test_the_proxy_sets_the_headers_django_trusts():
    headers = {words[0]: words[1] for words in _directives("app.conf", "proxy_set_header")}
    assert headers["Host"] == "$http_host"
    env = _env("web")
    assert headers[env["SECURE_PROXY_SSL_HEADER"]] == "$scheme"
    assert headers[env["CLIENT_IP_HEADER"]] == "$remote_addr"  # overwritten, never the client's own


def test_the_proxy_caps_a_request_where_django_does():
    (size,) = _directives("app.conf", "client_max_body_size")
    number, unit = re.fullmatch(r"(\d+)([kKmM]?)", size[0]).groups()
    factor = {"": 1, "k": 1024, "m": 1024 * 1024}[unit.lower()]
    assert int(number) * factor == settings.REQUEST_MAX_BYTES
    assert settings.UPLOAD_MAX_BYTES < settings.REQUEST_MAX_BYTES <= settings.UPLOAD_MAX_BYTES + 2 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.REQUEST_MAX_BYTES
    # Its refusal is an Indonesian page naming the same limit.
    ((_, page),) = [w for w in _directives("app.conf", "error_page") if w[0] == "413"]
    html = (NGINX / page.lstrip("/")).read_text()
    assert '<html lang="id">' in html and f"{settings.UPLOAD_MAX_MB} MB" in html


def test_the_proxy_serves_the_static_files_web_copies_to_their_volume():
    alias = re.search(r"location /static/ \{[^}]*alias (\S+);", _nginx_text("app.conf")).group(1)
    assert f"/{settings.STATIC_URL.strip('/')}/" == "/static/"
    static_volume = next(source for source, target in _proxy_mounts().items() if target == alias.rstrip("/"))
    assert static_volume in COMPOSE["volumes"]
    web_mount = next(v.split(":")[1] for v in SERVICES["web"]["volumes"] if v.split(":")[0] == static_volume)
    static_root = _env("web")["STATIC_ROOT"]
    assert f"cp -a {static_root}/. {web_mount}/" in " ".join(_command("web"))
    assert "/srv/static" in re.search(r"chown -R app:app ([^\n]*)", DOCKERFILE).group(1)  # app may write it
