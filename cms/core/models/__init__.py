# The translation memory's model lives with its code (cms/core/translation/); it is a cms model.
from cms.core.translation.models import SourceChange

from .pages import HomePage, IndexPage, StandardPage
from .settings import SiteSettings
from .tasks import ReviewTask, SecondPairOfEyesTask

__all__ = [
    "HomePage",
    "IndexPage",
    "ReviewTask",
    "SecondPairOfEyesTask",
    "SourceChange",
    "SiteSettings",
    "StandardPage",
]
