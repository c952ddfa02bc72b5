from django.contrib import admin
from django.urls import path

from .admin import chooser_site

urlpatterns = [path("admin/", admin.site.urls), path("chooser/", chooser_site.urls)]
