"""Query lookups the project adds to Django's.

``id__in=[99999999999999999999999]`` (a multi-select answered with a hand-made id) made SQLite
raise OverflowError, a 500, because SQLite cannot bind an integer outside 64 bits. Django already
treats such a value as "no row" for ``exact``, ``gt``, ``lt``... (IntegerFieldOverflow) but not
for ``in``: here ``in`` on every integer field (ids, foreign keys' targets, years) leaves out
the values no column of its type can hold. A ModelMultipleChoiceField then finds no such choice
and shows its usual "not one of the available choices" next to the field, in every form (the
app's and the admin's), on every database."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                v
                for v in self.rhs
                if not isinstance(v, int) or ((low is None or v >= low) and (high is None or v <= high))
            ]
        return super().process_rhs(compiler, connection)


# Nine digits stay below 2**31: an id every id column holds (PostgreSQL's integer is the smallest).
ID_MAX_DIGITS = 9


def is_id(value: object, *, any_column: bool = False) -> bool:
    """Is this text a row id as a URL or a form sends one: ASCII digits only. ``str.isdigit``
    alone takes "²" too, and ``int("²")`` is a ValueError (a 500; the form fuzzing found it).
    With ``any_column``, also at most ID_MAX_DIGITS digits: a value no id column refuses."""
    text = str(value)
    return text.isascii() and text.isdigit() and (not any_column or len(text) <= ID_MAX_DIGITS)
