"""The pure core of calendar-links: values in, values out.

No module here imports `js`, `pyodide` or `pyscript`, reads the clock or does I/O
(tests/test_purity.py checks the whole package), so CPython's pytest runs all of it.
Its public face is the top-level module `calendar_links`.
"""
