"""Every editorial role, declared as data. `manage.py sync_roles` makes the database match.

Plone-style separation: submitters draft, moderators review, translators translate, publishers
publish. Page permissions are scoped to sections of the tree (like Plone's local roles):

- a section name ("stories", "campaigns", "volunteering") means that section's index page in
  every locale;
- "tree" means the root page, so every locale and every future page;
- "own-locale" means the home page of the role's language (translators).

Nobody but Publishers, Volunteer coordinators (for vacancies) and administrators holds `publish`:
the workflows in cms/core/workflows.py are the only way a draft by anyone else goes live.

A grant reaches every page below its scope and cannot leave a hole, so "own-locale" gives
translators their whole language. What a section must keep from a role inside it, a content app
takes out through Wagtail's page permission policy: the stories app shows stories in review only
to the groups of their workflow's tasks and to administrators (stories/visibility.py).
"""

from dataclasses import dataclass

from cms.core.sections import translation_languages

IMAGES_AND_DOCUMENTS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
CHOOSE_ONLY = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
MANAGE_MEDIA = (
    *IMAGES_AND_DOCUMENTS,
    "wagtailimages.change_image",
    "wagtaildocs.change_document",
)


@dataclass(frozen=True)
class PageGrant:
    scope: str
    actions: tuple[str, ...]


# Contributors' photos wait in their own collection until a story is published: they may show
# faces or places. Grants on the root collection reach every collection below it, so only roles
# that review stories get theirs on the root; everyone else works in the "Editorial" collection.
ROOT_COLLECTION = "root"
EDITORIAL_COLLECTION = "Editorial"
SUBMITTED_PHOTOS_COLLECTION = "Submitted photos"
MANAGED_COLLECTIONS = (EDITORIAL_COLLECTION, SUBMITTED_PHOTOS_COLLECTION)


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    pages: tuple[PageGrant, ...] = ()
    # Image and document permissions, granted on `collection` and so on every one below it.
    collections: tuple[str, ...] = ()
    collection: str = EDITORIAL_COLLECTION
    # Model permissions, "app_label.codename".
    permissions: tuple[str, ...] = ()
    language: str | None = None
    admin: bool = True


def translator_group_name(language):
    return f"Translators ({language})"


def declared_roles():
    roles = [
        Role(
            name="Submitters",
            description="Draft stories, campaign news and vacancies; submit them for moderation.",
            pages=(
                PageGrant("stories", ("add",)),
                PageGrant("campaigns", ("add",)),
                PageGrant("volunteering", ("add",)),
                PageGrant("letters", ("add",)),
            ),
            collections=IMAGES_AND_DOCUMENTS,
            # To choose a bank account or partner in a campaign's donation or partners block,
            # and a prisoner's prison.
            permissions=(
                "campaigns.view_bankaccount",
                "campaigns.view_partnerorganisation",
                "letters.view_prison",
            ),
        ),
        Role(
            name="Moderators",
            description="Edit any story, approve or reject its safety review, read private data.",
            pages=(PageGrant("stories", ("add", "change", "lock", "unlock")),),
            collections=IMAGES_AND_DOCUMENTS,
            collection=ROOT_COLLECTION,
            # Contact and consents of contributors, shown in the story editor's private panel.
            permissions=("stories.view_storyprivaterecord",),
        ),
        *(
            Role(
                name=translator_group_name(language),
                description=f"Translate pages into '{language}' and submit them for review.",
                pages=(PageGrant("own-locale", ("add", "change")),),
                collections=CHOOSE_ONLY,
                language=language,
            )
            for language in translation_languages()
        ),
        Role(
            name="Publishers",
            description="Give final approval, publish, unpublish and schedule; start translations.",
            pages=(PageGrant("tree", ("add", "change", "publish", "lock", "unlock")),),
            collections=MANAGE_MEDIA,
            collection=ROOT_COLLECTION,
            permissions=(
                "wagtail_localize.submit_translation",
                # The snippets campaigns share across locales (campaigns/models/snippets.py).
                *(
                    f"campaigns.{action}_{model}"
                    for model in ("bankaccount", "partnerorganisation")
                    for action in ("add", "change", "delete", "view")
                ),
                # Prisons, shared by prisoner pages in every locale (letters/models/snippets.py).
                *(f"letters.{action}_prison" for action in ("add", "change", "delete", "view")),
            ),
        ),
        Role(
            name="Volunteer coordinators",
            description="Manage vacancies and read their applications.",
            pages=(PageGrant("volunteering", ("add", "change", "publish", "lock", "unlock")),),
            collections=IMAGES_AND_DOCUMENTS,
            # Applicants' answers: the admin views in volunteering/admin_views.py check these.
            permissions=(
                "volunteering.view_vacancyapplication",
                "volunteering.change_vacancyapplication",
            ),
        ),
        Role(
            name="Letter volunteers",
            description=(
                "Read, correct, translate, refuse and batch letters to prisoners; keep the "
                "censor's word list; transcribe answers."
            ),
            # No page rights: prisoner pages are edited through the campaign roles and workflow.
            # The letter admin (letters/views/admin.py) checks these permissions.
            permissions=(
                "letters.view_letter",
                "letters.change_letter",
                "letters.view_prison",
                *(
                    f"letters.{action}_{model}"
                    for model in ("letterbatch", "forbiddenword", "prisoneranswer")
                    for action in ("add", "change", "view")
                ),
                "letters.delete_forbiddenword",
            ),
        ),
    ]
    return roles


# Wagtail's first migration creates an "Editors" group with add/change/publish on the whole
# tree. Nobody should get that by accident, so sync_roles removes it when it has no members and
# strips its permissions when it has.
RETIRED_GROUPS = ("Editors",)
