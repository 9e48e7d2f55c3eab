"""Entries written in place: add, edit, delete, restore.

With htmx (``request.htmx``) each view answers with a fragment that replaces the entry's row (or
the "add" slot); without JavaScript the same URLs are plain pages: a form page, a redirect back to
the workspace after saving, a confirmation page before deleting. All writes go through
dimensions.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.forms import BaseForm
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from dimensions import history, selectors, services
from dimensions.review.selectors import open_comments_for_section
from masterplan import access

from .common import KindMixin, refusal, workspace_url


class EntryWriteMixin(KindMixin):
    """Refuses those who may not write in the section (403) or while it is under review (409),
    telling an htmx caller why in the page's message area."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except services.SectionLocked as e:
            return refusal(request, e.args[0], 409, getattr(self, "section", None))
        except PermissionDenied as e:
            if request.htmx:
                return refusal(
                    request, (e.args[0] if e.args else "") or _("Anda tidak berhak mengubah bagian ini."), 403
                )
            raise

    def check_edit(self):
        access.require(self.request.user, access.EDIT_SECTION, self.section)
        if not self.section.is_editable:
            raise services.SectionLocked()

    # Rendering ---------------------------------------------------------------------------------

    @property
    def group(self):
        return self.request.GET.get("group", "all")[:40]

    def base_context(self, **extra):
        return {
            "region": self.region,
            "section": self.section,
            "kind": self.kind,
            "masterplan": self.section.masterplan,
            "comments_section": self.section,
            **extra,
        }

    def render(self, template, context, status=200):
        return TemplateResponse(self.request, template, self.base_context(**context), status=status)

    def row_response(self, pk, message=None, focus=True):
        entry = selectors.entry_for_row(self.kind.code, pk, {self.section.pk})
        return self.render(
            "dimensions/fragments/row.html",
            {"e": entry, "focus": focus, "message": message, "open_comments": open_comments_for_section(self.section)},
        )

    def make_form(self, instance, data=None, initial=None):
        return self.kind.form(data=data, instance=instance, initial=initial, section=self.section)

    def render_form(self, form, mode, dom_id, **extra):
        if mode == "create":
            action = (
                reverse("entry_create", args=[self.region.slug, self.section.pk, self.kind.code])
                + f"?group={self.group}"
            )
            cancel = (
                reverse("entry_add_slot", args=[self.region.slug, self.section.pk, self.kind.code])
                + f"?group={self.group}"
            )
        else:
            action = reverse("entry_edit", args=[self.region.slug, self.section.pk, self.kind.code, self.entry.pk])
            cancel = reverse("entry_row", args=[self.region.slug, self.section.pk, self.kind.code, self.entry.pk])
        context = {
            "form": form,
            "mode": mode,
            "dom_id": dom_id,
            "action_url": action,
            "cancel_url": cancel,
            "back_url": workspace_url(
                self.section, dom_id if mode == "edit" else f"list-{self.kind.code}-{self.group}"
            ),
            "entry": self.entry,
            **extra,
        }
        template = "dimensions/fragments/entry_form.html" if self.request.htmx else "dimensions/entry_form_page.html"
        return self.render(template, context)


class EntryCreateView(EntryWriteMixin, View):
    needs_entry = False

    def resolve_objects(self):
        super().resolve_objects()
        self.new_instance()  # 404 now when the list names a parent of another section

    def new_instance(self):
        return self.kind.new_entry(self.section, self.request.user, self.group)

    @property
    def dom_id(self):
        return f"add-{self.kind.code}-{self.group}"

    def get(self, request, *args, **kwargs):
        self.check_edit()
        form = self.make_form(self.new_instance(), initial=self.kind.initial_for(self.group))
        return self.render_form(form, "create", self.dom_id)

    def post(self, request, *args, **kwargs):
        self.check_edit()
        form = self.make_form(self.new_instance(), data=request.POST)
        if not form.is_valid():
            return self.render_form(form, "create", self.dom_id)
        obj = services.entry_create(self.section, form, request.user)
        message = _("%(kind)s tersimpan.") % {"kind": self.kind.label}
        entry = selectors.entry_for_row(self.kind.code, obj.pk, {self.section.pk})
        if not request.htmx:
            messages.success(request, message)
            return redirect(workspace_url(self.section, entry.dom_id))
        return self.render(
            "dimensions/fragments/created.html",
            {
                "e": entry,
                "focus": True,
                "slot_group": self.group,
                "message": message,
                "open_comments": open_comments_for_section(self.section),
            },
        )


class AddSlotView(EntryWriteMixin, View):
    """The "add" button of a group again (cancelling an add form)."""

    needs_entry = False

    def get(self, request, *args, **kwargs):
        if not request.htmx:
            return redirect(workspace_url(self.section))
        self.check_edit()
        return self.render(
            "dimensions/fragments/add_slot.html",
            {"slot_kind": self.kind.code, "slot_group": self.group, "slot_section_pk": self.section.pk, "focus": True},
        )


class EntryRowView(KindMixin, View):
    """One entry's row, read-only or with its buttons (cancelling an edit form)."""

    def get(self, request, *args, **kwargs):
        if not request.htmx:
            return redirect(workspace_url(self.section, self.kind.dom_id(self.entry.pk)))
        editable = set()
        if access.can(request.user, access.EDIT_SECTION, self.section) and self.section.is_editable:
            editable = {self.section.pk}
        entry = selectors.entry_for_row(self.kind.code, self.entry.pk, editable)
        return TemplateResponse(
            request,
            "dimensions/fragments/row.html",
            {
                "region": self.region,
                "section": self.section,
                "e": entry,
                "focus": True,
                "comments_section": self.section,
                "open_comments": open_comments_for_section(self.section),
            },
        )


class EntryEditView(EntryWriteMixin, View):
    @property
    def dom_id(self):
        return self.kind.dom_id(self.entry.pk)

    def get(self, request, *args, **kwargs):
        self.check_edit()
        return self.render_form(self.make_form(self.entry), "edit", self.dom_id)

    def post(self, request, *args, **kwargs):
        self.check_edit()
        old_group = self.kind.group_of(self.entry)
        form = self.make_form(self.entry, data=request.POST)
        if not form.is_valid():
            return self.render_form(form, "edit", self.dom_id)
        try:
            services.entry_update(self.section, self.entry, form, request.user)
        except services.StaleEntry as stale:
            return self.conflict(stale.current)
        message = _("%(kind)s tersimpan.") % {"kind": self.kind.label}
        if not request.htmx:
            messages.success(request, message)
            return redirect(workspace_url(self.section, self.dom_id))
        entry = selectors.entry_for_row(self.kind.code, self.entry.pk, {self.section.pk})
        if entry.group != old_group:
            # It moved (another quadrant, horizon...): off this list, onto the end of its new one.
            return self.render(
                "dimensions/fragments/moved.html",
                {
                    "e": entry,
                    "focus": True,
                    "message": message,
                    "open_comments": open_comments_for_section(self.section),
                },
            )
        return self.row_response(self.entry.pk, message=message)

    def conflict(self, current):
        """Someone saved (or deleted) the entry since this form was opened: show their version next
        to the user's, keep what the user typed, and let them save over it knowingly."""
        if current is None:
            form = self.make_form(self.kind.model(), data=self.request.POST)
            return self.render_form(form, "edit", self.dom_id, gone=True)
        last = current.history.select_related("history_user").order_by("-history_date", "-history_id").first()
        theirs = _display_instance(current, self.kind.form(instance=current, section=self.section))
        data = self.request.POST.copy()
        data["version"] = str(current.version)
        form = self.make_form(current, data=data)
        form.is_valid()
        yours = _display_form(form)
        rows = [
            {"label": label, "theirs": theirs.get(name, "–"), "yours": yours.get(name, "–")}
            for name, label in _labels(form)
            if theirs.get(name, "–") != yours.get(name, "–")
        ]
        return self.render_form(
            form,
            "edit",
            self.dom_id,
            conflict={
                "rows": rows,
                "by": last.history_user if last else None,
                "at": last.history_date if last else None,
                "version": current.version,
            },
        )


class EntryDeleteView(EntryWriteMixin, View):
    def get(self, request, *args, **kwargs):
        self.check_edit()
        return self.render(
            "dimensions/entry_delete_page.html",
            {"entry": self.entry, "back_url": workspace_url(self.section, self.kind.dom_id(self.entry.pk))},
        )

    def post(self, request, *args, **kwargs):
        self.check_edit()
        label = str(self.entry)
        pk = self.entry.pk
        services.entry_delete(self.section, self.entry, request.user)
        message = _("%(kind)s dihapus. Butir dapat dipulihkan dari Riwayat.") % {"kind": self.kind.label}
        if not request.htmx:
            messages.success(request, message)
            return redirect(workspace_url(self.section))
        return self.render(
            "dimensions/fragments/deleted.html",
            {"pk": pk, "label": label, "dom_id": self.kind.dom_id(pk), "message": message, "focus": True},
        )


class EntryRestoreView(EntryWriteMixin, View):
    needs_entry = False

    def resolve_objects(self):
        super().resolve_objects()
        if not self.kind.in_section(self.section).filter(pk=self.kwargs["pk"]).exists():
            services.deletion_record(self.kind, self.section, self.kwargs["pk"])  # 404 unless deleted here

    def post(self, request, *args, **kwargs):
        self.check_edit()
        try:
            obj = services.entry_restore(self.section, self.kind.code, self.kwargs["pk"], request.user)
        except services.RestoreError as e:
            text = " ".join(e.messages)
            if request.htmx:
                return refusal(request, text, 409)
            messages.error(request, text)
            return redirect("section_history", self.region.slug, self.section.pk)
        message = _("%(kind)s dipulihkan.") % {"kind": self.kind.label}
        if not request.htmx:
            messages.success(request, message)
            return redirect(workspace_url(self.section, self.kind.dom_id(obj.pk)))
        return self.row_response(obj.pk, message=message)


# Showing two versions side by side -------------------------------------------------------------


def _labels(form):
    for name, field in form.fields.items():
        if name != "version":
            yield name, field.label
    for name, fs in form.formsets.items():
        yield f"formset:{name}", fs.model._meta.verbose_name_plural.capitalize()


def _subrows(model: type[Model], rows: list[dict]) -> str:
    """A formset's rows (yearly targets, road map years, a funding split) as one line of text."""
    parts = []
    for r in sorted(rows, key=_subrow_order):
        if "value" in r:
            parts.append(f"{r.get('year')}: {history.value_display(model._meta.get_field('value'), r.get('value'))}")
        elif "funding_source" in r:
            amount = history.value_display(model._meta.get_field("amount"), r.get("amount"))
            parts.append(f"{r.get('funding_source') or history.EMPTY}: {amount}")
        else:
            activity = r.get("activity") or ""
            target = f" ({r['target']})" if r.get("target") else ""
            amount = r.get("amount")
            amount = (
                f" – {history.value_display(model._meta.get_field('amount'), amount)}" if amount is not None else ""
            )
            parts.append(f"{r.get('year')}: {activity}{target}{amount}")
    return "; ".join(parts) or "–"


def _subrow_order(row: dict) -> tuple:
    source = row.get("funding_source")
    return (row.get("year") or 0, source.order if source else 0)


def _display_instance(obj: Model, form: BaseForm) -> dict[str, str]:
    """The saved copy's values, as text, for the fields of the form."""
    out = {}
    for name in form.fields:
        if name == "version":
            continue
        model_field = obj._meta.get_field(name)
        value = list(getattr(obj, name).all()) if model_field.many_to_many else getattr(obj, name)
        out[name] = history.value_display(model_field, value)
    for name, fs in form.formsets.items():
        out[f"formset:{name}"] = _subrows(
            fs.model,
            [{f: getattr(row, f) for f in fs.form._meta.fields if f != fs.fk.name} for row in fs.get_queryset()],
        )
    return out


def _display_form(form: BaseForm) -> dict[str, str]:
    """What the user typed, as text, for the same fields (shown as the saved copy's would be)."""
    out = {}
    cleaned = getattr(form, "cleaned_data", {})
    model = form._meta.model
    for name in form.fields:
        if name == "version":
            continue
        value = cleaned[name] if name in cleaned else form.data.get(name)
        if hasattr(value, "model") and hasattr(value, "__iter__"):
            value = list(value)
        out[name] = history.value_display(model._meta.get_field(name), value)
    for name, fs in form.formsets.items():
        out[f"formset:{name}"] = _subrows(fs.model, [f.cleaned_data for f in fs.live_forms()])
    return out
