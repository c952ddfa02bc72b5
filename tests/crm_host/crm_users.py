"""The CRM user the tests log in as (made by seed_crm_host.py)."""

ADMIN = ("calendar-admin", "calendar-links-crm")
