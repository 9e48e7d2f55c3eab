"""The web command of docker-compose works outside Docker: with DEBUG off, gunicorn serves the
project's WSGI module and WhiteNoise serves the collected static files (what the Dockerfile's
collectstatic step produces). The requests come as from docker-compose's nginx (X-Forwarded-Proto,
trusted through SECURE_PROXY_SSL_HEADER as compose configures it); plain HTTP is redirected."""

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.infra.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url, host="127.0.0.1", proto="https"):
    """GET as the proxy forwards it: X-Forwarded-Proto says how the browser came."""
    request = urllib.request.Request(url, headers={"Host": host, "X-Forwarded-Proto": proto})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def _headers(headers):
    return {name.lower(): value for name, value in headers.items()}


def test_gunicorn_serves_pages_and_static_files_with_debug_off(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "masterplan.settings",
        "ENV_FILE": str(tmp_path / "no.env"),
        "DEBUG": "0",
        "SECRET_KEY": "production-test-key",
        "ALLOWED_HOSTS": "127.0.0.1,smartcity.example.go.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    }
    collect = subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collect.returncode == 0, collect.stderr
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "masterplan.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body, headers = _get(f"{base}/accounts/login/")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer"
                time.sleep(0.3)
        assert status == 200
        page = body.decode()
        assert '<html lang="id"' in page
        assert _headers(headers)["strict-transport-security"].startswith("max-age=31536000")
        assert "csrftoken=" in _headers(headers)["set-cookie"] and "Secure" in _headers(headers)["set-cookie"]
        csp = _headers(headers)["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        # Plain HTTP is sent to HTTPS.
        status, _, headers = _get(f"{base}/accounts/login/", host="smartcity.example.go.id", proto="http")
        assert status == 301
        assert _headers(headers)["location"] == "https://smartcity.example.go.id/accounts/login/"
        css = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
        status, body, headers = _get(f"{base}{css}")
        assert status == 200 and len(body) > 1000
        assert "text/css" in headers["Content-Type"]
        # Production refuses hosts it does not know (DEBUG off, ALLOWED_HOSTS from the environment).
        assert _get(f"{base}/accounts/login/", host="evil.example.com")[0] == 400
        assert _get(f"{base}/accounts/login/", host="smartcity.example.go.id")[0] == 200
        # No debug pages: an unknown URL is a plain 404 without the URL list.
        status, body, _ = _get(f"{base}/tidak-ada/")
        assert status == 404 and b"URLconf" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
