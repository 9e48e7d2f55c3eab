from django.urls import path

from masterplan.views import agencies, dashboard, documents, people, region

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("r/<slug:slug>/", region.RegionDetailView.as_view(), name="region_detail"),
    path("r/<slug:slug>/profile/edit/", region.RegionEditView.as_view(), name="region_edit"),
    path("r/<slug:slug>/emblem/", region.RegionEmblemView.as_view(), name="region_emblem"),
    path("r/<slug:slug>/agencies/", agencies.AgencyListView.as_view(), name="agency_list"),
    path("r/<slug:slug>/agencies/add/", agencies.AgencyCreateView.as_view(), name="agency_create"),
    path("r/<slug:slug>/agencies/<int:pk>/", agencies.AgencyDetailView.as_view(), name="agency_detail"),
    path("r/<slug:slug>/agencies/<int:pk>/edit/", agencies.AgencyUpdateView.as_view(), name="agency_edit"),
    path("r/<slug:slug>/agencies/<int:pk>/delete/", agencies.AgencyDeleteView.as_view(), name="agency_delete"),
    path(
        "r/<slug:slug>/agencies/<int:pk>/dimensions/",
        agencies.AgencyDimensionsView.as_view(),
        name="agency_dimensions",
    ),
    path("r/<slug:slug>/people/", people.PeopleListView.as_view(), name="people_list"),
    path("r/<slug:slug>/people/add/", people.PeopleAddView.as_view(), name="people_add"),
    path("r/<slug:slug>/people/<int:pk>/edit/", people.MembershipEditView.as_view(), name="people_edit"),
    path("r/<slug:slug>/people/<int:pk>/remove/", people.MembershipRemoveView.as_view(), name="people_remove"),
    path("r/<slug:slug>/people/<int:pk>/resend/", people.InviteResendView.as_view(), name="people_resend"),
    path("r/<slug:slug>/documents/", documents.DocumentListView.as_view(), name="document_list"),
    path("r/<slug:slug>/documents/upload/", documents.DocumentUploadView.as_view(), name="document_upload"),
    path(
        "r/<slug:slug>/documents/<int:pk>/download/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path("r/<slug:slug>/documents/<int:pk>/delete/", documents.DocumentDeleteView.as_view(), name="document_delete"),
]
