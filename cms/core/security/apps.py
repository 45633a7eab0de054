from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "cms.core.security"
    # "security" alone is too likely to clash with a third-party app label.
    label = "polyphony_security"
    verbose_name = "Polyphony security"

    def ready(self):
        # Handlers configured outside LOGGING (gunicorn's, a library's) get the scrubber too.
        from django.core.signals import request_started

        from .logging import (
            install_record_factory,
            install_scrubber_everywhere,
            remember_request_identifiers,
        )

        install_record_factory()
        install_scrubber_everywhere()
        request_started.connect(remember_request_identifiers, dispatch_uid="polyphony_log_ids")
