from django.urls import path

from . import views

urlpatterns = [
    path("books/texts/", views.NarrativeTextListView.as_view(), name="narrative_text_list"),
    path("books/texts/<slug:key>/", views.NarrativeTextEditView.as_view(), name="narrative_text_edit"),
]
