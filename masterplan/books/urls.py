from django.urls import path

from . import views

urlpatterns = [
    path("books/texts/", views.NarrativeTextListView.as_view(), name="narrative_text_list"),
    path("books/texts/<slug:key>/", views.NarrativeTextEditView.as_view(), name="narrative_text_edit"),
    path("books/texts/<slug:key>/preview/", views.NarrativeTextPreviewView.as_view(), name="narrative_text_preview"),
    path("books/logos/add/", views.CoverLogoUploadView.as_view(), name="cover_logo_upload"),
    path("books/logos/<int:pk>/", views.CoverLogoImageView.as_view(), name="cover_logo_image"),
    path("books/logos/<int:pk>/delete/", views.CoverLogoDeleteView.as_view(), name="cover_logo_delete"),
]
