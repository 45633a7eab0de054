"""Once: create this app's model permissions during migrate, not after it.

It created the app's permissions during migrate so that sync_roles, run on cms's post_migrate,
could grant them on a fresh database. cms/core/sync.py (sync_after_migrate) now creates every
app's permissions itself before it syncs the roles, so this step does nothing. The migration
stays, empty, because databases have it recorded and 0004 depends on it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("stories", "0002_story_topic_page_private_record")]

    operations = []
