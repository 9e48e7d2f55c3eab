from django.urls import path

from . import views

urlpatterns = [
    path("books/", views.BookListView.as_view(), name="book_list"),
    path("books/status/", views.BookStatusView.as_view(), name="book_status"),
    path("books/render/", views.BookRenderView.as_view(), name="book_render_all"),
    path("books/<int:number>/render/", views.BookRenderView.as_view(), name="book_render"),
    path("books/<int:number>/download/", views.BookDownloadView.as_view(), name="book_download"),
    path("books/renders/<int:pk>/download/", views.RenderJobDownloadView.as_view(), name="render_job_download"),
]
