"""Create this app's model permissions during migrate, not after it.

cms.sync_roles runs on cms's post_migrate signal, which Django sends before it creates the
permissions of apps listed later in INSTALLED_APPS. cms/core/roles.py grants the bank account and
partner organisation permissions, so on a fresh database they must already exist by then.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_app_permissions(apps, schema_editor):
    create_permissions(
        global_apps.get_app_config("campaigns"),
        verbosity=0,
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_bankaccount_campaignpage_partnerorganisation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_app_permissions, migrations.RunPython.noop)]
