"""Fill an empty database with the example CRM's records and two users."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.management.base import BaseCommand

from crm.models import Activity, Contact, Deal
from crm.seed_data import ADMIN, CONTACTS, DEALS, VIEWER


class Command(BaseCommand):
    help = "Create the example CRM's contacts, deals and activities, an admin and a view-only user."

    def handle(self, *args: object, **options: object) -> None:
        zone = ZoneInfo(settings.TIME_ZONE)
        contacts = {}
        for name, email, birthday, next_call in CONTACTS:
            contacts[name] = Contact.objects.create(
                name=name, email=email, birthday=birthday, next_call=next_call.replace(tzinfo=zone)
            )
        for title, contact, close_date, activities in DEALS:
            deal = Deal.objects.create(title=title, contact=contacts[contact], close_date=close_date)
            for subject, due in activities:
                Activity.objects.create(deal=deal, subject=subject, due=due.replace(tzinfo=zone))
        User.objects.create_superuser(ADMIN[0], f"{ADMIN[0]}@example.com", ADMIN[1])
        viewer = User.objects.create_user(VIEWER[0], f"{VIEWER[0]}@example.com", VIEWER[1], is_staff=True)
        viewer.user_permissions.set(Permission.objects.filter(codename__startswith="view_", content_type__app_label="crm"))
        self.stdout.write(f"{len(CONTACTS)} contacts, {len(DEALS)} deals, users {ADMIN[0]} and {VIEWER[0]}.")
