from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BooksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "masterplan.books"
    label = "books"
    verbose_name = _("Buku")
