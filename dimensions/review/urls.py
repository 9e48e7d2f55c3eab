from django.urls import path

from . import views

urlpatterns = [
    path("review/", views.ReviewQueueView.as_view(), name="review_queue"),
    path("r/<slug:slug>/sections/<int:pk>/review/", views.SectionReviewView.as_view(), name="section_review"),
    path("r/<slug:slug>/sections/<int:pk>/comments/", views.CommentCreateView.as_view(), name="review_comment_add"),
    path(
        "r/<slug:slug>/comments/<int:comment_pk>/resolve/",
        views.CommentResolveView.as_view(),
        name="review_comment_resolve",
    ),
    path(
        "r/<slug:slug>/comments/<int:comment_pk>/reopen/",
        views.CommentReopenView.as_view(),
        name="review_comment_reopen",
    ),
]
