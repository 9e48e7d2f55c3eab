"""The content layer's answers to the core's questions (masterplan.signals), connected in
DimensionsConfig.ready."""

from django.utils.translation import gettext as _

from dimensions.models import Program
from dimensions.selectors import entries_outside_period, section_entry_counts


def agency_delete_blockers(agency, **kwargs) -> list[str]:
    """An agency whose sections hold entries, or that leads or partners programs, stays."""
    reasons = []
    entries = sum(section_entry_counts(agency.sections.values_list("pk", flat=True)).values())
    if entries:
        reasons.append(_("%(n)s isian dimensi sudah ditulis perangkat daerah ini") % {"n": entries})
    led = Program.objects.filter(lead_agency=agency).count()
    if led:
        reasons.append(_("perangkat daerah ini menjadi penanggung jawab %(n)s program") % {"n": led})
    partner = agency.partner_programs.count()
    if partner:
        reasons.append(_("perangkat daerah ini menjadi mitra %(n)s program") % {"n": partner})
    return reasons


def masterplan_period_conflicts(masterplan, start, end, **kwargs) -> list[tuple[str, int]]:
    return entries_outside_period(masterplan, start, end)
