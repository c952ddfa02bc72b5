"""Records with dates in django-crm-admin's database, made through its own models (run after
its `setupdata` command, which loads its fixtures and creates its users)."""

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402

from crm_users import ADMIN  # noqa: E402


def objects(label: str) -> Any:  # a model's manager: Django is untyped
    return apps.get_model(label).objects


owner = User.objects.create_superuser(ADMIN[0], "calendar-admin@example.com", ADMIN[1])
company = objects("crm.Company").create(
    full_name="Lovelace Engines", email="office@example.com", was_in_touch=date(2026, 2, 11), owner=owner
)
contact = objects("crm.Contact").create(
    first_name="Ada", email="ada@example.com", company=company, birth_date=date(1990, 12, 10),
    was_in_touch=date(2026, 3, 4), owner=owner,
)  # fmt: skip
objects("crm.Lead").create(
    first_name="Grace", email="grace@example.com", birth_date=date(1985, 1, 9), was_in_touch=date(2026, 4, 5), owner=owner
)
deal = objects("crm.Deal").create(
    name="Engine renewal", next_step="Call", next_step_date=date(2026, 5, 6), closing_date=date(2026, 6, 7),
    win_closing_date=datetime(2026, 7, 8, 9, 30, tzinfo=ZoneInfo("UTC")), owner=owner, contact=contact, company=company,
)  # fmt: skip
objects("crm.Request").create(request_for="Quote", first_name="Ada", receipt_date=date(2026, 8, 9), owner=owner)
objects("crm.Payment").create(
    deal=deal, payment_date=date(2026, 9, 10), amount=100, currency=objects("crm.Currency").first()
)
objects("tasks.Task").create(
    name="Prepare offer", next_step="Write", next_step_date=date(2026, 10, 11), due_date=date(2026, 11, 12),
    start_date=date(2026, 1, 2), stage=objects("tasks.TaskStage").first(), owner=owner,
)  # fmt: skip
objects("tasks.Project").create(
    name="Rollout", next_step="Plan", next_step_date=date(2026, 2, 3), due_date=date(2026, 3, 5), owner=owner
)
objects("tasks.Memo").create(name="Review", to=owner, review_date=date(2026, 4, 6), owner=owner)
