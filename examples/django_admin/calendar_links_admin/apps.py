from django.apps import AppConfig


class CalendarLinksAdminConfig(AppConfig):
    name = "calendar_links_admin"
    verbose_name = "calendar-links"
