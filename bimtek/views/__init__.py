"""Views of the bimtek app: stages, participants, and the region's progress and consistency pages."""

from .participants import ParticipantDeleteView, ParticipantFormView, ParticipantImportView, ParticipantListView
from .reports import ConsistencyReportView, ProgressMatrixView
from .stages import (
    StageDetailView,
    StageDocumentUploadView,
    StageEditView,
    StageEnsureView,
    StageListView,
    StageSignOffView,
    StageSignOffWithdrawView,
)

__all__ = [
    "ConsistencyReportView",
    "ParticipantDeleteView",
    "ParticipantFormView",
    "ParticipantImportView",
    "ParticipantListView",
    "ProgressMatrixView",
    "StageDetailView",
    "StageDocumentUploadView",
    "StageEditView",
    "StageEnsureView",
    "StageListView",
    "StageSignOffView",
    "StageSignOffWithdrawView",
]
