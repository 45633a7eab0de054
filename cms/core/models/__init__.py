from .pages import HomePage, IndexPage, StandardPage
from .settings import SiteSettings
from .tasks import SecondPairOfEyesTask

__all__ = ["HomePage", "IndexPage", "SecondPairOfEyesTask", "SiteSettings", "StandardPage"]
