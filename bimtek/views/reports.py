"""The region's progress matrix and consistency report (Diskominfo runs the process with them;
experts, the Dewan and OPD read them too)."""

from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView

from bimtek.links import section_url
from dimensions.consistency import consistency_report
from dimensions.progress import progress_matrix
from masterplan.views.base import RegionMixin


class ProgressMatrixView(RegionMixin, TemplateView):
    template_name = "bimtek/progress_matrix.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.masterplan is not None:
            # Read only when the page's part is not cached (templates: {% regioncache %}).
            ctx["matrix"] = SimpleLazyObject(self.matrix)
        return ctx

    def matrix(self):
        matrix = progress_matrix(self.masterplan)
        for row in matrix["rows"]:
            for cell in row["cells"]:
                if cell is not None:
                    cell.url = section_url(self.region.slug, cell.section.pk)
        return matrix


class ConsistencyReportView(RegionMixin, TemplateView):
    template_name = "bimtek/consistency_report.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.masterplan is not None:
            ctx["report"] = SimpleLazyObject(self.report)
        return ctx

    def report(self):
        report = consistency_report(self.masterplan)
        for category in report["categories"]:
            for finding in category.findings:
                finding.url = section_url(self.region.slug, finding.section.pk)
        return report
