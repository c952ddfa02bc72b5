"""calendar-links for the Django admin: add-to-calendar buttons beside every date.

Copy this folder into your project, add "calendar_links_admin" to INSTALLED_APPS, serve
calendar-links' static folder under "calendar-links/" (STATICFILES_DIRS), and put
CalendarLinksMixin first in the bases of each ModelAdmin and inline that shows dates.
"""
