"""Once: create this app's application permissions during migrate, not after it.

It created the app's permissions during migrate so that sync_roles, run on cms's post_migrate,
could grant them on a fresh database. cms/core/sync.py (sync_after_migrate) now creates every
app's permissions itself before it syncs the roles, so this step does nothing. The migration
stays, empty, because databases have it recorded and later migrations may depend on it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0002_vacancies")]

    operations = []
