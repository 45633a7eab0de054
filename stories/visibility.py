"""Who may see a story while it is in review: its reviewers, nobody else.

A story in review is unreviewed text from someone who may be prosecuted if identified. Wagtail's
page permissions flow down the tree, so the translators' grant on their whole locale (and the
submitters' on the stories section) would reach every story waiting there, in every admin view.
Grants cannot carve a hole in a subtree, so this module takes such stories out of what everyone
but the reviewers may see, at the two points every admin view goes through:

- the page permission policy (`VisibilityPagePermissionPolicy`, registered for `Page`): the
  explorer, admin search, the admin API, the locked/aging/workflow reports and the site history
  all list pages from its `explorable_instances` / `instances_user_has_permission_for`;
- the permission tester of one page (`StoryPage.permissions_for_user`): the editor, history,
  revisions, compare, preview, usage, lock, move, copy and delete views ask it before they
  answer. A hidden story gets a tester that refuses everything.

The page chooser lists pages without asking either, so stories/wagtail_hooks.py filters it too;
and the explorer and the chooser name the page they list the children of in their header without
asking, so `HiddenStoryParentMiddleware` refuses those views for a hidden story.

Open to everyone who may otherwise see it is only what is already public: a live story with no
unpublished changes and no workflow under way. Beyond that, a translator of a language sees the
translation into their language of a live story (the translation's own review included): that
is the work they are there for. Someone who wrote a draft themselves still sees it.

Reviewers are the groups of the story workflow's tasks (stories/moderation.py), and
administrators.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.http import Http404
from wagtail.models import Page, PagePermissionTester, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.roles import declared_roles

from .moderation import is_story_reviewer

_REVIEWER_CACHE = "_stories_is_reviewer"
_LANGUAGES_CACHE = "_stories_translator_languages"


def sees_everything(user):
    """Reviewers and administrators: cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, _REVIEWER_CACHE, None)
    if cached is None:
        cached = is_story_reviewer(user)
        setattr(user, _REVIEWER_CACHE, cached)
    return cached


def translator_languages(user):
    """The languages `user` translates into, from the translator roles they belong to (cached
    on the user object for the request, like `sees_everything`: a listing asks once per row)."""
    cached = getattr(user, _LANGUAGES_CACHE, None)
    if cached is None:
        languages = {role.name: role.language for role in declared_roles() if role.language}
        names = user.groups.filter(name__in=languages).values_list("name", flat=True)
        cached = [languages[name] for name in names]
        setattr(user, _LANGUAGES_CACHE, cached)
    return cached


def _public_as_is():
    """A story whose every version anyone could read on the site: live, nothing newer, no
    review under way."""
    page_type = ContentType.objects.get_for_model(Page)
    reviewing = WorkflowState.objects.active().filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), output_field=CharField())
    )
    return Q(live=True, has_unpublished_changes=False) & ~Exists(reviewing)


def _translations_of_live_stories(languages):
    """A page in one of `languages` made by wagtail-localize from a live story of another
    language whose contributor did not refuse translation."""
    from wagtail_localize.models import TranslationSource

    from .models import StoryPrivateRecord

    live_source = Page.objects.filter(
        translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id"), live=True
    )
    refused = StoryPrivateRecord.objects.filter(
        page__translation_key=OuterRef("object_id"),
        page__locale_id=OuterRef("locale_id"),
        consent_translation=False,
    )
    sources = TranslationSource.objects.filter(
        Exists(live_source), ~Exists(refused), object_id=OuterRef("translation_key")
    ).exclude(locale_id=OuterRef("locale_id"))
    # The source itself is no translation, even in a translator's language.
    is_a_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    return Q(locale__language_code__in=languages) & Exists(sources) & ~Exists(is_a_source)


def hidden_stories(user):
    """The story pages (a `Page` queryset) that `user` may not see in the admin; empty for
    reviewers."""
    from .models import StoryPage

    stories = Page.objects.type(StoryPage)
    if sees_everything(user):
        return stories.none()
    visible = _public_as_is()
    if getattr(user, "is_authenticated", False):
        visible |= Q(owner_id=user.pk)
        languages = translator_languages(user)
        if languages:
            visible |= _translations_of_live_stories(languages)
    return stories.exclude(visible)


def without_hidden_stories(pages, user):
    """`pages` (any page queryset) less the stories `user` may not see."""
    if sees_everything(user):
        return pages
    return pages.exclude(pk__in=hidden_stories(user).values("pk"))


def may_see(user, page):
    from .models import StoryPage

    if sees_everything(user) or page.pk is None:
        return True
    if page.content_type_id != ContentType.objects.get_for_model(StoryPage).pk:
        return True
    return not hidden_stories(user).filter(pk=page.pk).exists()


class HiddenStoryPermissionTester(PagePermissionTester):
    """What a user may do with a story they may not see: nothing at all."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.permissions = set()


def _refuse(self, *args, **kwargs):
    return False


# Every question a view may ask (can_edit, can_view_revisions, can_copy_to, ...), including any a
# later Wagtail adds: listed from the class rather than by hand.
for _name in dir(PagePermissionTester):
    if _name.startswith(("can_", "user_can_")):
        setattr(HiddenStoryPermissionTester, _name, _refuse)


def tester_for(user, page, tester):
    """`tester` (what the story page would answer otherwise), or a refusing one if `user` may
    not see `page`."""
    if not may_see(user, page):
        return HiddenStoryPermissionTester(user, page)
    return tester


class VisibilityPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, less the stories a user may not see."""

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return without_hidden_stories(pages, user)

    def explorable_instances(self, user):
        return without_hidden_stories(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if isinstance(instance, Page) and not may_see(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


# Admin views that show the page whose children they list (in their header and breadcrumbs)
# without asking its permission tester.
_LISTS_CHILDREN_OF = {
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
    "wagtailadmin_choose_page_child",
}


class HiddenStoryParentMiddleware:
    """404 for the explorer or the page chooser opened at a story the user may not see; bulk
    actions never list one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "wagtail_bulk_action":
            return _hide_from_bulk_action(request, view_kwargs)
        page_id = view_kwargs.get("parent_page_id")
        if match is None or page_id is None or match.url_name not in _LISTS_CHILDREN_OF:
            return None
        if sees_everything(request.user):
            return None
        if hidden_stories(request.user).filter(pk=page_id).exists():
            raise Http404
        return None


def _hide_from_bulk_action(request, view_kwargs):
    """Bulk actions list every selected page by title, including those the user may not act on
    ("you don't have permission to ..."): a hidden story's id in the query named it to anyone.
    Hidden ids are dropped; "all" below a page holding a hidden story is refused (the listing
    it stands for may be a search, which cannot be narrowed here)."""
    if (view_kwargs.get("app_label"), view_kwargs.get("model_name")) != ("wagtailcore", "page"):
        return None
    if sees_everything(request.user):
        return None
    ids = request.GET.getlist("id")
    hidden = hidden_stories(request.user)
    if "all" in ids:
        parent = Page.objects.filter(pk=request.GET.get("childOf") or 0).first()
        below = parent.get_descendants() if parent else Page.objects.all()
        if hidden.filter(pk__in=below.values("pk")).exists():
            raise Http404
        return None
    numeric = [value for value in ids if value.isdigit()]
    hidden_ids = {str(pk) for pk in hidden.filter(pk__in=numeric).values_list("pk", flat=True)}
    if hidden_ids:
        query = request.GET.copy()
        query.setlist("id", [value for value in ids if value not in hidden_ids])
        request.GET = query
    return None
