"""The CRM's admin, with calendar buttons beside every date: one mixin per admin class."""

from django.contrib import admin

from calendar_links_admin.admin import CalendarLinksMixin

from .models import Activity, Contact, Deal


@admin.register(Contact)
class ContactAdmin(CalendarLinksMixin, admin.ModelAdmin):
    list_display = ["name", "email", "birthday", "next_call"]


class ActivityInline(CalendarLinksMixin, admin.TabularInline):
    model = Activity
    extra = 1


@admin.register(Deal)
class DealAdmin(CalendarLinksMixin, admin.ModelAdmin):
    list_display = ["title", "contact", "close_date"]
    inlines = [ActivityInline]
