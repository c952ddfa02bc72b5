"""The CRM's admin, as any project writes it: nothing here knows calendar-links.

"calendar_links_django" in INSTALLED_APPS puts the buttons beside every date of these pages.
"""

from django.contrib import admin

from .models import Activity, Contact, Deal


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "birthday", "next_call"]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 1


@admin.register(Deal)
class DealAdmin(admin.ModelAdmin):
    list_display = ["title", "contact", "close_date"]
    inlines = [ActivityInline]
