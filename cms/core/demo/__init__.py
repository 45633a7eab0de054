"""Demo content, written in Python and safe to re-run (see load_demo_content).

Content apps contribute a `<app>/demo.py` with `build(ctx)`; the command discovers them through
the app registry, so `cms` never imports a content app.
"""

from .context import DemoContext
from .pages import ensure_page, translate_page

__all__ = ["DemoContext", "ensure_page", "translate_page"]
