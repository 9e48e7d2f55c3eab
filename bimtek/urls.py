from django.urls import path

from bimtek import views

urlpatterns = [
    path("stages/", views.StageListView.as_view(), name="stage_list"),
    path("stages/ensure/", views.StageEnsureView.as_view(), name="stage_ensure"),
    path("stages/<int:pk>/", views.StageDetailView.as_view(), name="stage_detail"),
    path("stages/<int:pk>/edit/", views.StageEditView.as_view(), name="stage_edit"),
    path("stages/<int:pk>/sign-off/", views.StageSignOffView.as_view(), name="stage_sign_off"),
    path(
        "stages/<int:pk>/sign-off/withdraw/",
        views.StageSignOffWithdrawView.as_view(),
        name="stage_sign_off_withdraw",
    ),
    path("stages/<int:pk>/documents/", views.StageDocumentUploadView.as_view(), name="stage_document_upload"),
    path("stages/<int:pk>/participants/", views.ParticipantListView.as_view(), name="participant_list"),
    path("stages/<int:pk>/participants/add/", views.ParticipantFormView.as_view(), name="participant_create"),
    path("stages/<int:pk>/participants/import/", views.ParticipantImportView.as_view(), name="participant_import"),
    path("participants/<int:participant_pk>/edit/", views.ParticipantFormView.as_view(), name="participant_edit"),
    path(
        "participants/<int:participant_pk>/delete/",
        views.ParticipantDeleteView.as_view(),
        name="participant_delete",
    ),
    path("progress/", views.ProgressMatrixView.as_view(), name="progress_matrix"),
    path("consistency/", views.ConsistencyReportView.as_view(), name="consistency_report"),
]
