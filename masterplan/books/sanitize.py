"""The small safe subset of rich text that narrative chapters may contain."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto"}


def narrative_html_clean(html):
    """Keep paragraphs, lists, bold, italic, links (http, https, mailto) and tables; drop every
    other tag, attribute and script, with the content of script/style elements."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style"},
        strip_comments=True,
    ).strip()
