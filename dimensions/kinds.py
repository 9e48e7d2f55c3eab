"""The kinds of entry an agency writes in a section, in the order of the analysis flow.

One registry so the views, services and selectors agree on: the URL code of a kind, its model,
how an entry is found inside a section (never outside it), which group of the page it is shown
in, and what is deleted and restored together with it.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from dimensions.models import (
    GapItem,
    Goal,
    Indicator,
    Program,
    QuickWin,
    ReadinessItem,
    Strategy,
    SwotEntry,
)


@dataclass(frozen=True)
class Kind:
    code: str
    model: type
    label: str
    add_label: str
    # The ORM path from the model to its section ("section", "program__section", ...).
    section_path: str = "section"

    def in_section(self, section):
        """The entries of this kind of one section: entries are looked up only through here."""
        if self.code == "indicator":
            return Indicator.objects.filter(Q(goal__section=section) | Q(program__section=section))
        return self.model.objects.filter(**{self.section_path: section})

    def section_id_of(self, entry):
        if self.code == "indicator":
            return entry.goal.section_id if entry.goal_id else entry.program.section_id
        if self.code == "quickwin":
            return entry.program.section_id
        return entry.section_id

    def group_of(self, entry):
        """The key of the list the entry is shown in (a page has one list per group)."""
        if self.code == "readiness":
            return entry.subcomponent
        if self.code == "swot":
            return entry.quadrant
        if self.code == "strategy":
            return entry.kind
        if self.code == "program":
            return entry.horizon
        if self.code == "indicator":
            return f"goal-{entry.goal_id}" if entry.goal_id else f"program-{entry.program_id}"
        return "all"


KINDS = {
    k.code: k
    for k in (
        Kind("readiness", ReadinessItem, _("Butir kesiapan"), _("Tambah butir kesiapan")),
        Kind("gap", GapItem, _("Butir kesenjangan"), _("Tambah butir kesenjangan")),
        Kind("swot", SwotEntry, _("Butir SWOT"), _("Tambah butir SWOT")),
        Kind("strategy", Strategy, _("Strategi"), _("Tambah strategi")),
        Kind("goal", Goal, _("Sasaran"), _("Tambah sasaran")),
        Kind(
            "indicator",
            Indicator,
            _("Indikator"),
            _("Tambah indikator"),
            section_path="",  # goal__section or program__section, see in_section()
        ),
        Kind("program", Program, _("Program"), _("Tambah program")),
        Kind("quickwin", QuickWin, _("Quick win"), _("Tambah quick win"), section_path="program__section"),
    )
}


def get_kind(code):
    try:
        return KINDS[code]
    except KeyError:
        raise Http404 from None
