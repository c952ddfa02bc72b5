"""A small CRM: contacts, deals, and the activities of each deal."""

from django.db import models


class Contact(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    birthday = models.DateField(null=True, blank=True)
    next_call = models.DateTimeField("next call", null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class Deal(models.Model):
    title = models.CharField(max_length=200)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="deals")
    close_date = models.DateField("close date", null=True, blank=True)

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="activities")
    subject = models.CharField(max_length=200)
    due = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.subject
