"""The example CRM's records (plain values, so tests can compute what each event must be).

Historical people with example.com addresses. Every date has a day of 12 or less, so
reading it in the wrong order gives another real date instead of an error: the case
where a wrong event would go unnoticed. Wall times are Berlin time, the site's TIME_ZONE.
"""

from datetime import date, datetime

# (name, email, birthday, next call)
CONTACTS = (
    ("Ada Lovelace", "ada@example.com", date(1815, 12, 10), datetime(2026, 12, 3, 10, 0)),
    ("Grace Hopper", "grace@example.com", date(1906, 12, 9), datetime(2026, 3, 4, 9, 15)),
    ("Marie Curie", "marie@example.com", date(1867, 11, 7), datetime(2026, 7, 8, 16, 45)),
    ("Isaac Newton", "isaac@example.com", date(1643, 1, 4), datetime(2026, 11, 2, 8, 0)),
)

# (title, contact name, close date, [(activity subject, due)])
DEALS = (
    (
        "Analytical Engine",
        "Ada Lovelace",
        date(2026, 5, 6),
        [
            ("Kick-off call", datetime(2026, 2, 3, 9, 30)),
            ("Lunch with Babbage", datetime(2026, 1, 2, 12, 0)),
            ("Demo", datetime(2026, 11, 5, 15, 0)),
            ("Night shift review", datetime(2026, 4, 1, 0, 0)),
        ],
    ),
    (
        "Compiler",
        "Grace Hopper",
        date(2026, 10, 9),
        [("Bug hunt", datetime(2026, 9, 9, 15, 45))],
    ),
)

ADMIN = ("admin", "calendar-links-admin")
# A staff member who may only look: every field is read-only text.
VIEWER = ("viewer", "calendar-links-viewer")
