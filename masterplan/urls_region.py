from django.urls import path

from masterplan.views import agencies, dashboard, documents, people, region

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("r/<slug:slug>/", region.RegionDetailView.as_view(), name="region_detail"),
    path("r/<slug:slug>/agencies/", agencies.AgencyListView.as_view(), name="agency_list"),
    path("r/<slug:slug>/people/", people.PeopleListView.as_view(), name="people_list"),
    path("r/<slug:slug>/documents/", documents.DocumentListView.as_view(), name="document_list"),
]
