"""``python manage.py seed_demo``: the demo regions, their content and the demo logins.

    seed_demo                      the four regions of the seeds (garut, tegal, konawe-selatan, bekasi)
    seed_demo --scale 20           ... plus generated-1 .. generated-20, same shape of content
    seed_demo --content-factor 10  ... plus garut-x10: Garut with ten times its content (book benchmark)

Running it again changes nothing (only missing parts are created). It refuses to run unless
DEBUG is on, because every demo user has the publicly known password ``masterplan-demo``."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from masterplan import pagecache
from masterplan.demo.builder import demo_seed
from masterplan.formats import format_fixed


def _positive(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = _(
        "Membuat data demo: empat daerah (Garut, Tegal, Konawe Selatan, Bekasi) dengan isi masterplan dan "
        "pengguna demo berkata sandi 'masterplan-demo'. Hanya berjalan bila DEBUG aktif."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=_positive,
            default=0,
            metavar="N",
            help=_("Tambahkan N daerah hasil bangkitan (generated-1 .. generated-N) untuk uji beban."),
        )
        parser.add_argument(
            "--content-factor",
            type=_positive,
            default=0,
            metavar="K",
            help=_(
                "Tambahkan satu daerah 'garut-xK' berisi K kali isi daerah demo terbesar (Garut), "
                "untuk tolok ukur pencetakan buku."
            ),
        )

    def handle(self, *args, scale=0, content_factor=0, **options):
        if not settings.DEBUG:
            raise CommandError(
                _(
                    "seed_demo menolak berjalan karena DEBUG mati: data demo memakai kata sandi yang diketahui umum "
                    "dan tidak boleh masuk ke instalasi produksi. Jalankan dengan DEBUG=1 di mesin pengembangan. "
                    "(seed_demo refuses to run with DEBUG off: the demo users have a publicly known password.)"
                )
            )
        result = demo_seed(scale=scale, content_factor=content_factor or None)
        pagecache.bump_all()  # the seed writes in bulk, past the model signals
        verbosity = options.get("verbosity", 1)
        if verbosity >= 1:
            self._report(result, scale)

    def _report(self, result, scale):
        out = self.stdout
        created = [r.region.slug for r in result.regions if r.created]
        filled = sum(r.sections_filled for r in result.regions)
        out.write(
            _("Data demo siap dalam %(s)s detik: %(n)d daerah (%(c)d baru), %(f)d bagian dimensi diisi.")
            % {"s": format_fixed(result.seconds, 1), "n": len(result.regions), "c": len(created), "f": filled}
        )
        # The four demo regions' logins in full; generated regions follow the same pattern.
        logins = [x for x in result.logins if "generated-" not in x.username]
        headers = (_("Nama pengguna"), _("Peran"), _("Daerah"), _("Kata sandi"))
        rows = [(x.username, x.role, x.region, x.password) for x in logins]
        widths = [max(len(str(v)) for v in col) for col in zip(headers, *rows, strict=False)]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        out.write("")
        out.write(self.style.MIGRATE_HEADING(_("Login demo")))
        out.write(line.format(*headers))
        out.write(line.format(*("-" * w for w in widths)))
        for row in rows:
            out.write(line.format(*row))
        if scale:
            out.write(
                _(
                    "Daerah hasil bangkitan generated-1 .. generated-%(n)d punya pengguna diskominfo-, opd- dan dewan-"
                    "generated-N dengan kata sandi yang sama."
                )
                % {"n": scale}
            )
