"""Firefox ESR and WebKitGTK from Debian, each driven over the WebDriver protocol it speaks.

Playwright drives only its own builds of Firefox and WebKit, which can't be downloaded here,
and Debian packages no geckodriver. So each engine is driven directly:

- Firefox speaks WebDriver BiDi itself (`--remote-debugging-port`): one WebSocket, no driver
  binary in between.
- WebKitGTK comes with `WebKitWebDriver` (package `webkit2gtk-driver`), a classic WebDriver
  server over HTTP that starts `MiniBrowser` in automation mode. The GTK MiniBrowser has no
  headless mode, so it gets a virtual screen of its own (Debian's `xvfb`).

Both give the browser tests (tests/browser/test_engines.py) and the benchmark (bench/per_engine.py)
the same three things: open a URL and wait for its load event, run an async JavaScript function
in the page with JSON arguments and get its JSON result, and close. A test that needs more than
that belongs in the Chromium suite.

Nothing either engine asks for may leave 127.0.0.1: both are pointed at a proxy on loopback
that refuses everything (the tests' `NetworkCatcher`, or the bench server, which counts what
it refuses); loopback itself bypasses proxies.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, Protocol

from websockets.sync.client import ClientConnection, connect

FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
# Debian installs MiniBrowser under the architecture's library folder (x86_64-linux-gnu, …).
MINIBROWSER = next(iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser"))), "MiniBrowser")
XVFB = "/usr/bin/Xvfb"
START_TIMEOUT_S = 30.0
# MiniBrowser now and then dies at its start (a segfault inside libc, about one start in ten,
# in runs), and WebKitWebDriver then waits for it forever: a death is noticed within a second
# and the start tried again, a few times; a start that hangs alive gets this long.
SESSION_TIMEOUT_S = 60.0
MINIBROWSER_TRIES = 6
BROWSER_POLL_S = 0.25
BROWSER_SEEN_WITHIN_S = 5.0
# The function a test passes runs inside this wrapper, so every engine returns the same JSON.
CALL_WRAPPER = "async (json) => JSON.stringify((await ({source})(...JSON.parse(json))) ?? null)"
# Prefs on top of those Firefox's remote agent sets for automation: none of Firefox's own
# services may call out on a machine with no network.
FIREFOX_PREFS = {
    "app.normandy.enabled": False,
    "app.update.disabledForTesting": True,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.search.update": False,
    "browser.shell.checkDefaultBrowser": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "extensions.update.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.http.speculative-parallel-limit": 0,
    "network.prefetch-next": False,
    # Honoured because of MOZ_DISABLE_NONLOCAL_CONNECTIONS (below); a release build ignores it otherwise.
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "media.gmp-manager.updateEnabled": False,
    "media.gmp-manager.url": "",
    "media.gmp-gmpopenh264.enabled": False,
    "media.gmp-widevinecdm.enabled": False,
    "app.update.auto": False,
    "app.update.enabled": False,
    "toolkit.telemetry.server": "",
    # A fresh profile's first-run pages (welcome, privacy notice) would hold the start up.
    "browser.aboutwelcome.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "datareporting.policy.firstRunURL": "",
    "startup.homepage_welcome_url": "about:blank",
    "startup.homepage_welcome_url.additional": "",
}


class EnginePage(Protocol):
    """One browser with one page, driven by a test or the benchmark."""

    name: str
    version: str

    def goto(self, url: str) -> None: ...

    def call(self, source: str, *args: Any) -> Any: ...

    def close(self) -> None: ...


class NetworkCatcher:
    """A proxy on 127.0.0.1 that forwards nothing: it records the first line of every request
    an engine sends it (`CONNECT host:443`, `GET http://host/…`) and closes the connection."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                try:
                    first_line = connection.recv(4096).split(b"\r\n", 1)[0]
                except OSError:
                    first_line = b"(nothing said)"
                self.requests.append(first_line.decode("latin-1"))

    def close(self) -> None:
        self._socket.close()


def wait_until(predicate: Callable[[], Any], timeout_s: float, what: str) -> Any:
    """Poll predicate until it returns something truthy; fail naming `what` after timeout_s."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout_s} s")
        time.sleep(0.1)


class FirefoxPage:
    """Firefox ESR over WebDriver BiDi, headless, in a fresh profile."""

    name = "firefox"

    def __init__(self, proxy_port: int) -> None:
        self._profile = Path(tempfile.mkdtemp(prefix="calendar-links-firefox-"))
        prefs = {
            **FIREFOX_PREFS,
            "network.proxy.type": 1,
            "network.proxy.http": "127.0.0.1",
            "network.proxy.http_port": proxy_port,
            "network.proxy.ssl": "127.0.0.1",
            "network.proxy.ssl_port": proxy_port,
        }
        (self._profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(key)}, {json.dumps(value)});\n" for key, value in prefs.items())
        )
        self._process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(self._profile), "--remote-debugging-port", "0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            # Firefox's own switch for its test runs: connections to anything but loopback fail.
            env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1", "MOZ_DISABLE_NONLOCAL_CONNECTIONS": "1"},
        )
        self._next_id = 0
        self._connection = contextlib.ExitStack()
        self._socket = self._connection.enter_context(self._connect(self._bidi_address()))
        session = self._command("session.new", {"capabilities": {}})
        self.version = str(session["capabilities"].get("browserVersion", ""))
        tree = self._command("browsingContext.getTree", {})
        self._context = tree["contexts"][0]["context"]

    def _bidi_address(self) -> str:
        assert self._process.stderr is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            line = self._process.stderr.readline().decode(errors="replace")
            if not line and self._process.poll() is not None:
                break
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                # Keep reading Firefox's chatter, so a full pipe never blocks it.
                threading.Thread(target=self._process.stderr.read, daemon=True).start()
                return found.group(1)
        self.close()
        raise RuntimeError("Firefox did not start its WebDriver BiDi server")

    @staticmethod
    def _connect(address: str) -> ClientConnection:
        return connect(address.rstrip("/") + "/session", max_size=None, open_timeout=START_TIMEOUT_S)

    def _command(self, method: str, params: dict[str, Any], timeout_s: float = 120) -> Any:
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout_s
        while True:
            message = json.loads(self._socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") != self._next_id:
                continue  # an event: none subscribed, but the protocol may send some
            if message.get("type") == "error":
                raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
            return message["result"]

    def goto(self, url: str) -> None:
        self._command("browsingContext.navigate", {"context": self._context, "url": url, "wait": "complete"})

    def call(self, source: str, *args: Any) -> Any:
        result = self._command(
            "script.callFunction",
            {
                "functionDeclaration": CALL_WRAPPER.format(source=source),
                "arguments": [{"type": "string", "value": json.dumps(args)}],
                "target": {"context": self._context},
                "awaitPromise": True,
            },
        )
        if result["type"] == "exception":
            raise RuntimeError(f"in the page: {result['exceptionDetails']['text']}")
        return json.loads(result["result"]["value"])

    def close(self) -> None:
        try:
            self._command("browser.close", {}, timeout_s=10)
        except Exception:  # noqa: BLE001 - closing a browser that already went away
            pass
        self._connection.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        shutil.rmtree(self._profile, ignore_errors=True)


class WebKitPage:
    """WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver), on a virtual screen."""

    name = "webkit"

    def __init__(self, proxy_port: int) -> None:
        capabilities = {
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": {"binary": MINIBROWSER, "args": ["--automation"]},
            "proxy": {
                "proxyType": "manual",
                "httpProxy": f"127.0.0.1:{proxy_port}",
                "sslProxy": f"127.0.0.1:{proxy_port}",
                # WebKit sends loopback through a proxy too unless told not to.
                "noProxy": ["127.0.0.1", "localhost"],
            },
            "timeouts": {"script": 120_000, "pageLoad": 120_000},
        }
        for attempt in range(1, MINIBROWSER_TRIES + 1):
            self._start_driver()
            try:
                session = self._new_session(capabilities)
                break
            except OSError:  # no answer: MiniBrowser died at its start
                self._stop_driver()
                if attempt == MINIBROWSER_TRIES:
                    raise RuntimeError(f"MiniBrowser did not start in {MINIBROWSER_TRIES} tries") from None
                # Its deaths come in runs, a few within seconds: wait longer before each try.
                time.sleep(attempt * 2)
        self._session = f"/session/{session['sessionId']}"
        self.version = str(session["capabilities"].get("browserVersion", ""))

    def _new_session(self, capabilities: dict[str, Any]) -> Any:
        """The driver's new session; OSError when the browser it started died before answering."""
        with ThreadPoolExecutor(max_workers=1) as pool:
            answer = pool.submit(
                self._request, "POST", "/session", {"capabilities": {"alwaysMatch": capabilities}}, SESSION_TIMEOUT_S
            )
            started: set[str] = set()
            waited_s = 0.0
            while not wait([answer], timeout=BROWSER_POLL_S).done:
                waited_s += BROWSER_POLL_S
                browsers = self._driver_children()
                # Gone, or never seen: the driver starts MiniBrowser as soon as it is asked.
                if started - browsers or (not started and not browsers and waited_s >= BROWSER_SEEN_WITHIN_S):
                    # Stopping the driver ends the request it would never answer.
                    self._stop_driver()
                    raise OSError("MiniBrowser died at its start")
                started |= browsers
            return answer.result()

    def _driver_children(self) -> set[str]:
        try:
            return set(Path(f"/proc/{self._driver.pid}/task/{self._driver.pid}/children").read_text().split())
        except OSError:
            return set()

    def _start_driver(self) -> None:
        self._screen, display = virtual_screen()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self._driver = subprocess.Popen(
            [WEBKIT_DRIVER, "--host=127.0.0.1", f"--port={port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "DISPLAY": display},
        )
        self._base = f"http://127.0.0.1:{port}"
        wait_until(self._driver_listens, START_TIMEOUT_S, "WebKitWebDriver")

    def _driver_listens(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", int(self._base.rsplit(":", 1)[1])), timeout=1):
                return True
        except OSError:
            return False

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None, timeout_s: float = 180) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self._base + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            value = json.loads(error.read()).get("value", {})
            raise RuntimeError(f"{method} {path}: {value.get('error')}: {value.get('message')}") from None

    def goto(self, url: str) -> None:
        self._request("POST", f"{self._session}/url", {"url": url})

    def call(self, source: str, *args: Any) -> Any:
        script = (
            "const done = arguments[arguments.length - 1];"
            f"({CALL_WRAPPER.format(source=source)})(arguments[0]).then("
            "(json) => done({json}), (error) => done({error: String(error)}));"
        )
        answer = self._request("POST", f"{self._session}/execute/async", {"script": script, "args": [json.dumps(args)]})
        if "error" in answer:
            raise RuntimeError(f"in the page: {answer['error']}")
        return json.loads(answer["json"])

    def close(self) -> None:
        try:
            self._request("DELETE", self._session)
        except Exception:  # noqa: BLE001 - closing a browser that already went away
            pass
        self._stop_driver()

    def _stop_driver(self) -> None:
        for process in (self._driver, self._screen):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def virtual_screen() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display number (it writes the number it took), and that display."""
    read_end, write_end = os.pipe()
    screen = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    if not number:
        screen.kill()
        raise RuntimeError("Xvfb did not start")
    return screen, f":{number}"


ENGINES: dict[str, Callable[[int], EnginePage]] = {"firefox": FirefoxPage, "webkit": WebKitPage}


def engine_available(name: str) -> bool:
    """Whether Debian's package for the engine is installed (`make browser` installs both)."""
    needed = (FIREFOX,) if name == "firefox" else (WEBKIT_DRIVER, MINIBROWSER, XVFB)
    return all(Path(path).exists() for path in needed)
