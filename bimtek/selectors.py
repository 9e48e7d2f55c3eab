"""Reads of the bimtek app. Callers pass a masterplan or stage already resolved through
masterplan.access. Each function runs a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q

from masterplan.models import Document, Masterplan, User

from .models import Participant, Stage

HELIXES = list(Participant.Helix)


def stage_overdue(today: date) -> Q:
    """A stage is overdue when its last day (the end date, else the start date) has passed and the
    expert has not signed it off: the workshop was not held, or its results wait for sign-off.
    A condition on Stage, for filters and counts in the database."""
    last_day_passed = Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today)
    return last_day_passed & ~Q(status=Stage.Status.SIGNED_OFF)


@dataclass
class HelixBar:
    helix: str
    label: str
    count: int
    percent: int  # rounded, for the text and the bar width


def helix_bars(counts: dict[str, int]) -> list[HelixBar]:
    """One bar per helix (all five, zero included) from a {helix: count} dict."""
    total = sum(counts.values())
    return [
        HelixBar(
            helix=h.value,
            label=h.label,
            count=counts.get(h.value, 0),
            percent=round(100 * counts.get(h.value, 0) / total) if total else 0,
        )
        for h in HELIXES
    ]


def stage_helix_mix(stage: Stage) -> dict:
    """The helix mix of one stage's participants: (bars, total, non-government share in %)."""
    rows = Participant.objects.filter(stage=stage).values("helix").annotate(n=Count("pk")).order_by()
    counts = {row["helix"]: row["n"] for row in rows}
    return _mix(counts)


def _mix(counts: dict[str, int]) -> dict:
    total = sum(counts.values())
    non_gov = total - counts.get(Participant.Helix.GOVERNMENT, 0)
    return {
        "bars": helix_bars(counts),
        "total": total,
        "non_government_percent": round(100 * non_gov / total) if total else 0,
    }


def masterplan_helix_mix(masterplan: Masterplan) -> dict:
    """The helix mix per stage and across all stages of a masterplan (two queries).

    Returns {"stages": [(stage, mix)], "overall": mix, "table": [(label, [count per stage], total)]}."""
    stages = list(Stage.objects.filter(masterplan=masterplan).order_by("number"))
    rows = (
        Participant.objects.filter(stage__masterplan=masterplan)
        .values("stage_id", "helix")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_stage = {s.pk: {} for s in stages}
    overall = {}
    for row in rows:
        per_stage.setdefault(row["stage_id"], {})[row["helix"]] = row["n"]
        overall[row["helix"]] = overall.get(row["helix"], 0) + row["n"]
    table = [(h.label, [per_stage[s.pk].get(h.value, 0) for s in stages], overall.get(h.value, 0)) for h in HELIXES]
    return {
        "stages": [(s, _mix(per_stage[s.pk])) for s in stages],
        "overall": _mix(overall),
        "table": table,
        "stage_totals": [sum(per_stage[s.pk].values()) for s in stages],
    }


def stage_rows(masterplan: Masterplan) -> list[Stage]:
    """Stages of a masterplan with their participant and document counts (one query)."""
    return list(
        Stage.objects.filter(masterplan=masterplan)
        .select_related("signed_off_by")
        .annotate(
            participant_count=Count("participants", distinct=True),
            document_count=Count("documents", distinct=True),
        )
        .order_by("number")
    )


def stage_participants(stage: Stage) -> list[Participant]:
    return list(Participant.objects.filter(stage=stage).order_by("name", "pk"))


def stage_documents(stage: Stage) -> list[Document]:
    return list(Document.objects.filter(stage=stage).select_related("uploaded_by").order_by("-uploaded_at", "-pk"))


@dataclass
class SignOffEvent:
    signed_off: bool  # True: signed off; False: the sign-off was withdrawn
    user: User | None
    at: datetime
    reason: str


def stage_sign_off_log(stage: Stage) -> list[SignOffEvent]:
    """Every sign-off of a stage and every withdrawal of one, oldest first, with who, when and
    (for a withdrawal) why, read from the stage's history (one query)."""
    records = stage.history.select_related("history_user").order_by("history_date", "history_id")
    events = []
    was_signed_off = False
    for record in records:
        is_signed_off = record.status == Stage.Status.SIGNED_OFF
        if is_signed_off != was_signed_off:
            events.append(
                SignOffEvent(
                    signed_off=is_signed_off,
                    user=record.history_user,
                    at=record.history_date,
                    reason=record.history_change_reason or "",
                )
            )
        was_signed_off = is_signed_off
    return events
