from django.urls import path

from bimtek import views

urlpatterns = [
    path("stages/", views.StageListView.as_view(), name="stage_list"),
]
