"""Create this app's model permissions during migrate, not after it.

cms syncs the roles in its own post_migrate handler, which runs before Django's handler creates
the permissions of apps listed after cms. The Moderators role names
"stories.view_storyprivaterecord", so on a fresh database that permission must exist by then.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_story_permissions(apps, schema_editor):
    app_config = apps.get_app_config("stories")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = None


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0002_story_topic_page_private_record"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_story_permissions, migrations.RunPython.noop)]
