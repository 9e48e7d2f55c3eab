"""``{% regioncache "name" vary... %}...{% endregioncache %}``: a part of a region page kept in the
cache until the region's data changes (masterplan/pagecache.py).

The region is the context's ``region``; what the part varies on besides (the sections the user
may edit, the dimension shown) is named after the part's name. Data the part needs should reach
it lazily (a callable or ``SimpleLazyObject``), so a part found in the cache costs no query.
Never wrap anything that renders a CSRF token (a form posting back): it would be served to
another person.

``{% scopecache "scope" "name" vary... %}...{% endscopecache %}``: the same for a part that reads
many regions, kept until a write of one of the models its scope watches (``pagecache.watch``).
"""

from django import template
from django.utils.safestring import mark_safe

from masterplan import pagecache

register = template.Library()


class RegionCacheNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        region = context.get("region")
        if region is None:
            return self.nodelist.render(context)
        vary = [v.resolve(context) for v in self.vary]
        name = self.name.resolve(context)
        return mark_safe(pagecache.get_or_build(region.pk, name, vary, lambda: str(self.nodelist.render(context))))


@register.tag
def regioncache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% regioncache %} needs a name")
    nodelist = parser.parse(("endregioncache",))
    parser.delete_first_token()
    return RegionCacheNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])


class ScopeCacheNode(template.Node):
    def __init__(self, nodelist, scope, name, vary):
        self.nodelist = nodelist
        self.scope = scope
        self.name = name
        self.vary = vary

    def render(self, context):
        vary = [v.resolve(context) for v in self.vary]
        scope, name = self.scope.resolve(context), self.name.resolve(context)
        return mark_safe(pagecache.get_or_build_in_scope(scope, name, vary, lambda: str(self.nodelist.render(context))))


@register.tag
def scopecache(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError("{% scopecache %} needs a scope and a name")
    nodelist = parser.parse(("endscopecache",))
    parser.delete_first_token()
    return ScopeCacheNode(
        nodelist,
        parser.compile_filter(bits[1]),
        parser.compile_filter(bits[2]),
        [parser.compile_filter(b) for b in bits[3:]],
    )
