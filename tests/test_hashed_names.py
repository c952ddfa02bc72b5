"""The build's content-hashed names (tools/hashed_names.py): how a name carries its digest, how
a source's paths are rewritten, and the built folder as it stands after `make static`."""

from __future__ import annotations

import re

import pytest

from hashed_names import (
    CSS_URL,
    DIGEST_NAMED,
    QUOTED_PATH,
    STATIC,
    digest,
    digest_named,
    manifest,
    module_order,
    rewritten,
)


def test_a_digest_goes_before_the_last_suffix() -> None:
    assert digest_named("pyodide/pyodide.asm.mjs", b"x") == f"pyodide/pyodide.asm.{digest(b'x')}.mjs"
    assert digest(b"x") != digest(b"y")
    assert DIGEST_NAMED.search(digest_named("snapshot-1.bin", b"x"))


def test_paths_that_name_a_built_file_are_rewritten_from_where_the_copy_stands() -> None:
    built = {"calendar-links-dom.mjs": "vendor/calendar-links-dom.0123456789ab.mjs", "icons/a.svg": "vendor/icons/a.0123456789ab.svg"}
    module = 'import { x } from "./calendar-links-dom.mjs";\nconst other = "./not-built.mjs";\n'
    # A copy in vendor/ names its neighbour; the entry in static/ names it inside vendor/.
    assert rewritten(module, "", "vendor", built, QUOTED_PATH).splitlines() == [
        'import { x } from "./calendar-links-dom.0123456789ab.mjs";',
        'const other = "./not-built.mjs";',
    ]
    assert '"./vendor/calendar-links-dom.0123456789ab.mjs"' in rewritten(module, "", "", built, QUOTED_PATH)
    assert rewritten('mask-image: url("icons/a.svg");', "", "", built, CSS_URL) == 'mask-image: url("./vendor/icons/a.0123456789ab.svg");'


def test_modules_come_after_what_they_import_and_a_cycle_stops_the_build() -> None:
    modules = {"a.mjs": 'import "./b.mjs";', "b.mjs": 'import "./c.mjs";', "c.mjs": ""}
    assert module_order(modules) == ["c.mjs", "b.mjs", "a.mjs"]
    with pytest.raises(SystemExit):
        module_order({"a.mjs": 'import "./b.mjs";', "b.mjs": 'import("./a.mjs");'})


@pytest.mark.built
def test_every_built_name_names_a_file_whose_digest_is_its_content() -> None:
    built = manifest()
    assert "vendor/pyodide/snapshot-1.bin" in built and "calendar-links-runtime.mjs" in built
    for source, target in built.items():
        path = STATIC / target
        assert path.is_file(), source
        name_digest = re.search(r"\.([0-9a-f]{12})[./]", target)
        assert name_digest is not None, target
        if "/interpreter." not in target:  # that folder's digest covers both of its files
            assert name_digest[1] == digest(path.read_bytes()), target
