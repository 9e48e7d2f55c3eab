"""Under /r/<slug>/: the dimension pages, the section workspace and its in-place entry URLs.
Every object named here is looked up inside the region of <slug> (404 otherwise)."""

from django.urls import path

from dimensions import views

entry = "sections/<int:section_pk>/<slug:kind>/"

urlpatterns = [
    path("dimensions/", views.DimensionIndexView.as_view(), name="dimension_index"),
    path("dimensions/<slug:code>/", views.DimensionDetailView.as_view(), name="dimension_detail"),
    path("sections/<int:section_pk>/", views.SectionWorkspaceView.as_view(), name="section_workspace"),
    path("sections/<int:section_pk>/riwayat/", views.SectionHistoryView.as_view(), name="section_history"),
    path(entry + "new/", views.EntryCreateView.as_view(), name="entry_create"),
    path(entry + "slot/", views.AddSlotView.as_view(), name="entry_add_slot"),
    path(entry + "<int:pk>/", views.EntryRowView.as_view(), name="entry_row"),
    path(entry + "<int:pk>/edit/", views.EntryEditView.as_view(), name="entry_edit"),
    path(entry + "<int:pk>/delete/", views.EntryDeleteView.as_view(), name="entry_delete"),
    path(entry + "<int:pk>/restore/", views.EntryRestoreView.as_view(), name="entry_restore"),
    path(entry + "<int:pk>/riwayat/", views.EntryHistoryView.as_view(), name="entry_history"),
]
