"""The app config: at start, puts calendar buttons on every admin site's model admins."""

from django.apps import AppConfig
from django.conf import settings


class CalendarLinksConfig(AppConfig):
    name = "calendar_links_django"
    verbose_name = "calendar-links"

    def ready(self) -> None:
        # CALENDAR_LINKS_ADMIN = False leaves the admin alone (the mixin then chooses).
        if not getattr(settings, "CALENDAR_LINKS_ADMIN", True):
            return
        from django.contrib import admin

        from .admin import add_to_every_site

        # The admin fills its sites when its own ready() runs; asking for that here as well
        # makes the order of INSTALLED_APPS not matter (importing each admin.py is idempotent).
        admin.autodiscover()
        add_to_every_site()
