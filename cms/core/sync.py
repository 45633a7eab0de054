"""Make the database match the declarations in cms/core/roles.py and cms/core/workflows.py.

Both functions are idempotent: they create what is missing, change what differs and remove what
the declaration no longer grants, so running them twice leaves the same rows.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core import roles as role_declarations
from cms.core import workflows as workflow_declarations
from cms.core.sections import home_pages, section_pages, source_language, sync_locales

ACCESS_ADMIN = "wagtailadmin.access_admin"


def permission(label):
    app_label, codename = label.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise ImproperlyConfigured(
            f"cms/core/roles.py names an unknown permission {label!r}"
        ) from error


def pages_for_scope(scope, language=None):
    if scope == "tree":
        root = Page.get_first_root_node()
        return [root] if root else []
    if scope == "own-locale":
        return list(home_pages(language))
    return list(section_pages(scope))


def page_permission(action):
    return permission(f"wagtailcore.{action}_page")


@transaction.atomic
def sync_roles(verbosity=0, stdout=None):
    """Groups, their model permissions, page permissions and collection permissions."""
    collections = ensure_collections()
    changes = 0
    for role in role_declarations.declared_roles():
        group, created = Group.objects.get_or_create(name=role.name)
        changes += created

        wanted_perms = {permission(label) for label in role.permissions}
        if role.admin:
            wanted_perms.add(permission(ACCESS_ADMIN))
        if set(group.permissions.all()) != wanted_perms:
            group.permissions.set(wanted_perms)
            changes += 1

        wanted_pages = {
            (page.pk, page_permission(action).pk)
            for grant in role.pages
            for page in pages_for_scope(grant.scope, role.language)
            for action in grant.actions
        }
        changes += _match_rows(
            GroupPagePermission.objects.filter(group=group),
            wanted_pages,
            key=lambda row: (row.page_id, row.permission_id),
            create=lambda key, group=group: GroupPagePermission(
                group=group, page_id=key[0], permission_id=key[1]
            ),
        )

        wanted_collections = set()
        if collections:
            target = collections[role.collection]
            wanted_collections = {(target.pk, permission(label).pk) for label in role.collections}
        changes += _match_rows(
            GroupCollectionPermission.objects.filter(group=group),
            wanted_collections,
            key=lambda row: (row.collection_id, row.permission_id),
            create=lambda key, group=group: GroupCollectionPermission(
                group=group, collection_id=key[0], permission_id=key[1]
            ),
        )

    for name in role_declarations.RETIRED_GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if group.user_set.exists():
            group.permissions.clear()
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
        else:
            group.delete()
        changes += 1
    if verbosity and stdout:
        stdout.write(f"sync_roles: {changes} change(s)")
    return changes


def ensure_collections():
    """The root collection and the ones cms/core/roles.py names, by name; {} before Wagtail's
    migrations have made the root."""
    root = Collection.get_first_root_node()
    if root is None:
        return {}
    found = {role_declarations.ROOT_COLLECTION: root}
    for name in role_declarations.MANAGED_COLLECTIONS:
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=name))
            root.refresh_from_db()
        found[name] = collection
    return found


def _match_rows(queryset, wanted, key, create):
    existing = {key(row): row for row in queryset}
    stale = [row.pk for k, row in existing.items() if k not in wanted]
    missing = [create(k) for k in wanted if k not in existing]
    if stale:
        queryset.model.objects.filter(pk__in=stale).delete()
    if missing:
        queryset.model.objects.bulk_create(missing)
    return len(stale) + len(missing)


def pages_for_attachment(attachment):
    """The pages a workflows.Attachment names."""
    if attachment.translated_homes:
        return list(home_pages().exclude(locale__language_code=source_language()))
    language = source_language() if attachment.source_only else None
    return list(section_pages(attachment.section, language))


def _task(spec):
    model = apps.get_model(spec.model)
    task = model.objects.filter(name=spec.name).first()
    if task is None:
        task = model.objects.create(name=spec.name)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    groups = set(Group.objects.filter(name__in=spec.groups))
    if len(groups) != len(spec.groups):
        raise ImproperlyConfigured(f"Task {spec.name!r} names a group sync_roles did not create")
    if set(task.groups.all()) != groups:
        task.groups.set(groups)
    return task


def _retire_namesakes(task):
    """Retire tasks of the same name and another type: what a spec's task was before its model
    changed (a plain group approval "Safety review" before cms.ReviewTask). Left active, the
    admin's task list shows two "Safety review"s and either can be picked for a new workflow.
    One that still holds a page in progress is left until that review ends (deactivating it
    would cancel the review); the next sync retires it."""
    retired = 0
    for other in Task.objects.filter(name=task.name, active=True).exclude(pk=task.pk):
        in_progress = TaskState.objects.filter(task=other, status=TaskState.STATUS_IN_PROGRESS)
        if other.workflows.filter(active=True).exists() or in_progress.exists():
            continue
        other.deactivate()
        retired += 1
    return retired


def _workflow(spec):
    """(row, changed): the spec's row, found by its name or renamed from one it had before."""
    workflow = Workflow.objects.filter(name=spec.name).first()
    if workflow is not None:
        return workflow, False
    former = Workflow.objects.filter(name__in=spec.formerly).order_by("pk").first()
    if former is not None:
        former.name = spec.name
        former.save(update_fields=["name"])
        return former, True
    return Workflow.objects.create(name=spec.name), True


@transaction.atomic
def sync_workflows(verbosity=0, stdout=None):
    """Workflows, their ordered tasks and the pages they are attached to."""
    changes = 0
    for spec in workflow_declarations.WORKFLOWS:
        workflow, created = _workflow(spec)
        changes += created
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
            changes += 1
        tasks = [_task(task_spec) for task_spec in spec.tasks]
        current = list(
            workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)
        )
        if current != [task.pk for task in tasks]:
            workflow.workflow_tasks.all().delete()
            WorkflowTask.objects.bulk_create(
                WorkflowTask(workflow=workflow, task=task, sort_order=index)
                for index, task in enumerate(tasks)
            )
            changes += 1

        targets = {page.pk for target in spec.attach_to for page in pages_for_attachment(target)}
        for page_id in targets:
            _, created = WorkflowPage.objects.update_or_create(
                page_id=page_id, defaults={"workflow": workflow}
            )
            changes += created
        stale = WorkflowPage.objects.filter(workflow=workflow).exclude(page_id__in=targets)
        changes += stale.delete()[0]

        for task in tasks:
            changes += _retire_namesakes(task)

    for name in workflow_declarations.RETIRED_WORKFLOWS:
        for workflow in Workflow.objects.filter(name=name, active=True):
            workflow.deactivate()
            for task in workflow.tasks.filter(active=True):
                # Only retire the task if no live workflow of ours still uses it.
                if not task.workflows.filter(active=True).exists():
                    task.deactivate()
            changes += 1
    if verbosity and stdout:
        stdout.write(f"sync_workflows: {changes} change(s)")
    return changes


def sync_all(verbosity=0, stdout=None):
    sync_locales()
    sync_roles(verbosity, stdout)
    sync_workflows(verbosity, stdout)


def sync_after_migrate(sender, using="default", verbosity=1, plan=None, **kwargs):
    """Run by post_migrate. Page-scoped grants attach once the pages exist (signals.py).

    post_migrate reaches `cms` first (it is first in INSTALLED_APPS), before Django has created
    the permissions of the apps after it; create them all now so roles can name any of them.
    """
    if using != "default":
        return
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure_data_migration_permissions()
    sync_all(verbosity=verbosity if verbosity > 1 else 0)


def ensure_data_migration_permissions():
    """wagtail-localize creates "submit_translation" in a data migration, not a model's Meta, so
    a flushed database (transactional tests) loses it while our Publishers role names it."""
    from django.contrib.contenttypes.models import ContentType

    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
