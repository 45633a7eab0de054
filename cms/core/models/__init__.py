from .pages import HomePage, IndexPage, StandardPage
from .settings import SiteSettings
from .tasks import ReviewTask, SecondPairOfEyesTask

__all__ = [
    "HomePage",
    "IndexPage",
    "ReviewTask",
    "SecondPairOfEyesTask",
    "SiteSettings",
    "StandardPage",
]
