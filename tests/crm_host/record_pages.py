"""Every record page of the CRM's admin sites, as JSON on stdout: its URL, the status Django's
test client got, each date field the page shows with the value in the database (ISO 8601, a
datetime in UTC), for the browser test to compare events with, and the fields marked."""

import json
import re

import django

django.setup()

from django.contrib.admin.sites import all_sites  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import models  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from crm_users import ADMIN  # noqa: E402

pages = []
client = Client(SERVER_NAME="localhost")
client.force_login(User.objects.get(username=ADMIN[0]))
for site in all_sites:
    for model, _model_admin in site._registry.items():
        dates = [field for field in model._meta.fields if isinstance(field, models.DateField)]
        if not dates:
            continue
        for instance in model.objects.all():
            meta = model._meta
            url = reverse(f"{site.name}:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
            response = client.get(url)
            html = response.content.decode()
            # The fields the page shows: an input or a read-only row of that name.
            shown = set(re.findall(r'name="([a-z_]+?)(?:_0)?"', html)) | set(re.findall(r"field-(?:calendar_links__)?([a-z_]+)", html))
            fields = {}
            for field in dates:
                value = getattr(instance, field.name)
                if value is None or field.name not in shown:
                    continue
                kind = "datetime" if isinstance(field, models.DateTimeField) else "date"
                fields[field.name] = {"type": kind, "value": value.isoformat()}
            marked = sorted(set(re.findall(r'data-calendar-field="([a-z_]+)"', html)))
            pages.append(
                {"site": site.name, "url": url, "status": response.status_code, "fields": fields, "marked": marked}
            )  # fmt: skip
print(json.dumps(pages))
