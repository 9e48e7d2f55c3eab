"""Views of the dimensions app: the pages (pages.py) and the in-place entry views (entries.py)."""

from .entries import (
    AddSlotView,
    EntryCreateView,
    EntryDeleteView,
    EntryEditView,
    EntryRestoreView,
    EntryRowView,
)
from .pages import (
    DimensionDetailView,
    DimensionIndexView,
    EntryHistoryView,
    SectionHistoryView,
    SectionWorkspaceView,
)

__all__ = [
    "AddSlotView",
    "DimensionDetailView",
    "DimensionIndexView",
    "EntryCreateView",
    "EntryDeleteView",
    "EntryEditView",
    "EntryHistoryView",
    "EntryRestoreView",
    "EntryRowView",
    "SectionHistoryView",
    "SectionWorkspaceView",
]
