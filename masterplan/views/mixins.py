"""Shared pieces of the region form pages: a form view whose write is a service call, with the
service's ValidationErrors shown next to the fields they name."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from masterplan import access
from masterplan.views.base import RegionMixin


def apply_errors(form, exc: ValidationError):
    """Put a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class RegionFormView(RegionMixin, FormView):
    """A form page of a region. Subclasses implement ``perform(form)`` (call the service; may
    raise ValidationError) and ``get_success_url()``; ``success_message`` is shown after."""

    required_action = access.MANAGE
    success_message = ""

    def form_kwargs(self):
        """Extra keyword arguments for the form (e.g. region=...)."""
        return {}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(self.form_kwargs())
        return kwargs

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except ValidationError as exc:
            apply_errors(form, exc)
            return self.form_invalid(form)
        message = self.get_success_message(form, result)
        if message:
            messages.success(self.request, message)
        return redirect(self.get_success_url())

    def get_success_message(self, form, result):
        return self.success_message
