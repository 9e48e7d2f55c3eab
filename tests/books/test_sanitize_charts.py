from types import SimpleNamespace

import pytest

from masterplan.books.charts import ROWS_PER_CHART, roadmap_chart_svgs
from masterplan.books.models import NarrativeText
from masterplan.books.sanitize import narrative_html_clean
from masterplan.books.services import narrative_input_to_html


class TestSanitise:
    def test_scripts_handlers_and_styles_are_removed(self):
        html = narrative_html_clean(
            '<p onclick="steal()">Halo <script>alert(1)</script><style>p{}</style>'
            '<img src="x" onerror="alert(2)"><iframe src="https://evil"></iframe></p>'
        )
        assert html == "<p>Halo </p>"

    def test_allowed_tags_are_kept(self):
        source = (
            "<p>Satu<br><strong>tebal</strong> <b>b</b> <em>miring</em> <i>i</i></p>"
            "<ul><li>a</li></ul><ol><li>b</li></ol>"
            "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>"
        )
        assert narrative_html_clean(source) == source

    def test_links_only_http_https_mailto_with_rel(self):
        html = narrative_html_clean(
            '<a href="https://garutkab.go.id" target="_blank" style="color:red">situs</a>'
            '<a href="mailto:diskominfo@garutkab.go.id">surel</a>'
            '<a href="javascript:alert(1)">jahat</a><a href="data:text/html,x">data</a>'
        )
        assert '<a href="https://garutkab.go.id" rel="noopener noreferrer">situs</a>' in html
        assert '<a href="mailto:diskominfo@garutkab.go.id" rel="noopener noreferrer">surel</a>' in html
        assert "javascript" not in html and "data:" not in html and "style" not in html and "target" not in html
        assert "jahat" in html  # the text stays, the link goes

    def test_other_tags_dropped_keeping_text(self):
        assert narrative_html_clean('<h1>Judul</h1><div class="x"><span>isi</span></div>') == "Judulisi"

    def test_plain_text_becomes_paragraphs(self):
        html = narrative_input_to_html("Paragraf satu\r\nbaris dua\n\nNilai <5% & naik")
        assert html == "<p>Paragraf satu<br>baris dua</p>\n\n<p>Nilai &lt;5% &amp; naik</p>"

    def test_inline_html_with_blank_lines_becomes_paragraphs(self):
        html = narrative_input_to_html("Satu <strong>tebal</strong>\nbaris\n\nDua")
        assert html == "<p>Satu <strong>tebal</strong><br>baris</p><p>Dua</p>"

    def test_block_html_is_kept_as_written(self):
        assert narrative_input_to_html("<p>A</p>\n<ul><li>B</li></ul>") == "<p>A</p>\n<ul><li>B</li></ul>"

    def test_model_save_sanitises_whatever_the_path(self, world):
        text = NarrativeText.objects.create(
            masterplan=world.garut.masterplan, key="penutup", html='<p onclick="x()">Akhir<script>x()</script></p>'
        )
        text.refresh_from_db()
        assert text.html == "<p>Akhir</p>"


# What the narrative text editor (static/js/narrative-editor.js, Quill 2) writes into the form
# field, taken from the browser: paragraphs, bold and italic, lists (a nested one as loaded from an
# older text), links, a blank line, and what a paste from a word processor leaves of a heading, an
# underline, a table and an image.
EDITOR_OUTPUT = {
    "inline": "<p>Garut <strong>cerdas</strong> &amp; <strong><em>&lt;lestari&gt;</em></strong></p><p>Paragraf dua</p>",
    "lists": (
        "<p>Tujuan:</p><ol><li>satu</li><li>dua</li></ol><ul><li>butir<ul><li>anak</li></ul></li></ul><p>Penutup</p>"
    ),
    "link": (
        '<p>Lihat <a href="https://garutkab.go.id/?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">'
        'situs Garut</a> atau <a href="mailto:kominfo@garutkab.go.id" rel="noopener noreferrer" '
        'target="_blank">surel</a>.</p>'
    ),
    "blank line": "<p>Satu</p><p></p><p>Dua  spasi</p>",
    "paste": "<p>Judul</p><p><strong>Tebal</strong> garis</p><p>sel</p>",
}


class TestEditorOutput:
    @pytest.mark.parametrize("name", EDITOR_OUTPUT)
    def test_the_server_keeps_what_the_editor_writes(self, name):
        """The editor offers only what the sanitiser keeps: its HTML comes back the same, but for
        the links' target (the book has no windows to open)."""
        html = EDITOR_OUTPUT[name]
        assert narrative_input_to_html(html) == html.replace(' target="_blank"', "")

    def test_an_emptied_editor_saves_no_text(self):
        assert narrative_input_to_html("<p><br></p>") == ""
        assert narrative_input_to_html("<p> </p><ul><li><br></li></ul>") == ""


def _program(name, start, end, horizon="medium", years=()):
    roadmap = SimpleNamespace(all=lambda: [SimpleNamespace(year=y) for y in years])
    agency = SimpleNamespace(name="Dinas Lingkungan Hidup", acronym="DLH")
    return SimpleNamespace(
        name=name, start_year=start, end_year=end, horizon=horizon, roadmap=roadmap, lead_agency=agency, budget=None
    )


class TestRoadmapChart:
    YEARS = list(range(2024, 2034))

    def test_bars_labels_years_and_legend(self):
        [svg] = roadmap_chart_svgs(
            [
                _program("Gerbang Raja & Sampah", 2024, 2028, years=[2024, 2025]),
                _program("Garuda", 2026, 2026, "short"),
            ],
            self.YEARS,
            title="Smart Environment",
        )
        assert svg.startswith("<svg") and svg.endswith("</svg>")
        assert "Gerbang Raja &amp; Sampah" in svg and "Garuda" in svg
        for year in self.YEARS:
            assert f">{year}</text>" in svg
        assert "Jangka pendek" in svg and "Jangka menengah" in svg
        assert 'aria-label="Smart Environment"' in svg
        assert svg.count("<circle") == 2 + 1  # two activity years + the legend's dot

    def test_long_lists_are_split_so_a_chart_fits_a_page(self):
        programs = [_program(f"Program {n}", 2024, 2025) for n in range(ROWS_PER_CHART + 3)]
        charts = roadmap_chart_svgs(programs, self.YEARS)
        assert len(charts) == 2
        assert "Program 0<" in charts[0] and f"Program {ROWS_PER_CHART}<" in charts[1]

    def test_program_outside_period_draws_no_bar(self):
        [svg] = roadmap_chart_svgs([_program("Lama", 2010, 2012)], self.YEARS)
        assert 'rx="3"' not in svg  # no bar (bars have rounded corners)

    @pytest.mark.parametrize("programs,years", [([], YEARS), ([_program("X", 2024, 2024)], [])])
    def test_nothing_to_draw(self, programs, years):
        assert roadmap_chart_svgs(programs, years) == []


@pytest.mark.parametrize(
    "value,expected",
    [(None, ""), (50, "50"), ("69.40", "69,4"), ("1769161.5", "1.769.161,5"), ("0.125", "0,13"), (-3, "-3")],
)
def test_id_number(value, expected):
    from masterplan.books.templatetags.books_print import id_number

    assert id_number(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [(None, ""), (999_999, "999.999"), (1_906_783, "1,91 jt"), (2_500_000_000, "2,5 M"), ("12.5", "12,5")],
)
def test_target_number_fits_a_year_column(value, expected):
    from masterplan.books.templatetags.books_print import target_number

    assert target_number(value) == expected
