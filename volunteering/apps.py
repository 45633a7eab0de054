from django.apps import AppConfig


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = "Volunteering"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import translations

        translations.connect()
