"""docker-compose.yml and the Dockerfile fit the code. No Docker engine runs here, so this reads
the files and checks them against the project: services and images, the commands (the WSGI module
and the Celery app import, the worker listens on every queue the settings route to), the
environment (every variable the settings read is set, the URLs point at the compose services),
health checks, start order, and the media volume web and worker share."""

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

# Variables the settings read that compose deliberately leaves out, and why.
NOT_FOR_COMPOSE = {
    "ENV_FILE": "compose passes the environment itself; no env file inside the container",
    "CELERY_FILESYSTEM_DIR": "only for the filesystem broker of `make run`; compose uses Redis",
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


def test_the_four_services():
    assert set(SERVICES) == {"web", "worker", "db", "redis"}
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
    assert any(p.split(":")[-1] == "8000" for p in SERVICES["web"]["ports"])


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


@pytest.mark.parametrize("service", ["web", "worker", "db", "redis"])
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
    for entry in (".env", ".venv", ".git", "db.sqlite3*", "media/"):
        assert entry in ignored
