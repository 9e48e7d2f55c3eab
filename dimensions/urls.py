from django.urls import path

from dimensions import views

urlpatterns = [
    path("dimensions/", views.DimensionIndexView.as_view(), name="dimension_index"),
]
