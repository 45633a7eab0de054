from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Letters to prisoners"
    default_auto_field = "django.db.models.BigAutoField"
