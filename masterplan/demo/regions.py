"""The demo regions: the four of the seeds and the generated ones for load and speed work.

Facts that the seeds give are kept (stage dates, venues, the MoU date of Konawe Selatan); the rest is
plausible. People are fictional. ``facts`` fill the placeholders of the texts in ``content.py``."""

from dataclasses import dataclass, field, replace
from datetime import date

from . import content

# Agencies every region knows, by a stable key: (name, acronym). Regions may rename some.
AGENCY_CATALOGUE = {
    "setda-org": ("Bagian Organisasi Sekretariat Daerah", "Bag. Organisasi Setda"),
    "prokopim": ("Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah", "Bag. Prokopim"),
    "bappeda": ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    "kominfo": ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    "dlh": ("Dinas Lingkungan Hidup", "DLH"),
    "dinkes": ("Dinas Kesehatan", "Dinkes"),
    "disdik": ("Dinas Pendidikan", "Disdik"),
    "dispar": ("Dinas Pariwisata dan Kebudayaan", "Disparbud"),
    "dishub": ("Dinas Perhubungan", "Dishub"),
    "dukcapil": ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    "bpkad": ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    "pupr": ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"),
    "satpolpp": ("Satuan Polisi Pamong Praja", "Satpol PP"),
    "bpbd": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "koperasi": ("Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"),
    "disperindag": ("Dinas Perindustrian dan Perdagangan", "Disperindag"),
    "dinsos": ("Dinas Sosial", "Dinsos"),
    "dpmptsp": ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    "bkpsdm": ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    "perkim": ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim"),
    "pertanian": ("Dinas Pertanian", "Distan"),
    "bapenda": ("Badan Pendapatan Daerah", "Bapenda"),
    "inspektorat": ("Inspektorat Daerah", "Inspektorat"),
    "dispora": ("Dinas Pemuda dan Olahraga", "Dispora"),
    "arsip": ("Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    "dpmd": ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    "naker": ("Dinas Tenaga Kerja", "Disnaker"),
    "perikanan": ("Dinas Kelautan dan Perikanan", "DKP"),
    "ketapang": ("Dinas Ketahanan Pangan", "Dishanpan"),
    "kesbangpol": ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
}

# Which agencies work on which dimension; the first one leads (it gets the first quick win).
STANDARD_ASSIGNMENTS = {
    "governance": ("kominfo", "setda-org", "dukcapil", "dpmptsp"),
    "branding": ("dispar", "disperindag", "prokopim"),
    "economy": ("koperasi", "disperindag", "bapenda"),
    "living": ("dinkes", "dlh", "dishub", "pupr"),
    "society": ("disdik", "dinsos", "bpbd"),
    "environment": ("dlh", "perkim", "bpbd"),
}


@dataclass(frozen=True)
class StageSpec:
    number: int
    start: date
    end: date
    venue: str
    status: str  # bimtek.Stage.Status value
    notes: str = ""


@dataclass(frozen=True)
class PersonSpec:
    first_name: str
    last_name: str


@dataclass(frozen=True)
class RegionSpec:
    slug: str
    name: str
    province: str
    head_name: str
    head_title: str
    cohort_year: int
    mou_number: str
    mou_date: date
    period_start: int
    period_end: int
    vision: str
    missions: tuple
    agency_keys: tuple  # keys of AGENCY_CATALOGUE, in the order they are listed
    stages: tuple  # StageSpec
    facts: dict
    kecamatan: tuple
    people: dict  # role key ("diskominfo", "opd", "dewan") -> PersonSpec
    kind: str = "kabupaten"
    agency_overrides: dict = field(default_factory=dict)  # key -> (name, acronym)
    assignments: dict = field(default_factory=lambda: dict(STANDARD_ASSIGNMENTS))
    # "in_progress": sections in every review state, the DLH sections (opd-S's) in draft;
    # "approved": every section approved (a finished masterplan).
    section_plan: str = "in_progress"
    quick_win_overrides: dict = field(default_factory=dict)  # dimension code -> tuple of content.QW
    name_pool: str = "sunda"  # which pool of names participants are drawn from
    content_factor: int = 1  # entries per section are this many times the base content
    generated: bool = False
    text_name: str = ""  # the name the texts use, when it differs from the region's (garut-x10: Garut)

    @property
    def full_name(self):
        return f"{'Kota' if self.kind == 'kota' else 'Kabupaten'} {self.name}"

    def agency(self, key):
        return self.agency_overrides.get(key) or AGENCY_CATALOGUE[key]


def _stage_notes(number):
    return {
        1: "Pengenalan konsep smart city; analisis kesiapan (struktur, infrastruktur, suprastruktur), "
        "analisis kesenjangan dan SWOT per dimensi dalam diskusi kelompok.",
        2: "Reviu Buku 1 oleh tenaga ahli; perumusan visi, misi dan sasaran; penyusunan program, "
        "rencana aksi dan kandidat quick win.",
        3: "Strategi per dimensi, program jangka pendek, menengah dan panjang, peta jalan; pemilihan quick win.",
        4: "Reviu bab demi bab Buku 1–4, finalisasi quick win dan penandatanganan lembar komitmen "
        "kepala daerah dan kepala perangkat daerah.",
    }[number]


def _stages(rows, statuses, extra_notes=None):
    extra_notes = extra_notes or {}
    return tuple(
        StageSpec(
            number=n,
            start=start,
            end=end,
            venue=venue,
            status=statuses[n - 1],
            notes=" ".join(filter(None, [_stage_notes(n), extra_notes.get(n, "")])),
        )
        for n, (start, end, venue) in enumerate(rows, start=1)
    )


DONE, SIGNED = "done", "signed_off"

GARUT = RegionSpec(
    slug="garut",
    quick_win_overrides=content.GARUT_QUICK_WINS,
    name="Garut",
    province="Jawa Barat",
    head_name="H. Dadang Hermawan, S.Sos., M.Si.",
    head_title="Bupati",
    cohort_year=2023,
    mou_number="B-312/DJAI/AI.01.07/03/2023",
    mou_date=date(2023, 3, 14),
    period_start=2024,
    period_end=2033,
    vision="Terwujudnya Garut Cerdas: pemerintahan yang melayani, ekonomi yang berdaya saing dan "
    "lingkungan yang lestari berbasis teknologi informasi",
    missions=(
        "Mewujudkan tata kelola pemerintahan digital yang terpadu, transparan dan melayani sampai ke desa",
        "Membangun citra Garut sebagai destinasi wisata alam dan pusat produk kreatif unggulan",
        "Memperkuat ekonomi kerakyatan berbasis UMKM, pertanian dan transaksi digital",
        "Meningkatkan kualitas hidup melalui layanan kesehatan, tata ruang dan transportasi yang cerdas",
        "Membangun masyarakat yang cakap digital, aman dan tangguh bencana",
        "Mewujudkan pengelolaan sampah dan lingkungan hidup yang berkelanjutan",
    ),
    agency_keys=(
        "setda-org",
        "prokopim",
        "bappeda",
        "kominfo",
        "dlh",
        "dinkes",
        "disdik",
        "dispar",
        "dishub",
        "dukcapil",
        "bpkad",
        "pupr",
        "satpolpp",
        "bpbd",
        "koperasi",
        "disperindag",
        "dinsos",
        "dpmptsp",
        "bkpsdm",
        "perkim",
        "pertanian",
        "bapenda",
        "inspektorat",
        "dispora",
        "arsip",
        "dpmd",
    ),
    agency_overrides={"pertanian": ("Dinas Pertanian", "Distan")},
    stages=_stages(
        [
            (date(2023, 7, 5), date(2023, 7, 6), "Pendopo Kabupaten Garut"),
            (date(2023, 7, 31), date(2023, 8, 1), "Aula Sekretariat Daerah Kabupaten Garut"),
            (date(2023, 8, 28), date(2023, 8, 29), "Aula Bappeda Kabupaten Garut"),
            (date(2023, 9, 25), date(2023, 9, 26), "Pendopo Kabupaten Garut"),
        ],
        (SIGNED, SIGNED, DONE, DONE),
        {
            1: "Peserta: perwakilan seluruh SKPD anggota Tim Pelaksana, kepala SKPD anggota Dewan Smart City "
            "dan pimpinan BUMD.",
        },
    ),
    facts={
        "ibukota": "Tarogong Kidul",
        "kec": 42,
        "desa": 442,
        "penduduk": "2,7 juta jiwa",
        "wisata": "kawasan Darajat, Situ Bagendit dan Pantai Santolo",
        "produk": "kerajinan kulit Sukaregang, dodol dan minyak akar wangi",
        "komoditas": "akar wangi, kopi arabika dan jeruk",
        "tpa": "TPAS Pasir Bajing",
        "sungai": "Sungai Cimanuk",
        "bencana": "longsor, banjir bandang dan gempa bumi",
        "univ": "Universitas Garut",
        "bumd": "Perumda Air Minum Tirta Intan",
        "rsud": "RSUD dr. Slamet",
        "pasar": "Pasar Guntur Ciawitali",
        "energi": "panas bumi di Darajat dan Kamojang serta mikrohidro",
        "industri": "sentra kulit Sukaregang",
    },
    kecamatan=(
        "Tarogong Kidul",
        "Tarogong Kaler",
        "Garut Kota",
        "Karangpawitan",
        "Banyuresmi",
        "Leles",
        "Kadungora",
        "Cibatu",
        "Malangbong",
        "Bayongbong",
        "Cikajang",
        "Cisurupan",
        "Samarang",
        "Pameungpeuk",
        "Cikelet",
        "Bungbulang",
        "Cisewu",
        "Wanaraja",
        "Sukawening",
        "Limbangan",
    ),
    people={
        "diskominfo": PersonSpec("Asep", "Saepudin"),
        "opd": PersonSpec("Euis", "Komariah"),
        "dewan": PersonSpec("Dedi", "Supriadi"),
    },
    name_pool="sunda",
)

TEGAL = RegionSpec(
    slug="tegal",
    quick_win_overrides=content.TEGAL_QUICK_WINS,
    name="Tegal",
    province="Jawa Tengah",
    head_name="Hj. Sri Rahayu Lestari, S.Pd., M.M.",
    head_title="Bupati",
    cohort_year=2023,
    mou_number="B-318/DJAI/AI.01.07/03/2023",
    mou_date=date(2023, 3, 14),
    period_start=2024,
    period_end=2033,
    vision="Kabupaten Tegal yang cerdas, berdaya saing dan berbudaya, dengan layanan publik berbasis teknologi "
    "informasi yang merata",
    missions=(
        "Menyelenggarakan pemerintahan digital yang efektif, bersih dan responsif",
        "Menguatkan branding Kabupaten Tegal melalui wisata Guci, bahari dan budaya Tegalan",
        "Mengembangkan industri logam, UMKM dan pertanian yang terhubung dengan pasar digital",
        "Meningkatkan layanan kesehatan dan mobilitas warga yang mudah dan terjangkau",
        "Membangun masyarakat yang literat digital, rukun dan aman",
        "Menjaga lingkungan hidup melalui pengelolaan sampah dan energi yang berkelanjutan",
    ),
    agency_keys=(
        "setda-org",
        "prokopim",
        "bappeda",
        "kominfo",
        "dlh",
        "dinkes",
        "disdik",
        "dispar",
        "dishub",
        "dukcapil",
        "bpkad",
        "pupr",
        "satpolpp",
        "bpbd",
        "koperasi",
        "disperindag",
        "dinsos",
        "dpmptsp",
        "bkpsdm",
        "perkim",
        "pertanian",
        "bapenda",
    ),
    agency_overrides={
        "dispar": ("Dinas Pariwisata, Kepemudaan dan Olahraga", "Disporapar"),
        "disdik": ("Dinas Pendidikan dan Kebudayaan", "Dikbud"),
    },
    stages=_stages(
        [
            (date(2023, 6, 26), date(2023, 6, 27), "Aula Dinas Komunikasi dan Informatika Kabupaten Tegal"),
            (date(2023, 7, 31), date(2023, 8, 1), "Grand Dian Hotel, Slawi"),
            (date(2023, 8, 28), date(2023, 8, 29), "Grand Dian Hotel, Slawi"),
            (date(2023, 9, 25), date(2023, 9, 26), "Pendopo Amangkurat, Slawi"),
        ],
        (SIGNED, SIGNED, DONE, DONE),
        {2: "Narasumber dari Universitas Indonesia dan tim tenaga ahli Kementerian Kominfo; penyusunan Buku 2."},
    ),
    facts={
        "ibukota": "Slawi",
        "kec": 18,
        "desa": 287,
        "penduduk": "1,6 juta jiwa",
        "wisata": "kawasan wisata Guci, Pantai Purwahamba Indah dan Waduk Cacaban",
        "produk": "produk logam Tegal, teh poci dan batik Tegalan",
        "komoditas": "bawang merah, teh dan melati",
        "tpa": "TPA Penujah",
        "sungai": "Sungai Gung",
        "bencana": "banjir, rob dan tanah longsor",
        "univ": "Universitas Pancasakti Tegal",
        "bumd": "Perumda Air Minum Tirta Ayu",
        "rsud": "RSUD dr. Soeselo",
        "pasar": "Pasar Trayeman",
        "energi": "tenaga surya atap dan biogas peternakan",
        "industri": "sentra industri logam Talang dan Adiwerna",
    },
    kecamatan=(
        "Slawi",
        "Adiwerna",
        "Dukuhturi",
        "Talang",
        "Tarub",
        "Kramat",
        "Suradadi",
        "Warureja",
        "Pangkah",
        "Dukuhwaru",
        "Lebaksiu",
        "Balapulang",
        "Margasari",
        "Bumijawa",
        "Bojong",
        "Jatinegara",
        "Kedungbanteng",
        "Pagerbarang",
    ),
    people={
        "diskominfo": PersonSpec("Slamet", "Riyadi"),
        "opd": PersonSpec("Sri", "Wahyuni"),
        "dewan": PersonSpec("Agus", "Prasetyo"),
    },
    name_pool="jawa",
)

KONAWE_SELATAN = RegionSpec(
    slug="konawe-selatan",
    quick_win_overrides=content.KONAWE_SELATAN_QUICK_WINS,
    name="Konawe Selatan",
    province="Sulawesi Tenggara",
    head_name="H. Abdul Rahman Tawulo, S.E., M.Si.",
    head_title="Bupati",
    cohort_year=2021,
    mou_number="B-141/DJAI/AI.01.06/05/2021",
    mou_date=date(2021, 5, 20),
    period_start=2022,
    period_end=2031,
    vision="Konawe Selatan cerdas, sejahtera dan berkelanjutan melalui tata kelola digital yang inklusif",
    missions=(
        "Mewujudkan pelayanan publik digital yang menjangkau desa-desa terpencil",
        "Mempromosikan potensi bahari, wisata alam dan produk unggulan Konawe Selatan",
        "Meningkatkan nilai tambah kakao, jambu mete, rumput laut dan hasil perikanan",
        "Meningkatkan kualitas kesehatan, permukiman dan konektivitas antarwilayah",
        "Membangun masyarakat yang cakap digital dan tangguh menghadapi bencana",
        "Melindungi hutan, pesisir dan sumber daya air dari kerusakan",
    ),
    agency_keys=(
        "setda-org",
        "bappeda",
        "kominfo",
        "dlh",
        "dinkes",
        "disdik",
        "dispar",
        "dishub",
        "dukcapil",
        "bpkad",
        "pupr",
        "satpolpp",
        "bpbd",
        "koperasi",
        "disperindag",
        "dinsos",
        "dpmptsp",
        "perikanan",
        "prokopim",
        "pertanian",
    ),
    agency_overrides={
        "kominfo": ("Dinas Komunikasi, Informatika dan Persandian", "Diskominfo dan Sandi"),
        "disdik": ("Dinas Pendidikan dan Kebudayaan", "Dikbud"),
        "dispar": ("Dinas Pariwisata", "Dispar"),
    },
    assignments={
        **STANDARD_ASSIGNMENTS,
        "economy": ("koperasi", "disperindag", "perikanan", "pertanian"),
        "environment": ("dlh", "perikanan"),
    },
    stages=_stages(
        [
            (date(2021, 9, 16), date(2021, 9, 17), "Aula Kantor Bupati Konawe Selatan, Andoolo"),
            (date(2021, 9, 23), date(2021, 9, 24), "Aula Kantor Dinas Pendidikan dan Kebudayaan Konawe Selatan"),
            (date(2021, 10, 21), date(2021, 10, 22), "Aula Bappeda Konawe Selatan, Andoolo"),
            (date(2021, 11, 18), date(2021, 11, 19), "Aula Kantor Bupati Konawe Selatan, Andoolo"),
        ],
        (SIGNED, SIGNED, SIGNED, SIGNED),
        {
            2: "Peserta dibagi per kelompok; setiap OPD membawa dokumen dan draf rencana strategis (renstra) "
            "untuk dianalisis bersama tim asesor. Tahap berikutnya diharapkan lebih banyak melibatkan "
            "akademisi dan komunitas.",
        },
    ),
    facts={
        "ibukota": "Andoolo",
        "kec": 25,
        "desa": 351,
        "penduduk": "sekitar 320 ribu jiwa",
        "wisata": "Air Terjun Moramo, Pantai Ranooha Raya dan Pulau Hari",
        "produk": "jambu mete, gula aren dan rumput laut olahan",
        "komoditas": "kakao, jambu mete dan rumput laut",
        "tpa": "TPA Andoolo",
        "sungai": "Sungai Konaweeha",
        "bencana": "banjir, abrasi pantai dan kebakaran lahan",
        "univ": "Universitas Halu Oleo",
        "bumd": "Perumda Air Minum Konawe Selatan",
        "rsud": "RSUD Konawe Selatan",
        "pasar": "Pasar Andoolo",
        "energi": "tenaga surya dan mikrohidro di desa-desa terpencil",
        "industri": "sentra pengolahan rumput laut Tinanggea",
    },
    kecamatan=(
        "Andoolo",
        "Konda",
        "Ranomeeto",
        "Lainea",
        "Moramo",
        "Tinanggea",
        "Palangga",
        "Kolono",
        "Laeya",
        "Angata",
        "Landono",
        "Baito",
        "Lalembuu",
        "Buke",
        "Wolasi",
        "Laonti",
    ),
    people={
        "diskominfo": PersonSpec("Andi Muhammad", "Akbar"),
        "opd": PersonSpec("Wa Ode Sitti", "Hasnah"),
        "dewan": PersonSpec("Ruslan", "Hamid"),
    },
    section_plan="approved",
    name_pool="sultra",
)

BEKASI = RegionSpec(
    slug="bekasi",
    quick_win_overrides=content.BEKASI_QUICK_WINS,
    name="Bekasi",
    province="Jawa Barat",
    head_name="Drs. Hendra Gunawan, M.Si.",
    head_title="Penjabat Bupati",
    cohort_year=2022,
    mou_number="B-204/DJAI/AI.01.06/04/2022",
    mou_date=date(2022, 4, 12),
    period_start=2023,
    period_end=2032,
    vision="Kabupaten Bekasi cerdas sebagai kawasan industri yang nyaman dihuni, melayani dan berkelanjutan",
    missions=(
        "Mewujudkan birokrasi digital yang cepat, terpadu dan akuntabel",
        "Memperkuat citra Kabupaten Bekasi sebagai pusat industri dan investasi yang ramah",
        "Menumbuhkan UMKM dan tenaga kerja lokal yang terhubung dengan rantai pasok industri",
        "Mengurai kemacetan, banjir dan kepadatan permukiman dengan perencanaan berbasis data",
        "Membangun masyarakat yang cakap digital, aman dan berdaya",
        "Mengelola sampah, air dan udara kawasan industri secara berkelanjutan",
    ),
    agency_keys=(
        "setda-org",
        "prokopim",
        "bappeda",
        "kominfo",
        "dlh",
        "dinkes",
        "disdik",
        "dispar",
        "dishub",
        "dukcapil",
        "bpkad",
        "pupr",
        "satpolpp",
        "bpbd",
        "koperasi",
        "disperindag",
        "dinsos",
        "dpmptsp",
        "bkpsdm",
        "perkim",
        "bapenda",
        "naker",
        "dpmd",
        "inspektorat",
    ),
    agency_overrides={
        "kominfo": ("Dinas Komunikasi, Informatika, Persandian dan Statistik", "Diskominfosantik"),
        "pupr": ("Dinas Cipta Karya dan Tata Ruang", "DCKTR"),
        "dispar": ("Dinas Kebudayaan, Pemuda dan Olahraga", "Disbudpora"),
    },
    assignments={
        **STANDARD_ASSIGNMENTS,
        "economy": ("koperasi", "disperindag", "naker", "bapenda"),
        "society": ("disdik", "dinsos", "bpbd", "satpolpp"),
    },
    stages=_stages(
        [
            (date(2022, 6, 6), date(2022, 6, 7), "Hotel Nuanza, Cikarang"),
            (date(2022, 7, 11), date(2022, 7, 12), "Hotel Nuanza, Cikarang"),
            (date(2022, 8, 22), date(2022, 8, 23), "Gedung Swatantra Wibawa Mukti, Cikarang Pusat"),
            (date(2022, 10, 10), date(2022, 10, 11), "Hotel Nuanza, Cikarang"),
        ],
        (SIGNED, SIGNED, SIGNED, SIGNED),
        {
            1: "Dibuka resmi oleh Penjabat Bupati bersama BKPSDM; camat dan kepala desa mengikuti secara daring.",
            4: "Ditutup dengan closing ceremony; masterplan diserahkan kepada Dewan Smart City.",
        },
    ),
    facts={
        "ibukota": "Cikarang Pusat",
        "kec": 23,
        "desa": 187,
        "penduduk": "3,2 juta jiwa",
        "wisata": "hutan mangrove Muara Gembong, Situ Binong dan cagar budaya Saung Ranggon",
        "produk": "komponen otomotif, elektronik dan olahan pangan UMKM",
        "komoditas": "padi, bandeng dan ikan hias",
        "tpa": "TPA Burangkeng",
        "sungai": "Kali Bekasi dan Sungai Citarum",
        "bencana": "banjir dan genangan",
        "univ": "Universitas Pelita Bangsa",
        "bumd": "Perumda Tirta Bhagasasi",
        "rsud": "RSUD Kabupaten Bekasi",
        "pasar": "Pasar Induk Cibitung",
        "energi": "atap pabrik untuk PLTS dan pengolahan sampah menjadi energi",
        "industri": "kawasan industri Jababeka, MM2100 dan EJIP",
    },
    kecamatan=(
        "Cikarang Pusat",
        "Cikarang Utara",
        "Cikarang Selatan",
        "Cikarang Barat",
        "Cikarang Timur",
        "Tambun Selatan",
        "Tambun Utara",
        "Cibitung",
        "Setu",
        "Serang Baru",
        "Cibarusah",
        "Babelan",
        "Tarumajaya",
        "Sukatani",
        "Muara Gembong",
        "Pebayuran",
        "Cabangbungin",
        "Kedungwaringin",
    ),
    people={
        "diskominfo": PersonSpec("Ahmad", "Fauzi"),
        "opd": PersonSpec("Siti", "Nurjanah"),
        "dewan": PersonSpec("Dedi", "Kurniawan"),
    },
    section_plan="approved",
    name_pool="sunda",
)

DEMO_REGIONS = (GARUT, TEGAL, KONAWE_SELATAN, BEKASI)
# The demo region with the most content; ``--content-factor`` multiplies this one.
LARGEST = GARUT

_GENERIC_KECAMATAN = (
    "Sukamaju",
    "Sukamulya",
    "Mekarsari",
    "Karanganyar",
    "Sidorejo",
    "Tanjungsari",
    "Margahayu",
    "Sukasari",
    "Mulyorejo",
    "Cempaka",
    "Sumberjaya",
    "Harapan Jaya",
)
_GENERIC_PEOPLE = (
    ("Budi", "Santoso", "Rina", "Marlina", "Hendra", "Wijaya"),
    ("Yusuf", "Maulana", "Dewi", "Anggraini", "Bambang", "Setiawan"),
    ("Rizki", "Ramadhan", "Fitri", "Handayani", "Joko", "Susilo"),
)


def generated_region_spec(n, provinces):
    """Region ``generated-n``: the shape of a demo region, with neutral texts, for load work; its
    province the n-th of ``provinces`` (the shipped names, in code order), round the list again
    after the last, so the regions of a national scale spread over all 38."""
    year = 2024 + (n - 1) % 3
    first_stage = date(year, 5, 6)
    months = [first_stage.month + i for i in range(4)]  # May to August
    rows = [
        (date(year, months[i], 6 + (n % 7)), date(year, months[i], 7 + (n % 7)), f"Aula Bappeda Kabupaten Contoh {n}")
        for i in range(4)
    ]
    p = _GENERIC_PEOPLE[n % len(_GENERIC_PEOPLE)]
    return RegionSpec(
        slug=f"generated-{n}",
        name=f"Contoh {n}",
        province=provinces[n % len(provinces)],
        head_name=f"H. {p[4]} {p[5]}, S.E.",
        head_title="Bupati",
        cohort_year=year,
        mou_number=f"B-{100 + n}/DJAI/AI.01.07/03/{year}",
        mou_date=date(year, 3, 1 + n % 27),
        period_start=year + 1,
        period_end=year + 10,
        vision=f"Kabupaten Contoh {n} yang cerdas, melayani dan berkelanjutan",
        missions=(
            *GARUT.missions[:1],
            "Membangun citra daerah melalui wisata dan produk unggulan",
            "Memperkuat ekonomi kerakyatan dengan transaksi digital",
            "Meningkatkan kualitas hidup dan mobilitas warga",
            "Membangun masyarakat yang cakap digital dan aman",
            "Mewujudkan lingkungan hidup yang lestari",
        ),
        agency_keys=TEGAL.agency_keys,
        stages=_stages(rows, (SIGNED, SIGNED, DONE, DONE)),
        facts={
            "ibukota": f"Kota Contoh {n}",
            "kec": 14 + n % 20,
            "desa": 150 + (n * 37) % 250,
            "penduduk": f"{600 + (n * 53) % 900} ribu jiwa",
            "wisata": "Air Terjun Curug Sari, Danau Biru dan Desa Wisata Sukamaju",
            "produk": "kopi robusta, batik tulis dan keripik singkong",
            "komoditas": "padi, kopi dan kelapa",
            "tpa": f"TPA Kabupaten Contoh {n}",
            "sungai": "Sungai Cisadane Hulu",
            "bencana": "banjir dan tanah longsor",
            "univ": f"Universitas Contoh {n}",
            "bumd": "Perumda Air Minum Tirta Contoh",
            "rsud": f"RSUD Kabupaten Contoh {n}",
            "pasar": "Pasar Induk Contoh",
            "energi": "tenaga surya dan mikrohidro",
            "industri": "sentra industri kecil di kawasan Mekarsari",
        },
        kecamatan=_GENERIC_KECAMATAN,
        people={
            "diskominfo": PersonSpec(p[0], p[1]),
            "opd": PersonSpec(p[2], p[3]),
            "dewan": PersonSpec(p[4], p[5]),
        },
        name_pool="jawa" if n % 2 else "sunda",
        generated=True,
    )


def multiplied_region_spec(factor, base=LARGEST):
    """A copy of the largest demo region with ``factor`` times its content (slug ``garut-x10``)."""
    return replace(
        base,
        slug=f"{base.slug}-x{factor}",
        name=f"{base.name} x{factor}",
        content_factor=factor,
        generated=True,
        text_name=base.text_name or base.name,
    )
