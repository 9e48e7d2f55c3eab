"""The content layer's answers to the core's questions (masterplan.signals), connected in
DimensionsConfig.ready."""

import uuid

from django.utils.translation import gettext as _

from dimensions.models import Program, ProgramFunding, QuickWin, Section
from dimensions.selectors import entries_outside_period, section_entry_counts
from masterplan.models import Masterplan


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


def figures_changed(sender, instance, **kwargs) -> None:
    """A section, program, funding split or quick win saved or deleted gives its masterplan a new
    figures token (Masterplan.figures_token) in the same transaction. Deleted in a cascade, the
    rows above it are still there when its post_delete comes (Django deletes the children first)."""
    if isinstance(instance, Section):
        plans = Masterplan.objects.filter(pk=instance.masterplan_id)
    elif isinstance(instance, Program):
        plans = Masterplan.objects.filter(sections=instance.section_id)
    else:
        plans = Masterplan.objects.filter(sections__programs=instance.program_id)
    plans.update(figures_token=uuid.uuid4())


def funding_sources_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """The same for funding splits written through Program.funding_sources (add, remove, clear)."""
    if not reverse:
        plans = Masterplan.objects.filter(sections=instance.section_id)
    elif action == "pre_clear":  # the source's programs, while its rows are still there
        plans = Masterplan.objects.filter(sections__programs__funding__funding_source=instance)
    elif pk_set:
        plans = Masterplan.objects.filter(sections__programs__in=pk_set)
    else:
        return
    plans.update(figures_token=uuid.uuid4())


FIGURES_MODELS = (Section, Program, ProgramFunding, QuickWin)
