from django.db import migrations, models


def copy_consents(apps, schema_editor):
    """Stories whose private record says the contributor consented keep that consent on the page
    (every language of the story), so the retention purge no longer takes it away."""
    StoryPage = apps.get_model("stories", "StoryPage")
    StoryPrivateRecord = apps.get_model("stories", "StoryPrivateRecord")
    keys = StoryPrivateRecord.objects.filter(consent_translation=True, page__isnull=False)
    StoryPage.objects.filter(
        translation_key__in=keys.values_list("page__translation_key", flat=True)
    ).update(translation_consented=True)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0006_conversations"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="translation_consented",
            field=models.BooleanField(
                default=False,
                editable=False,
                verbose_name="the contributor consents to translation",
            ),
        ),
        migrations.RunPython(copy_consents, migrations.RunPython.noop),
    ]
