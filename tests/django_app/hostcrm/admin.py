"""The host's admin, as real projects write it: bases of its own whose hooks have other
signatures and call super() themselves, read-only dates, templates of its own. Nothing here
knows calendar-links: the app's INSTALLED_APPS entry alone adds the buttons."""

from typing import Any

from django.contrib import admin

from calendar_links_django.admin import CalendarLinksMixin

from .models import Contact, Deal, Meeting, Note

CALLS: list[str] = []


class HostAdminBase(admin.ModelAdmin):
    # The common signatures of projects written before `change` existed, and hooks that call
    # super() with their own arguments.
    def get_form(self, request: Any, obj: Any = None, **kwargs: Any) -> Any:
        CALLS.append("get_form")
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request: Any, obj: Any = None) -> Any:
        CALLS.append("get_fieldsets")
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        CALLS.append("get_readonly_fields")
        return super().get_readonly_fields(request, obj)

    def formfield_for_dbfield(self, db_field: Any, **kwargs: Any) -> Any:
        CALLS.append("formfield_for_dbfield")
        return super().formfield_for_dbfield(db_field, **kwargs)


class HostInlineBase(admin.TabularInline):
    def get_formset(self, request: Any, obj: Any = None, **kwargs: Any) -> Any:
        CALLS.append("get_formset")
        return super().get_formset(request, obj, **kwargs)


class DealInline(HostInlineBase):
    model = Deal
    extra = 1


@admin.register(Contact)
class ContactAdmin(HostAdminBase):
    readonly_fields = ["created"]
    inlines = [DealInline]


@admin.register(Deal)
class DealAdmin(admin.ModelAdmin):
    pass


@admin.register(Meeting)
class MeetingAdmin(HostAdminBase):
    change_form_template = "hostcrm/meeting_form.html"


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    calendar_fields = ()  # opted out


# A second site where the host chose with the mixin: only the birthday gets buttons.
chooser_site = admin.AdminSite(name="chooser")


@admin.register(Contact, site=chooser_site)
class ChosenContactAdmin(CalendarLinksMixin, HostAdminBase):
    calendar_fields = ["birthday"]
    readonly_fields = ["created"]
