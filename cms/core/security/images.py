"""The admin's image upload form, hardened against files that only look like images.

Wagtail sniffs the format from the first bytes, then asks Pillow for the size to enforce
WAGTAILIMAGES_MAX_IMAGE_PIXELS. A file with a valid signature but a broken body (a truncated
JPEG, a polyglot) makes Pillow raise UnidentifiedImageError there, which Wagtail 8 does not catch:
the moderator got a 500 instead of "not a valid image". This field turns any such failure into
the usual form error. Installed through WAGTAILIMAGES_IMAGE_FORM_BASE.
"""

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class SafeImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (
            ValidationError,
            PILImage.DecompressionBombError,
            PILImage.DecompressionBombWarning,
        ):
            raise
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken body
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc


class SafeImageForm(BaseImageForm):
    """Wagtail's image form with the file field above (label as Wagtail gives it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields and not isinstance(self.fields["file"], SafeImageField):
            old = self.fields["file"]
            new = SafeImageField(label=old.label, required=old.required, help_text=old.help_text)
            new.widget = old.widget
            self.fields["file"] = new
