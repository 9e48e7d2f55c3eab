from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from masterplan.forms import LoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    # Before auth's own URLs: the login form that names the throttle (masterplan.login_throttle).
    path("accounts/login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("r/<slug:slug>/", include("dimensions.urls")),
    path("r/<slug:slug>/", include("bimtek.urls")),
    path("r/<slug:slug>/", include("masterplan.rendering.urls")),
    path("r/<slug:slug>/", include("masterplan.books.urls")),
    path("", include("dimensions.review.urls")),
    path("", include("masterplan.notifications.urls")),
    path("", include("masterplan.national.urls")),
    path("", include("masterplan.urls_region")),
]

# Media is never served as static files: every upload is downloaded through a view that asks
# masterplan.access, so a foreign region's file cannot be fetched by URL.
