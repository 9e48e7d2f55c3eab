from django.urls import path

from . import views

urlpatterns = [
    path("nasional/", views.national_page, name="national"),
    path("nasional/unduh.<str:fmt>", views.national_export, name="national_export"),
    path("nasional/daerah/<slug:slug>/tenaga-ahli/", views.region_experts_page, name="national_region_experts"),
]
