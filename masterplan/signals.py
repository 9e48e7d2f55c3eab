"""Questions the core asks the layers above it, as Django signals (the core never imports them).

Each receiver returns a list; the core concatenates the answers (``services._answers``). The
content layer connects its receivers in ``DimensionsConfig.ready``.

- ``agency_delete_blockers(agency)``: reasons (Indonesian sentences) why the agency cannot be
  deleted, e.g. entries its sections hold, programs it leads.
- ``masterplan_period_conflicts(masterplan, start, end)``: (label, count) of what would fall
  outside the period start..end.
"""

from django.dispatch import Signal

agency_delete_blockers = Signal()
masterplan_period_conflicts = Signal()
