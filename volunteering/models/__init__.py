from .applications import ApplicationStatus, DeadlineReminder, VacancyApplication
from .index import VacancyIndexPage
from .vacancy import VacancyManager, VacancyPage, VacancyQuerySet, VacancyTag

__all__ = [
    "ApplicationStatus",
    "DeadlineReminder",
    "VacancyApplication",
    "VacancyIndexPage",
    "VacancyManager",
    "VacancyPage",
    "VacancyQuerySet",
    "VacancyTag",
]
