"""How the browser tests and the benchmark start Debian's Chromium, in one place."""

from __future__ import annotations

CHROMIUM_PATH = "/usr/bin/chromium"
# Root, no GPU, and none of Chromium's own background traffic on a machine with no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
