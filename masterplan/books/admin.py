"""The book set is data the site administrator edits here: which books, in which order, and the
chapters of each (kinds from masterplan.books.chapters). Which forewords a book carries are the
narrative keys of its front-matter chapters. Narrative texts are listed for support; region staff
write them in the app."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .chapters import NARRATIVE_KEYS, narrative_title
from .models import BookDefinition, ChapterDefinition, NarrativeText


class NarrativeTextAdminForm(forms.ModelForm):
    key = forms.ChoiceField(label=_("kunci"), choices=list(NARRATIVE_KEYS.items()))

    class Meta:
        model = NarrativeText
        fields = ["masterplan", "key", "html"]


class ChapterDefinitionInline(admin.TabularInline):
    model = ChapterDefinition
    extra = 0
    fields = ["order", "title", "kind", "narrative_keys", "front_matter"]
    ordering = ["-front_matter", "order"]


@admin.register(BookDefinition)
class BookDefinitionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "subtitle", "order", "active", "chapter_count", "forewords"]
    list_editable = ["order", "active"]
    list_display_links = ["number", "title"]
    search_fields = ["title", "code"]
    prepopulated_fields = {"code": ["title"]}
    inlines = [ChapterDefinitionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(chapter_total=Count("chapters")).prefetch_related("chapters")

    @admin.display(description=_("jumlah bab"), ordering="chapter_total")
    def chapter_count(self, obj):
        return obj.chapter_total

    @admin.display(description=_("halaman awal (kata pengantar)"))
    def forewords(self, obj):
        keys = [key for chapter in obj.chapters.all() if chapter.front_matter for key in chapter.keys]
        return "; ".join(str(narrative_title(key)) for key in keys) or "–"


@admin.register(ChapterDefinition)
class ChapterDefinitionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "book", "order", "kind", "front_matter"]
    list_filter = ["book", "kind", "front_matter"]
    list_editable = ["order"]
    search_fields = ["title"]


@admin.register(NarrativeText)
class NarrativeTextAdmin(SimpleHistoryAdmin):
    form = NarrativeTextAdminForm
    list_display = ["key", "masterplan", "updated_by", "updated_at"]
    list_filter = ["key"]
    search_fields = ["masterplan__region__name", "html"]
    list_select_related = ["masterplan__region", "updated_by"]
    raw_id_fields = ["masterplan"]
    readonly_fields = ["updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
