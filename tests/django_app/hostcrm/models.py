"""Records of a host CRM: a name that is HTML, read-only creation times, plain dates."""

from django.db import models
from django.utils.safestring import SafeString, mark_safe


class Contact(models.Model):
    name = models.CharField(max_length=200)
    birthday = models.DateField(null=True, blank=True)
    next_call = models.DateTimeField("next call", null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> SafeString:
        # A host that returns markup: quotes and brackets must not leave our attributes.
        return mark_safe(f'{self.name} "<b>VIP</b>"')


class Deal(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="deals")
    title = models.CharField(max_length=200)
    close_date = models.DateField("close date", null=True, blank=True)

    def __str__(self) -> str:
        return str(self.title)


class Meeting(models.Model):
    topic = models.CharField(max_length=200)
    starts = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.topic)


class Note(models.Model):
    text = models.CharField(max_length=200)
    written = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.text)
