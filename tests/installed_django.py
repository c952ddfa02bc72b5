"""Django projects run as a user runs them: the built wheel installed in a clean virtual
environment, no source tree of ours on sys.path.

The wheel is built once per test session (from the same stage as `make dist`); each
environment is kept under build/test-venvs/, named after the hash of its requirements file
and its Python, so a second run only reinstalls the fresh wheel.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dist import built, staged_python_package

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
PIP = ("-m", "pip", "install", "--quiet", "--disable-pip-version-check")


@functools.cache
def built_wheel() -> Path:
    """The calendar-links wheel of the tree as it is now, built once per session."""
    outdir = BUILD / "test-wheel"
    shutil.rmtree(outdir, ignore_errors=True)
    (wheel,) = built(staged_python_package(BUILD / "test-python-package"), outdir, "wheel")
    return wheel


def python_at_least(major: int, minor: int, *, below: tuple[int, int] = (4, 0)) -> str | None:
    """A Python interpreter of at least that version (and below `below`) on this machine, or None."""
    candidates = [sys.executable, *(f"python3.{n}" for n in range(minor, 20))]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted(str(path) for path in pyenv.glob("3.*/bin/python3"))
    for candidate in candidates:
        found = shutil.which(candidate)
        if found is None:
            continue
        probe = subprocess.run(
            [found, "-c", "import sys; print((%d, %d) <= sys.version_info < %r)" % (major, minor, below)],
            capture_output=True, text=True,
        )  # fmt: skip
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            return found
    return None


@functools.cache
def environment(requirements: str, python: str, *, no_deps: bool = False) -> Path:
    """The python of a virtual environment with the pinned requirements and the fresh wheel."""
    pins = (ROOT / "requirements" / requirements).read_bytes()
    version = subprocess.run([python, "--version"], capture_output=True, text=True, check=True).stdout
    key = hashlib.sha256(pins + version.encode()).hexdigest()[:12]
    venv = BUILD / "test-venvs" / f"{Path(requirements).stem}-{key}"
    venv_python = venv / "bin" / "python"
    if not (venv / ".installed").is_file():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        dependencies = ["--no-deps"] if no_deps else []
        subprocess.run(
            [venv_python, *PIP, "--require-hashes", *dependencies, "-r", ROOT / "requirements" / requirements], check=True
        )
        (venv / ".installed").touch()
    subprocess.run([venv_python, *PIP, "--no-deps", "--force-reinstall", built_wheel()], check=True)
    return venv_python


def clean_environment(**extra: str) -> dict[str, str]:
    """The process environment without anything that would put our sources on sys.path or
    pick a project's settings (tests/django_app sets DJANGO_SETTINGS_MODULE in this process)."""
    unwanted = ("PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE")
    env = {name: value for name, value in os.environ.items() if name not in unwanted}
    return {**env, **extra}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(manage: list[str | Path], project: Path, env: dict[str, str], ready_path: str) -> Iterator[str]:
    """Django's runserver (`manage` is how to call the project's manage.py) on 127.0.0.1, until
    the block ends."""
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + ready_path, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
