"""What agencies write, per dimension, in the register of an Indonesian planning document.

Texts are templates: ``{nama}`` (Garut), ``{daerah}`` (Kabupaten Garut), ``{ibukota}``, ``{kec}``,
``{desa}``, ``{penduduk}``, ``{wisata}``, ``{produk}``, ``{komoditas}``, ``{tpa}``, ``{sungai}``,
``{bencana}``, ``{univ}``, ``{bumd}``, ``{rsud}``, ``{pasar}``, ``{energi}``, ``{industri}``,
``{provinsi}``, ``{kepala}`` (Bupati / Wali Kota), ``{th0}`` (year before the period), ``{th1}``
(first year), ``{opd}`` (the writing agency's acronym) and the numbers ``{pct}`` (35-85), ``{pct2}``
(10-40), ``{num}`` (12-60), ``{num2}`` (100-450) and ``{indeks}`` (2,31-3,40), drawn per entry from a
seeded random generator so every region reads a little differently but every run the same.

Each dimension's pools are dealt round-robin over the agencies assigned to it (builder.py)."""

from typing import NamedTuple


class Readiness(NamedTuple):
    component: str
    subcomponent: str
    text: str
    evidence: str = ""


class Gap(NamedTuple):
    element: str
    existing: str
    expected: str
    gap: str


class Swot(NamedTuple):
    quadrant: str
    statement: str
    evidence: str = ""
    component: str = ""


class Strat(NamedTuple):
    kind: str
    statement: str


class Ind(NamedTuple):
    name: str
    unit: str
    baseline: float
    target: float


class GoalT(NamedTuple):
    statement: str
    indicators: tuple


class Prog(NamedTuple):
    element: str
    horizon: str
    name: str
    description: str
    output: str
    outcome: str
    indicator: Ind
    budget: tuple  # (min, max) in million rupiah
    funds: tuple  # funding source codes
    partners: str  # one per line
    lead: tuple = ()  # agency keys (regions.AGENCY_CATALOGUE) that would lead it, in order


class QW(NamedTuple):
    name: str
    program_name: str
    element: str
    problem: str
    solution: str
    benefits: str
    duration_months: int
    schedule: str
    budget: int  # million rupiah
    funding: str
    partners: str
    impact: str
    risks: str
    status: str = "chosen"
    lead: tuple = ()


# Road map phases; a program's years are spread over them (builder.roadmap_activity).
ROADMAP_PHASES = (
    ("Kajian kebutuhan, desain sistem dan penyiapan regulasi", "Dokumen kajian dan desain ditetapkan"),
    ("Pengembangan dan uji coba terbatas", "Uji coba berjalan di lokasi percontohan"),
    ("Penerapan bertahap dan pelatihan pengguna", "Pengguna terlatih dan layanan berjalan"),
    ("Perluasan cakupan ke seluruh kecamatan", "Cakupan layanan meluas"),
    ("Integrasi dengan sistem terkait dan penguatan kelembagaan", "Sistem terintegrasi"),
    ("Evaluasi, penyempurnaan dan keberlanjutan", "Laporan evaluasi dan rencana tindak lanjut"),
)
SHORT_PHASE = ("Penyiapan, uji coba dan peluncuran", "Layanan diluncurkan dan dipakai warga")

S, I, P = "struktur", "infrastruktur", "suprastruktur"  # noqa: E741 - the components' initials

DIMENSIONS = {}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["governance"] = {
    "readiness": [
        Readiness(
            S,
            "alam",
            "Wilayah {daerah} yang luas, terdiri atas {kec} kecamatan dan {desa} desa/kelurahan, "
            "membuat jarak tempuh warga desa ke pusat layanan di {ibukota} masih jauh.",
            "{daerah} Dalam Angka {th0} (BPS)",
        ),
        Readiness(
            S,
            "budaya",
            "Sebanyak {pct}% ASN telah mengikuti pelatihan literasi digital dasar, tetapi talenta "
            "digital (analis sistem, pengelola data, keamanan informasi) masih terpusat di {opd}.",
            "Data BKPSDM {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Warga makin terbiasa mengakses layanan lewat ponsel; pengaduan melalui media sosial "
            "dan WhatsApp meningkat setiap tahun.",
            "Rekap kanal pengaduan SP4N-LAPOR! {th0}",
        ),
        Readiness(
            S,
            "alam",
            "Topografi bergelombang di sebagian wilayah menyulitkan penarikan jaringan serat optik "
            "ke kantor kecamatan dan desa.",
            "Peta jaringan intra pemerintah {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Pusat data daerah sudah beroperasi dengan kapasitas terbatas dan belum memiliki pusat "
            "pemulihan bencana (DRC).",
            "Laporan evaluasi SPBE {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Jaringan intra pemerintah menghubungkan {pct}% perangkat daerah; sebagian kantor "
            "kecamatan masih memakai koneksi internet terpisah.",
            "Inventaris jaringan {opd} {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "Mal Pelayanan Publik di {ibukota} melayani {num} jenis layanan dari instansi "
            "daerah, vertikal dan perbankan.",
            "Keputusan {kepala} tentang Mal Pelayanan Publik",
        ),
        Readiness(
            I,
            "sosial",
            "Forum konsultasi publik dan Musrenbang rutin digelar di tingkat desa, kecamatan dan kabupaten.",
            "Dokumen Musrenbang RKPD {th0}",
        ),
        Readiness(
            P,
            "kebijakan",
            "Peraturan {kepala} tentang Sistem Pemerintahan Berbasis Elektronik telah "
            "ditetapkan; peraturan pelaksana arsitektur SPBE dan tata kelola data belum lengkap.",
            "JDIH {daerah}",
        ),
        Readiness(
            P,
            "kelembagaan",
            "Tim Koordinasi SPBE dan Forum Satu Data daerah telah dibentuk dengan Keputusan {kepala}.",
            "Keputusan {kepala} tentang Tim Koordinasi SPBE",
        ),
        Readiness(
            P,
            "anggaran",
            "Belanja TIK tersebar di banyak perangkat daerah tanpa perencanaan terpadu, "
            "sehingga terjadi duplikasi aplikasi.",
            "Rekap belanja TIK APBD {th0}",
        ),
        Readiness(
            P,
            "kelembagaan",
            "Indeks SPBE {daerah} tahun {th0} bernilai {indeks}; domain manajemen SPBE masih paling rendah.",
            "Hasil evaluasi SPBE Kementerian PANRB {th0}",
        ),
    ],
    "gaps": [
        Gap(
            "governance-pelayanan-publik",
            "Permohonan perizinan dan administrasi kependudukan sebagian besar masih diajukan tatap muka.",
            "Seluruh layanan administrasi dapat diajukan dan dilacak secara daring dari desa.",
            "Belum ada portal layanan terpadu dan integrasi data antarlayanan.",
        ),
        Gap(
            "governance-pelayanan-publik",
            "Pengaduan masyarakat masuk melalui banyak kanal yang tidak saling terhubung.",
            "Satu kanal pengaduan terintegrasi SP4N-LAPOR! dengan waktu tindak lanjut yang terpantau.",
            "Belum ada standar waktu tanggap dan dasbor pemantauan tindak lanjut.",
        ),
        Gap(
            "governance-manajemen-birokrasi",
            "Aplikasi kepegawaian, keuangan dan perencanaan berjalan sendiri-sendiri.",
            "Aplikasi umum terintegrasi dengan satu akun ASN dan data referensi bersama.",
            "Interoperabilitas antaraplikasi dan katalog data belum tersedia.",
        ),
        Gap(
            "governance-manajemen-birokrasi",
            "Naskah dinas masih dicetak dan ditandatangani basah.",
            "Naskah dinas elektronik dengan tanda tangan elektronik tersertifikasi BSrE.",
            "Baru {pct2}% pejabat memiliki sertifikat elektronik.",
        ),
        Gap(
            "governance-kebijakan-publik",
            "Data sektoral untuk perencanaan dikumpulkan manual lewat surat menjelang Musrenbang.",
            "Data sektoral mutakhir tersedia di portal Satu Data dan dipakai dalam perencanaan.",
            "Belum ada walidata pendukung di tiap perangkat daerah dan jadwal pemutakhiran data.",
        ),
        Gap(
            "governance-kebijakan-publik",
            "Rancangan kebijakan jarang dibuka untuk masukan publik.",
            "Setiap rancangan peraturan daerah terbuka untuk konsultasi publik daring.",
            "Belum tersedia kanal partisipasi kebijakan yang mudah diakses warga.",
        ),
    ],
    "swot": [
        Swot(
            "S",
            "Komitmen {kepala} {nama} terhadap transformasi digital tertuang dalam RPJMD dan Nota Kesepakatan "
            "Gerakan Menuju Kota Cerdas.",
            "RPJMD {daerah}; Nota Kesepakatan dengan Kemenkominfo",
            P,
        ),
        Swot(
            "S",
            "Mal Pelayanan Publik di {ibukota} telah memadukan layanan perizinan, kependudukan, perpajakan "
            "dan perbankan.",
            "Laporan Mal Pelayanan Publik {th0}",
        ),
        Swot(
            "S",
            "Pusat data daerah dan jaringan intra pemerintah sudah tersedia dan dikelola {opd}.",
            "Inventaris TIK {th0}",
            I,
        ),
        Swot(
            "S",
            "Aplikasi SRIKANDI untuk naskah dinas elektronik sudah dipakai {pct}% perangkat daerah.",
            "Rekap penggunaan SRIKANDI {th0}",
        ),
        Swot(
            "S",
            "Tersedia ASN muda berlatar belakang teknik informatika di beberapa perangkat daerah.",
            "Data BKPSDM {th0}",
            S,
        ),
        Swot(
            "S",
            "Kanal SP4N-LAPOR! aktif dengan admin di setiap perangkat daerah.",
            "Keputusan {kepala} tentang Pengelola Pengaduan",
        ),
        Swot(
            "W",
            "Aplikasi perangkat daerah belum terintegrasi; tercatat {num} aplikasi dengan basis data terpisah.",
            "Inventarisasi aplikasi {th0}",
            I,
        ),
        Swot(
            "W",
            "Kualitas dan kemutakhiran data sektoral rendah; banyak data hanya tersedia dalam lembar kerja.",
            "Evaluasi Forum Satu Data {th0}",
        ),
        Swot("W", "Jumlah SDM TIK terbatas dan sering berpindah karena mutasi.", "Data BKPSDM {th0}", S),
        Swot(
            "W",
            "Keamanan informasi belum dikelola dengan standar; tim tanggap insiden siber (CSIRT) belum aktif.",
            "Hasil penilaian indeks KAMI {th0}",
        ),
        Swot(
            "W",
            "Layanan di kantor kecamatan belum terhubung dengan sistem di tingkat kabupaten.",
            "Observasi layanan kecamatan {th0}",
        ),
        Swot(
            "W",
            "Belanja TIK kurang dari 1% APBD dan direncanakan sendiri-sendiri oleh perangkat daerah.",
            "Rekap belanja TIK {th0}",
            P,
        ),
        Swot(
            "O",
            "Kebijakan nasional SPBE dan Satu Data Indonesia menyediakan pedoman dan aplikasi umum tanpa biaya.",
            "Perpres 95/2018; Perpres 39/2019",
        ),
        Swot("O", "Pendampingan Gerakan Menuju Kota Cerdas oleh tenaga ahli Kemenkominfo.", "Nota Kesepakatan"),
        Swot(
            "O",
            "Identitas Kependudukan Digital (IKD) dapat dipakai sebagai kunci tunggal layanan daring.",
            "Permendagri 72/2022",
        ),
        Swot("O", "Penetrasi telepon pintar tinggi di kalangan warga usia produktif.", "Survei APJII {th0}"),
        Swot("O", "Kerja sama dengan {univ} untuk pengembangan SDM dan aplikasi.", "Nota kesepahaman dengan {univ}"),
        Swot(
            "O",
            "Sertifikat elektronik tersedia tanpa biaya dari BSrE BSSN untuk pejabat dan ASN.",
            "Perjanjian kerja sama dengan BSSN",
        ),
        Swot(
            "T",
            "Serangan siber dan kebocoran data pribadi yang menyasar sistem pemerintah daerah meningkat.",
            "Laporan lanskap keamanan siber BSSN {th0}",
        ),
        Swot("T", "Ketergantungan pada vendor aplikasi tanpa alih pengetahuan.", "Kontrak pengadaan aplikasi {th0}"),
        Swot("T", "Regulasi pusat yang cepat berubah menuntut penyesuaian aplikasi dan prosedur.", ""),
        Swot(
            "T",
            "Kesenjangan digital antara kawasan perkotaan dan desa-desa terpencil.",
            "Data desa tanpa sinyal BAKTI Kominfo {th0}",
            I,
        ),
        Swot(
            "T",
            "Tuntutan publik atas layanan cepat dan transparan makin tinggi, terutama lewat media sosial.",
            "Pemantauan media sosial {th0}",
        ),
        Swot("T", "Pergantian kepemimpinan daerah dapat mengubah prioritas program digital.", ""),
    ],
    "strategies": [
        Strat(
            "SO",
            "Memanfaatkan komitmen pimpinan dan pendampingan Kemenkominfo untuk membangun portal layanan "
            "terpadu {nama} dengan IKD sebagai kunci tunggal.",
        ),
        Strat("SO", "Mengembangkan Mal Pelayanan Publik digital yang memadukan layanan tatap muka dan daring."),
        Strat(
            "WO", "Mengintegrasikan aplikasi perangkat daerah melalui aplikasi umum SPBE dan sistem penghubung layanan."
        ),
        Strat("WO", "Meningkatkan kapasitas SDM TIK melalui kerja sama dengan {univ} dan beasiswa talenta digital."),
        Strat(
            "ST",
            "Membentuk tim tanggap insiden siber daerah dan menerapkan standar keamanan informasi pada pusat data.",
        ),
        Strat(
            "ST",
            "Menetapkan kebijakan Satu Data dan tata kelola aplikasi agar program digital berlanjut lintas "
            "periode kepemimpinan.",
        ),
        Strat("WT", "Menyusun arsitektur SPBE daerah untuk menghentikan duplikasi aplikasi dan belanja TIK."),
        Strat("WT", "Memperkuat layanan di kecamatan agar warga di wilayah bersinyal lemah tetap terlayani."),
    ],
    "goals": [
        GoalT(
            "Meningkatnya kualitas tata kelola pemerintahan berbasis elektronik",
            (
                Ind("Indeks SPBE", "indeks", 2.6, 3.8),
                Ind("Persentase aplikasi perangkat daerah yang terintegrasi", "%", 20, 90),
            ),
        ),
        GoalT(
            "Meningkatnya kualitas dan kecepatan pelayanan publik",
            (
                Ind("Indeks Kepuasan Masyarakat", "indeks", 78, 88),
                Ind("Persentase jenis layanan yang dapat diajukan daring", "%", 25, 85),
            ),
        ),
        GoalT(
            "Tersedianya data sektoral yang akurat, mutakhir dan terbuka",
            (Ind("Jumlah dataset sektoral terbit di portal Satu Data", "dataset", 150, 1200),),
        ),
        GoalT(
            "Meningkatnya keterbukaan dan partisipasi publik dalam kebijakan",
            (Ind("Persentase pengaduan yang ditindaklanjuti tepat waktu", "%", 60, 95),),
        ),
    ],
    "programs": [
        Prog(
            "governance-kebijakan-publik",
            "short",
            "Penyusunan Arsitektur dan Peta Rencana SPBE {nama}",
            "Menyusun arsitektur SPBE daerah (proses bisnis, data, aplikasi, infrastruktur, keamanan) dan peta "
            "rencana lima tahun sebagai acuan belanja TIK seluruh perangkat daerah.",
            "Dokumen arsitektur dan peta rencana SPBE ditetapkan dengan Peraturan {kepala}.",
            "Belanja TIK terarah dan tidak ada lagi aplikasi ganda.",
            Ind("Dokumen arsitektur SPBE ditetapkan", "dokumen", 0, 1),
            (250, 450),
            ("apbd",),
            "{univ}\nKementerian PANRB",
        ),
        Prog(
            "governance-manajemen-birokrasi",
            "short",
            "Tanda Tangan Elektronik bagi Seluruh Pejabat",
            "Menerbitkan sertifikat elektronik BSrE bagi seluruh pejabat dan memadukannya dengan SRIKANDI dan "
            "aplikasi perizinan.",
            "Seluruh pejabat struktural memiliki sertifikat elektronik aktif.",
            "Naskah dinas dan dokumen layanan ditandatangani elektronik; waktu penyelesaian surat lebih singkat.",
            Ind("Persentase pejabat bersertifikat elektronik", "%", 30, 100),
            (80, 150),
            ("apbd",),
            "Balai Sertifikasi Elektronik (BSrE) BSSN",
        ),
        Prog(
            "governance-pelayanan-publik",
            "medium",
            "Portal Layanan Publik Terpadu {nama}",
            "Satu pintu daring untuk seluruh layanan administrasi pemerintah daerah dengan akun tunggal warga, "
            "pelacakan status dan tanda terima elektronik.",
            "Portal layanan terpadu dengan sekurang-kurangnya 100 jenis layanan daring.",
            "Warga tidak perlu datang berulang kali; waktu layanan rata-rata turun separuh.",
            Ind("Jumlah jenis layanan daring di portal terpadu", "layanan", 12, 120),
            (1500, 3500),
            ("apbd", "apbn"),
            "{univ}\nPT Telkom Indonesia\nKomunitas relawan TIK",
        ),
        Prog(
            "governance-kebijakan-publik",
            "medium",
            "Penguatan Satu Data {nama}",
            "Membangun portal dan katalog data daerah, menetapkan walidata pendukung di setiap perangkat daerah "
            "serta jadwal pemutakhiran data sektoral.",
            "Portal Satu Data dengan katalog dan metadata sesuai standar Satu Data Indonesia.",
            "Perencanaan dan evaluasi pembangunan memakai satu angka yang sama.",
            Ind("Jumlah dataset mutakhir di portal Satu Data", "dataset", 150, 1000),
            (900, 1800),
            ("apbd",),
            "BPS kabupaten\n{univ}",
        ),
        Prog(
            "governance-manajemen-birokrasi",
            "medium",
            "Integrasi Aplikasi Kepegawaian, Keuangan dan Perencanaan",
            "Menghubungkan aplikasi kepegawaian, keuangan daerah dan perencanaan melalui sistem penghubung layanan "
            "dengan data referensi bersama.",
            "Sistem penghubung layanan dan katalog layanan API antaraplikasi.",
            "Data pegawai, anggaran dan kinerja sinkron; laporan kinerja tersusun otomatis.",
            Ind("Persentase aplikasi umum yang terintegrasi", "%", 10, 90),
            (1200, 2400),
            ("apbd",),
            "Kementerian Dalam Negeri\nKementerian PANRB",
        ),
        Prog(
            "governance-manajemen-birokrasi",
            "long",
            "Pusat Data dan Pusat Pemulihan Bencana Pemerintah Daerah",
            "Meningkatkan kapasitas pusat data daerah sesuai standar nasional dan membangun pusat pemulihan "
            "bencana (DRC) agar layanan tidak terhenti ketika terjadi gangguan.",
            "Pusat data tersertifikasi dan DRC beroperasi.",
            "Ketersediaan layanan digital pemerintah daerah di atas 99%.",
            Ind("Ketersediaan (uptime) layanan digital", "%", 95, 99.5),
            (6000, 12000),
            ("apbd", "apbn", "kpbu"),
            "Kemenkominfo (Pusat Data Nasional)\nPenyedia layanan komputasi awan",
        ),
        Prog(
            "governance-pelayanan-publik",
            "long",
            "Pemerintahan Digital sampai Desa",
            "Menghadirkan layanan administrasi daerah di kantor desa melalui anjungan layanan mandiri dan "
            "operator desa terlatih.",
            "Anjungan layanan mandiri dan operator terlatih di setiap desa.",
            "Warga desa mengurus administrasi tanpa harus ke {ibukota}.",
            Ind("Persentase desa yang melayani administrasi secara daring", "%", 5, 100),
            (4000, 9000),
            ("apbd", "lainnya"),
            "Pemerintah desa\nBUMDes\nKomunitas relawan TIK",
        ),
        Prog(
            "governance-kebijakan-publik",
            "long",
            "Pusat Komando (Command Center) {nama}",
            "Ruang kendali yang memadukan data layanan, pengaduan, CCTV, kebencanaan dan kinerja perangkat daerah "
            "untuk pengambilan keputusan pimpinan.",
            "Pusat komando dengan dasbor eksekutif terpadu.",
            "Keputusan pimpinan berbasis data waktu nyata; respons kejadian lebih cepat.",
            Ind("Jumlah sumber data yang terhubung ke pusat komando", "sumber data", 3, 40),
            (5000, 11000),
            ("apbd", "apbn"),
            "{univ}\nPT Telkom Indonesia",
        ),
    ],
    "quick_wins": [
        QW(
            "Lapor Cepat {nama}",
            "Lapor Cepat {nama}: Pengaduan Terpadu dengan Waktu Tanggap Terpantau",
            "governance-pelayanan-publik",
            "Pengaduan warga masuk melalui banyak kanal dan tindak lanjutnya tidak terpantau, sehingga warga tidak "
            "tahu apakah laporannya ditangani.",
            "Satu nomor WhatsApp dan formulir daring yang terhubung ke SP4N-LAPOR!, dengan dasbor waktu tanggap per "
            "perangkat daerah dan pemberitahuan status kepada pelapor.",
            "Warga mendapat kepastian tindak lanjut; pimpinan memantau kinerja penanganan pengaduan setiap minggu.",
            6,
            "Bulan 1–2: penyiapan kanal dan admin; bulan 3: uji coba di lima perangkat daerah; bulan 4–6: "
            "penerapan di seluruh perangkat daerah.",
            350,
            "apbd",
            "Kementerian PANRB (SP4N-LAPOR!)\nKomunitas relawan TIK",
            "Persentase pengaduan yang ditindaklanjuti dalam 5 hari kerja naik dari 40% menjadi 85%",
            "Admin perangkat daerah tidak aktif; diantisipasi dengan keputusan penunjukan admin dan evaluasi bulanan.",
        ),
        QW(
            "Dukcapil Daring {nama}",
            "Dukcapil Daring {nama}: Dokumen Kependudukan dari Rumah",
            "governance-pelayanan-publik",
            "Warga dari desa jauh harus datang ke kantor Disdukcapil di {ibukota} untuk mengurus akta kelahiran dan "
            "kartu keluarga, sering lebih dari sekali.",
            "Permohonan dokumen kependudukan melalui situs dan WhatsApp; dokumen ditandatangani elektronik dan dicetak "
            "mandiri di rumah atau di kantor desa.",
            "Waktu dan biaya perjalanan warga hemat; antrean di kantor dinas berkurang.",
            8,
            "Bulan 1–2: penyiapan aplikasi dan SOP; bulan 3–4: uji coba di tiga kecamatan; bulan 5–8: perluasan "
            "ke seluruh kecamatan.",
            400,
            "apbd",
            "Ditjen Dukcapil Kemendagri\nPemerintah desa",
            "Persentase dokumen kependudukan yang diterbitkan daring mencapai 60%",
            "Keterbatasan jaringan di desa; disiapkan layanan bantuan di kantor kecamatan.",
            "candidate",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["branding"] = {
    "readiness": [
        Readiness(
            S,
            "alam",
            "{daerah} memiliki daya tarik alam yang beragam, antara lain {wisata}.",
            "Data destinasi {opd} {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Produk khas seperti {produk} dikenal luas di tingkat regional.",
            "Profil ekonomi kreatif {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Pelaku dan komunitas ekonomi kreatif tumbuh, terutama di kalangan anak muda {nama}.",
            "Pendataan pelaku ekonomi kreatif {th0}",
        ),
        Readiness(
            S,
            "alam",
            "Sebagian destinasi berada di kawasan rawan {bencana}, sehingga wisatawan memerlukan informasi mitigasi.",
            "Kajian Risiko Bencana {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "Akses jalan ke sebagian destinasi unggulan masih sempit dan belum dilengkapi penunjuk arah yang seragam.",
            "Data kondisi jalan {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Baru {pct}% destinasi memiliki akses internet memadai untuk transaksi nontunai dan promosi daring.",
            "Survei destinasi {opd} {th0}",
        ),
        Readiness(
            I,
            "sosial",
            "Kelompok Sadar Wisata (Pokdarwis) aktif di {num} desa wisata.",
            "Keputusan {kepala} tentang Desa Wisata",
        ),
        Readiness(
            I,
            "fisik",
            "Pusat informasi pariwisata tersedia di {ibukota}, tetapi belum menyajikan informasi secara digital.",
            "",
        ),
        Readiness(
            P,
            "kebijakan",
            "Rencana Induk Pembangunan Kepariwisataan Daerah telah ditetapkan dengan peraturan daerah.",
            "Perda RIPPARDA {daerah}",
        ),
        Readiness(
            P,
            "kelembagaan",
            "Belum ada lembaga yang mengelola merek daerah secara terpadu; promosi dilakukan "
            "sendiri-sendiri oleh perangkat daerah.",
            "",
        ),
        Readiness(
            P,
            "anggaran",
            "Anggaran promosi terbatas dan sebagian besar terserap untuk festival tahunan.",
            "DPA {opd} {th0}",
        ),
        Readiness(
            P, "kebijakan", "Logo dan slogan daerah sudah ada, tetapi belum ada pedoman identitas visual daerah.", ""
        ),
    ],
    "gaps": [
        Gap(
            "branding-pariwisata",
            "Informasi destinasi, atraksi dan akomodasi tersebar di berbagai akun media sosial.",
            "Satu portal pariwisata resmi dengan informasi lengkap dan pemesanan daring.",
            "Belum ada portal dan basis data destinasi yang dimutakhirkan berkala.",
        ),
        Gap(
            "branding-pariwisata",
            "Data kunjungan wisatawan dihitung manual dari karcis masuk.",
            "Kunjungan tercatat otomatis dan dapat dianalisis per destinasi dan per bulan.",
            "Belum ada tiket elektronik di destinasi yang dikelola pemerintah daerah.",
        ),
        Gap(
            "branding-bisnis",
            "Produk unggulan seperti {produk} belum memiliki merek dan kemasan yang kuat.",
            "Produk unggulan tampil dengan merek bersama daerah dan tersertifikasi.",
            "Pendampingan merek, kemasan dan sertifikasi belum menjangkau sebagian besar UMKM.",
        ),
        Gap(
            "branding-bisnis",
            "Peluang investasi belum tersaji sebagai profil proyek yang siap ditawarkan.",
            "Profil proyek investasi tersaji daring dalam dua bahasa.",
            "Belum tersusun profil proyek investasi dan peta potensi digital.",
        ),
        Gap(
            "branding-wajah-kota",
            "Kawasan pusat kota di {ibukota} belum memiliki penataan tematik dan ruang publik yang representatif.",
            "Kawasan pusat kota tertata dengan identitas visual khas {nama}.",
            "Belum ada rencana desain kawasan dan pedoman identitas visual.",
        ),
        Gap(
            "branding-wajah-kota",
            "Papan informasi dan penunjuk arah di ruang publik belum seragam.",
            "Penanda ruang publik seragam, informatif dan dilengkapi kode QR informasi.",
            "Belum ada standar desain penanda dan anggaran penggantian bertahap.",
        ),
    ],
    "swot": [
        Swot(
            "S",
            "Destinasi alam unggulan seperti {wisata} memiliki daya tarik kuat bagi wisatawan domestik.",
            "Data kunjungan wisata {th0}",
            S,
        ),
        Swot("S", "Produk khas daerah ({produk}) sudah dikenal di tingkat nasional.", "Katalog produk unggulan {th0}"),
        Swot(
            "S",
            "Kalender event tahunan rutin terselenggara dan menarik pengunjung dari luar daerah.",
            "Kalender event {opd} {th0}",
        ),
        Swot("S", "Komunitas kreatif dan pemengaruh lokal aktif mempromosikan {nama} di media sosial.", ""),
        Swot("S", "Letak {daerah} mudah dijangkau dari kota-kota besar di {provinsi}.", "", S),
        Swot(
            "S",
            "Keramahan warga dan kekayaan kuliner lokal menambah nilai pengalaman berwisata.",
            "Survei kepuasan wisatawan {th0}",
        ),
        Swot(
            "W",
            "Belum ada merek daerah (city branding) yang disepakati dan dipakai bersama seluruh pemangku kepentingan.",
            "",
        ),
        Swot(
            "W", "Konten promosi digital belum konsisten dan jarang diperbarui.", "Audit akun media sosial resmi {th0}"
        ),
        Swot(
            "W",
            "Amenitas di destinasi (toilet, parkir, tempat sampah) masih kurang layak.",
            "Survei kepuasan wisatawan {th0}",
            I,
        ),
        Swot("W", "Data kunjungan dan belanja wisatawan belum akurat.", ""),
        Swot("W", "Lama tinggal wisatawan rata-rata kurang dari dua hari.", "BPS, Statistik Hotel {th0}"),
        Swot(
            "W",
            "Standar layanan dan sertifikasi CHSE pelaku usaha wisata masih rendah.",
            "Data sertifikasi CHSE {th0}",
            P,
        ),
        Swot("O", "Tren wisata alam, wisata minat khusus dan desa wisata meningkat.", "Kemenparekraf, Tren Pariwisata"),
        Swot("O", "Program nasional Anugerah Desa Wisata Indonesia dan Bangga Berwisata di Indonesia.", ""),
        Swot("O", "Lokapasar dan platform perjalanan daring memperluas jangkauan promosi.", ""),
        Swot("O", "Jalan tol dan perbaikan transportasi mempersingkat waktu tempuh ke {daerah}.", "", I),
        Swot("O", "Minat investor pada akomodasi dan ekonomi kreatif terus tumbuh.", "Data realisasi investasi {th0}"),
        Swot("O", "Dukungan CSR perusahaan dan {bumd} untuk penataan destinasi.", ""),
        Swot("T", "Persaingan promosi dengan daerah tetangga yang memiliki destinasi serupa.", ""),
        Swot(
            "T",
            "Berita negatif di media sosial (pungutan liar, kemacetan) cepat menyebar dan merusak citra.",
            "Pemantauan media sosial {th0}",
        ),
        Swot("T", "Risiko {bencana} di sebagian kawasan wisata.", "Kajian Risiko Bencana {th0}", S),
        Swot("T", "Kerusakan lingkungan akibat kunjungan yang melebihi daya dukung destinasi.", ""),
        Swot("T", "Selera wisatawan berubah cepat mengikuti tren media sosial.", ""),
        Swot("T", "Produk tiruan memakai nama produk khas {nama}.", ""),
    ],
    "strategies": [
        Strat("SO", "Membangun merek daerah {nama} yang bertumpu pada {wisata} dan produk khas daerah."),
        Strat("SO", "Memasarkan paket wisata dan event tahunan melalui platform perjalanan daring."),
        Strat("WO", "Menyusun portal pariwisata terpadu dengan data kunjungan yang tercatat digital."),
        Strat(
            "WO", "Meningkatkan standar layanan pelaku wisata melalui pelatihan dan sertifikasi bersama kementerian."
        ),
        Strat("ST", "Mengelola reputasi daerah di media sosial dengan pemantauan isu dan respons cepat."),
        Strat("ST", "Menerapkan pengelolaan daya dukung dan informasi mitigasi bencana di destinasi."),
        Strat("WT", "Menata amenitas destinasi prioritas secara bertahap bersama CSR dan desa."),
        Strat("WT", "Melindungi produk khas melalui indikasi geografis dan merek kolektif."),
    ],
    "goals": [
        GoalT(
            "Meningkatnya daya tarik dan kunjungan wisata {nama}",
            (
                Ind("Jumlah kunjungan wisatawan", "orang/tahun", 1_800_000, 3_200_000),
                Ind("Rata-rata lama tinggal wisatawan", "hari", 1.4, 2.2),
            ),
        ),
        GoalT(
            "Menguatnya merek daerah dan produk unggulan",
            (Ind("Jumlah produk UMKM bersertifikat merek", "produk", 300, 2000),),
        ),
        GoalT(
            "Tertatanya wajah kota yang berkarakter", (Ind("Jumlah kawasan tematik yang tertata", "kawasan", 2, 12),)
        ),
        GoalT(
            "Meningkatnya investasi pariwisata dan ekonomi kreatif",
            (Ind("Nilai realisasi investasi sektor pariwisata", "miliar rupiah", 120, 450),),
        ),
    ],
    "programs": [
        Prog(
            "branding-wajah-kota",
            "short",
            "Penyusunan Strategi Merek Daerah {nama}",
            "Merumuskan merek daerah, slogan dan pedoman identitas visual bersama pelaku usaha, akademisi dan "
            "komunitas kreatif.",
            "Dokumen strategi merek dan pedoman identitas visual daerah.",
            "Seluruh perangkat daerah dan mitra memakai identitas yang sama dalam promosi.",
            Ind("Pedoman identitas visual ditetapkan", "dokumen", 0, 1),
            (200, 400),
            ("apbd",),
            "{univ}\nKomunitas kreatif {nama}\nAsosiasi pelaku pariwisata",
        ),
        Prog(
            "branding-pariwisata",
            "short",
            "Kalender Event Digital {nama}",
            "Kalender event tahunan yang terbit daring dan terhubung dengan platform perjalanan dan media sosial.",
            "Kalender event daring dengan sekurang-kurangnya 24 event.",
            "Event terencana setahun penuh dan lebih banyak wisatawan dari luar daerah.",
            Ind("Jumlah event yang terbit di kalender daring", "event", 8, 24),
            (100, 250),
            ("apbd",),
            "Asosiasi perjalanan wisata\nMedia lokal",
        ),
        Prog(
            "branding-pariwisata",
            "medium",
            "Portal Pariwisata Terpadu {nama}",
            "Portal dan aplikasi wisata resmi berisi destinasi, akomodasi, kuliner, event dan pemesanan tiket, "
            "dengan data kunjungan terhubung ke tiket elektronik.",
            "Portal pariwisata terpadu dan tiket elektronik di destinasi milik daerah.",
            "Informasi wisata mudah ditemukan; data kunjungan akurat untuk perencanaan.",
            Ind("Jumlah destinasi dengan tiket elektronik", "destinasi", 0, 25),
            (800, 1800),
            ("apbd", "csr"),
            "Perbankan daerah\nPlatform perjalanan daring\nPokdarwis",
        ),
        Prog(
            "branding-bisnis",
            "medium",
            "Pendampingan Merek dan Kemasan Produk Unggulan",
            "Klinik merek dan kemasan untuk UMKM produk unggulan, fasilitasi sertifikasi halal, merek dan izin edar.",
            "UMKM terdampingi memiliki merek terdaftar dan kemasan baru.",
            "Produk unggulan naik kelas dan masuk pasar ritel modern.",
            Ind("Jumlah UMKM yang didampingi merek dan kemasan", "UMKM", 50, 600),
            (600, 1200),
            ("apbd", "csr"),
            "{univ}\nRumah Kreatif BUMN\nAsosiasi UMKM",
        ),
        Prog(
            "branding-bisnis",
            "medium",
            "Profil Investasi Digital {nama}",
            "Peta potensi dan profil proyek investasi yang siap ditawarkan, tersaji daring dalam bahasa Indonesia dan "
            "Inggris.",
            "Portal profil investasi dengan sekurang-kurangnya 20 profil proyek.",
            "Minat dan realisasi investasi meningkat.",
            Ind("Jumlah profil proyek investasi terbit", "profil", 2, 20),
            (400, 900),
            ("apbd", "apbn"),
            "Kementerian Investasi/BKPM\nKadin {daerah}",
        ),
        Prog(
            "branding-wajah-kota",
            "long",
            "Penataan Kawasan Pusat Kota Berkarakter",
            "Penataan kawasan pusat kota {ibukota} secara bertahap: trotoar, ruang terbuka, penanda informasi "
            "berkode QR dan fasad bangunan bertema.",
            "Kawasan pusat kota tertata dengan ruang publik dan penanda seragam.",
            "Wajah kota berkarakter yang menjadi tujuan kunjungan.",
            Ind("Luas kawasan pusat kota yang tertata", "hektare", 2, 40),
            (8000, 15000),
            ("apbd", "apbn", "csr"),
            "{univ}\nIkatan Arsitek Indonesia\nPelaku usaha kawasan",
        ),
        Prog(
            "branding-pariwisata",
            "long",
            "Pengembangan Desa Wisata Digital",
            "Pendampingan desa wisata dalam promosi digital, pemesanan daring, homestay dan paket wisata berbasis "
            "budaya lokal.",
            "Desa wisata dengan profil daring, paket wisata dan pembayaran nontunai.",
            "Pendapatan desa dan warga dari wisata meningkat.",
            Ind("Jumlah desa wisata mandiri", "desa", 3, 30),
            (3000, 7000),
            ("apbd", "dak", "lainnya"),
            "Pokdarwis\nBUMDes\n{univ}",
        ),
        Prog(
            "branding-pariwisata",
            "long",
            "Pengelolaan Destinasi Prioritas Berbasis Daya Dukung",
            "Sistem kuota dan pemantauan pengunjung di destinasi prioritas, disertai informasi mitigasi bencana.",
            "Sistem pemantauan pengunjung di destinasi prioritas.",
            "Kualitas lingkungan destinasi terjaga dan wisatawan aman.",
            Ind("Jumlah destinasi dengan pemantauan daya dukung", "destinasi", 0, 10),
            (2500, 6000),
            ("apbd", "kpbu"),
            "Pengelola destinasi swasta\nBPBD",
        ),
    ],
    "quick_wins": [
        QW(
            "Tiket Wisata Nontunai {nama}",
            "Tiket Wisata Nontunai di Destinasi Milik Daerah",
            "branding-pariwisata",
            "Karcis masuk destinasi masih tunai dan manual, sehingga rawan kebocoran dan data kunjungan tidak akurat.",
            "Tiket elektronik dengan pembayaran QRIS di gerbang destinasi milik daerah, terhubung ke dasbor kunjungan.",
            "Pendapatan tercatat utuh; data kunjungan harian tersedia untuk promosi dan perencanaan.",
            6,
            "Bulan 1: kerja sama dengan bank daerah; bulan 2–3: pemasangan di tiga destinasi; bulan 4–6: evaluasi "
            "dan perluasan.",
            300,
            "apbd",
            "Bank daerah\nPengelola destinasi",
            "Persentase pendapatan tiket destinasi yang tercatat nontunai mencapai 80%",
            "Sinyal lemah di destinasi; disiapkan mode luring dengan sinkronisasi berkala.",
        ),
        QW(
            "Etalase Produk {nama}",
            "Etalase Daring Produk Unggulan {nama}",
            "branding-bisnis",
            "Produk unggulan UMKM sulit ditemukan pembeli di luar daerah.",
            "Katalog daring produk unggulan yang terhubung ke lokapasar, dikurasi dan diperbarui bersama "
            "asosiasi UMKM.",
            "UMKM menjangkau pembeli baru; daerah punya etalase resmi untuk promosi.",
            6,
            "Bulan 1–2: kurasi 100 produk pertama; bulan 3: peluncuran; bulan 4–6: promosi dan penambahan produk.",
            150,
            "apbd",
            "Asosiasi UMKM\nLokapasar nasional",
            "Jumlah produk UMKM tampil di etalase daring mencapai 300",
            "Produk tidak diperbarui; admin bergilir dari asosiasi UMKM.",
            "candidate",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["economy"] = {
    "readiness": [
        Readiness(
            S,
            "alam",
            "Komoditas unggulan {komoditas} tersebar di sebagian besar kecamatan.",
            "{daerah} Dalam Angka {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Tercatat sekitar {num2} ribu UMKM, sebagian besar usaha mikro perdagangan dan olahan pangan.",
            "Pendataan KUMKM {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Semangat kewirausahaan tinggi, tetapi literasi keuangan dan digital pelaku usaha masih rendah.",
            "Survei literasi keuangan OJK",
        ),
        Readiness(S, "alam", "Lahan pertanian produktif tertekan oleh alih fungsi lahan.", "Data Distan {th0}"),
        Readiness(
            I,
            "fisik",
            "{pasar} dan pasar-pasar kecamatan menjadi simpul perdagangan utama, sebagian perlu revitalisasi.",
            "Data pasar {opd} {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Pembayaran QRIS sudah diterima di {pct}% kios pasar utama.",
            "Data Bank Indonesia perwakilan {provinsi}",
        ),
        Readiness(
            I, "sosial", "Koperasi dan BUMDes aktif menjadi wadah pemasaran hasil desa.", "Data koperasi aktif {th0}"
        ),
        Readiness(
            I, "fisik", "Sentra produksi belum didukung gudang berpendingin dan fasilitas pengolahan bersama.", ""
        ),
        Readiness(
            P, "kebijakan", "Peraturan daerah tentang pemberdayaan UMKM dan penanaman modal sudah ada.", "JDIH {daerah}"
        ),
        Readiness(
            P,
            "kelembagaan",
            "Tim Percepatan dan Perluasan Digitalisasi Daerah (TP2DD) telah dibentuk.",
            "Keputusan {kepala} tentang TP2DD",
        ),
        Readiness(P, "anggaran", "Retribusi pasar sebagian besar masih dipungut tunai.", "Laporan realisasi PAD {th0}"),
        Readiness(
            P,
            "kelembagaan",
            "Perizinan berusaha memakai OSS-RBA, tetapi pendampingan bagi usaha mikro masih terbatas.",
            "Laporan DPMPTSP {th0}",
        ),
    ],
    "gaps": [
        Gap(
            "economy-ekosistem-industri",
            "Rantai pasok {komoditas} panjang dan harga di tingkat petani rendah.",
            "Petani dan pelaku usaha terhubung langsung dengan pembeli melalui platform digital.",
            "Belum ada sistem informasi pasar dan agregator hasil produksi.",
        ),
        Gap(
            "economy-ekosistem-industri",
            "Industri kecil menengah belum terdata lengkap menurut sentra dan produk.",
            "Basis data IKM lengkap dan terbuka bagi calon mitra.",
            "Belum ada pendataan IKM terpadu.",
        ),
        Gap(
            "economy-kesejahteraan-rakyat",
            "Data penerima program pemberdayaan ekonomi tidak sinkron antarperangkat daerah.",
            "Satu data kesejahteraan yang dipakai semua program pemberdayaan.",
            "Belum ada integrasi data DTKS dengan data UMKM dan ketenagakerjaan.",
        ),
        Gap(
            "economy-kesejahteraan-rakyat",
            "Pencari kerja mengandalkan informasi lowongan dari mulut ke mulut.",
            "Bursa kerja daring mempertemukan pencari kerja dan perusahaan lokal.",
            "Belum tersedia bursa kerja daring daerah.",
        ),
        Gap(
            "economy-transaksi-keuangan",
            "Retribusi pasar dan parkir sebagian besar dipungut tunai.",
            "Seluruh pajak dan retribusi daerah dapat dibayar nontunai.",
            "Kanal pembayaran nontunai dan rekonsiliasi otomatis belum menyeluruh.",
        ),
        Gap(
            "economy-transaksi-keuangan",
            "Sebagian besar UMKM belum memiliki pencatatan keuangan.",
            "UMKM memakai pencatatan keuangan digital sehingga layak mendapat kredit.",
            "Pendampingan literasi keuangan digital belum merata.",
        ),
    ],
    "swot": [
        Swot(
            "S",
            "Komoditas unggulan {komoditas} memiliki pasar yang jelas di tingkat regional dan nasional.",
            "Data produksi {th0}",
            S,
        ),
        Swot("S", "Jumlah UMKM besar dan tersebar di seluruh kecamatan.", "Pendataan KUMKM {th0}"),
        Swot(
            "S",
            "Indeks Elektronifikasi Transaksi Pemerintah Daerah sudah berkategori digital.",
            "Hasil penilaian TP2DD {th0}",
            P,
        ),
        Swot("S", "{pasar} menjadi pusat perdagangan bagi wilayah sekitar.", "", I),
        Swot("S", "Bank daerah dan koperasi aktif menyalurkan kredit usaha rakyat.", "Data penyaluran KUR {th0}"),
        Swot("S", "Pelatihan kewirausahaan rutin diselenggarakan perangkat daerah bersama {univ}.", ""),
        Swot("W", "Akses UMKM ke pemasaran digital dan permodalan formal masih rendah.", "Survei pelaku UMKM {th0}"),
        Swot("W", "Nilai tambah pengolahan komoditas lokal rendah; sebagian besar dijual sebagai bahan mentah.", "", S),
        Swot("W", "Data UMKM dan IKM tidak terpadu dan jarang dimutakhirkan.", ""),
        Swot("W", "Tingkat pengangguran terbuka masih di atas rata-rata provinsi.", "BPS, Sakernas {th0}"),
        Swot("W", "Pasar tradisional kurang tertata dan kumuh.", "", I),
        Swot("W", "Pemungutan retribusi secara tunai rawan kebocoran.", "Laporan hasil pemeriksaan {th0}"),
        Swot("O", "Program nasional digitalisasi UMKM dan Gerakan Nasional Bangga Buatan Indonesia.", ""),
        Swot("O", "Perluasan QRIS dan kanal pembayaran digital oleh Bank Indonesia dan perbankan.", ""),
        Swot("O", "Permintaan pasar ekspor untuk produk olahan berbasis {komoditas}.", ""),
        Swot("O", "Dana desa dan BUMDes dapat diarahkan untuk usaha produktif berbasis digital.", ""),
        Swot("O", "Minat investor pada agroindustri dan kawasan industri di {provinsi}.", ""),
        Swot("O", "Platform lokapasar dan logistik daring menjangkau hingga perdesaan.", ""),
        Swot("T", "Persaingan dengan produk impor dan produk daerah lain di lokapasar.", ""),
        Swot("T", "Fluktuasi harga komoditas dan inflasi bahan pangan.", "Data Tim Pengendalian Inflasi Daerah {th0}"),
        Swot("T", "Penipuan daring dan pinjaman daring ilegal yang menyasar pelaku usaha mikro.", ""),
        Swot("T", "Perubahan iklim yang mengganggu produksi pertanian.", "", S),
        Swot("T", "Ketergantungan pada pembeli besar dari luar daerah.", ""),
        Swot("T", "Migrasi tenaga kerja muda ke kota besar.", ""),
    ],
    "strategies": [
        Strat("SO", "Membangun ekosistem pemasaran digital untuk {komoditas} dan produk UMKM."),
        Strat("SO", "Memperluas elektronifikasi pajak dan retribusi daerah bersama bank daerah."),
        Strat("WO", "Memadukan data UMKM, IKM dan penerima bantuan dalam satu basis data ekonomi daerah."),
        Strat("WO", "Meningkatkan literasi digital dan keuangan UMKM melalui klinik usaha bersama {univ}."),
        Strat("ST", "Memperkuat sistem informasi harga dan stok pangan untuk pengendalian inflasi daerah."),
        Strat("ST", "Melindungi pelaku usaha dari penipuan daring melalui edukasi dan kanal pengaduan."),
        Strat("WT", "Merevitalisasi pasar tradisional dengan pembayaran nontunai dan tata kelola kios digital."),
        Strat("WT", "Menyediakan bursa kerja daring dan pelatihan vokasi sesuai kebutuhan industri."),
    ],
    "goals": [
        GoalT(
            "Meningkatnya daya saing UMKM melalui pemanfaatan teknologi digital",
            (
                Ind("Persentase UMKM yang memasarkan produk secara daring", "%", 18, 60),
                Ind("Jumlah UMKM yang menerima pembayaran QRIS", "unit", 8000, 40000),
            ),
        ),
        GoalT(
            "Meningkatnya transaksi nontunai pemerintah daerah",
            (Ind("Indeks Elektronifikasi Transaksi Pemerintah Daerah", "%", 78, 95),),
        ),
        GoalT("Meningkatnya kesempatan kerja", (Ind("Tingkat pengangguran terbuka", "%", 8.5, 5.5),)),
        GoalT("Terkendalinya harga bahan pokok", (Ind("Inflasi tahunan daerah", "%", 3.8, 2.5),)),
    ],
    "programs": [
        Prog(
            "economy-ekosistem-industri",
            "short",
            "Pendataan Digital UMKM dan IKM {nama}",
            "Pendataan seluruh UMKM dan IKM dengan aplikasi bergerak oleh pendamping desa, menjadi basis data "
            "tunggal program pemberdayaan.",
            "Basis data UMKM dan IKM terverifikasi.",
            "Program pemberdayaan tepat sasaran.",
            Ind("Jumlah UMKM terdata dan terverifikasi", "unit", 5000, 60000),
            (300, 600),
            ("apbd",),
            "Pendamping desa\n{univ}",
        ),
        Prog(
            "economy-transaksi-keuangan",
            "short",
            "Elektronifikasi Retribusi Pasar",
            "Pembayaran retribusi kios dan los pasar dengan QRIS dan kartu, terhubung ke sistem pendapatan daerah.",
            "Seluruh kios pasar milik daerah membayar retribusi nontunai.",
            "Pendapatan retribusi naik dan kebocoran berkurang.",
            Ind("Persentase retribusi pasar yang dibayar nontunai", "%", 10, 90),
            (200, 450),
            ("apbd",),
            "Bank daerah\nBank Indonesia",
        ),
        Prog(
            "economy-ekosistem-industri",
            "medium",
            "Pasar Digital Produk Unggulan {nama}",
            "Platform agregator yang menghubungkan petani, IKM dan UMKM dengan pembeli besar, hotel, restoran dan "
            "lokapasar.",
            "Platform pasar digital dan agregator di setiap sentra.",
            "Harga di tingkat produsen naik dan rantai pasok lebih pendek.",
            Ind("Nilai transaksi melalui pasar digital", "miliar rupiah", 0, 75),
            (1500, 3000),
            ("apbd", "csr"),
            "Lokapasar nasional\nKoperasi dan BUMDes\nKadin {daerah}",
        ),
        Prog(
            "economy-kesejahteraan-rakyat",
            "medium",
            "Klinik Usaha Digital UMKM",
            "Pendampingan pemasaran digital, pencatatan keuangan dan akses pembiayaan bagi UMKM di setiap kecamatan.",
            "Klinik usaha aktif di setiap kecamatan.",
            "UMKM naik kelas dan mendapat akses kredit formal.",
            Ind("Jumlah UMKM yang lulus pendampingan", "UMKM", 200, 3000),
            (900, 2000),
            ("apbd", "apbn", "csr"),
            "{univ}\nPerbankan\nAsosiasi UMKM",
        ),
        Prog(
            "economy-kesejahteraan-rakyat",
            "medium",
            "Bursa Kerja Daring {nama}",
            "Layanan daring yang mempertemukan pencari kerja, lembaga pelatihan dan perusahaan lokal, dengan kartu "
            "pencari kerja elektronik.",
            "Bursa kerja daring dan kartu pencari kerja elektronik.",
            "Waktu tunggu mendapatkan pekerjaan lebih singkat.",
            Ind("Jumlah pencari kerja yang ditempatkan melalui bursa daring", "orang", 300, 5000),
            (700, 1500),
            ("apbd",),
            "Perusahaan di {daerah}\nBalai Latihan Kerja",
        ),
        Prog(
            "economy-transaksi-keuangan",
            "long",
            "Revitalisasi Pasar Tradisional Berbasis Digital",
            "Revitalisasi fisik pasar disertai sistem pengelolaan kios, pembayaran nontunai dan informasi harga.",
            "Pasar tradisional direvitalisasi dengan sistem kios digital.",
            "Pasar bersih, tertib dan ramai pengunjung.",
            Ind("Jumlah pasar yang direvitalisasi", "pasar", 0, 8),
            (15000, 30000),
            ("apbd", "dak", "apbn"),
            "Kementerian Perdagangan\nPaguyuban pedagang",
        ),
        Prog(
            "economy-ekosistem-industri",
            "long",
            "Kawasan Agroindustri Terpadu {nama}",
            "Kawasan pengolahan hasil pertanian dengan gudang berpendingin, rumah kemasan dan sistem ketertelusuran "
            "produk.",
            "Kawasan agroindustri beroperasi.",
            "Nilai tambah komoditas lokal tinggal di daerah.",
            Ind("Nilai produksi olahan di kawasan agroindustri", "miliar rupiah", 0, 150),
            (20000, 45000),
            ("apbd", "apbn", "kpbu", "swasta"),
            "Investor swasta\n{univ}\nKoperasi petani",
        ),
        Prog(
            "economy-ekosistem-industri",
            "long",
            "Sistem Informasi Harga dan Rantai Pasok Pangan",
            "Pemantauan harga dan stok pangan harian di pasar, distributor dan gudang untuk pengendalian inflasi.",
            "Dasbor harga dan stok pangan harian.",
            "Inflasi pangan terkendali.",
            Ind("Jumlah titik pantau harga harian", "titik", 5, 60),
            (1200, 2500),
            ("apbd",),
            "Bank Indonesia\nBPS kabupaten\nBulog",
        ),
    ],
    "quick_wins": [
        QW(
            "QRIS Pasar Rakyat {nama}",
            "QRIS Pasar Rakyat: Retribusi dan Belanja Nontunai di {pasar}",
            "economy-transaksi-keuangan",
            "Retribusi pasar dipungut tunai oleh petugas, sering tidak sesuai karcis, dan pedagang belum menerima "
            "pembayaran digital.",
            "Setiap kios memiliki QRIS untuk retribusi dan belanja; petugas pasar memantau pembayaran dari aplikasi.",
            "Pendapatan retribusi naik; pedagang menjangkau pembeli muda yang membawa sedikit uang tunai.",
            6,
            "Bulan 1: pendataan kios; bulan 2–3: pemasangan QRIS dan pelatihan; bulan 4–6: penerapan penuh dan "
            "evaluasi.",
            250,
            "apbd",
            "Bank Indonesia\nBank daerah\nPaguyuban pedagang",
            "Persentase kios yang membayar retribusi nontunai mencapai 80%",
            "Pedagang lansia enggan beralih; disiapkan pendamping pasar.",
        ),
        QW(
            "Info Harga Pangan {nama}",
            "Info Harga Pangan Harian {nama}",
            "economy-ekosistem-industri",
            "Warga dan pedagang tidak tahu harga wajar bahan pokok; lonjakan harga terlambat diketahui.",
            "Petugas pasar mencatat harga harian melalui aplikasi; harga tampil di papan digital pasar dan situs web.",
            "Harga lebih transparan dan lonjakan cepat ditangani Tim Pengendalian Inflasi Daerah.",
            6,
            "Bulan 1–2: penyiapan aplikasi; bulan 3: pelatihan petugas; bulan 4–6: peluncuran dan evaluasi.",
            120,
            "apbd",
            "Bank Indonesia\nBPS kabupaten",
            "Harga 20 komoditas pokok diperbarui setiap hari di 5 pasar",
            "Petugas tidak disiplin mencatat; dipantau melalui dasbor harian.",
            "candidate",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["living"] = {
    "readiness": [
        Readiness(
            S,
            "alam",
            "Wilayah {daerah} dilalui {sungai}; sebagian permukiman berada di bantaran sungai dan "
            "kawasan rawan {bencana}.",
            "Kajian Risiko Bencana {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Kesadaran hidup bersih dan sehat meningkat, tetapi angka stunting masih perlu diturunkan.",
            "Survei Kesehatan Indonesia {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Jumlah penduduk {penduduk} dengan pertumbuhan tertinggi di kawasan perkotaan.",
            "Data Disdukcapil {th0}",
        ),
        Readiness(
            S,
            "alam",
            "Curah hujan tinggi menyebabkan genangan di ruas jalan utama pada musim hujan.",
            "Data BMKG {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "Fasilitas kesehatan terdiri atas {rsud}, {num} puskesmas dan jaringan puskesmas pembantu.",
            "Profil Kesehatan {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Puskesmas telah memakai rekam medis elektronik, tetapi belum seluruhnya terhubung ke SATUSEHAT.",
            "Laporan {opd} {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "Angkutan umum terbatas; simpul kemacetan di ruas menuju {ibukota} dan {pasar}.",
            "Kajian lalu lintas {th0}",
        ),
        Readiness(
            I,
            "sosial",
            "Kader posyandu aktif di seluruh desa menjadi ujung tombak layanan kesehatan dasar.",
            "Data posyandu {th0}",
        ),
        Readiness(
            P,
            "kebijakan",
            "RTRW sudah ditetapkan; rencana detail tata ruang baru tersedia untuk sebagian kawasan.",
            "Perda RTRW {daerah}",
        ),
        Readiness(
            P,
            "kelembagaan",
            "Tim Percepatan Penurunan Stunting dibentuk hingga tingkat desa.",
            "Keputusan {kepala} tentang TPPS",
        ),
        Readiness(
            P,
            "anggaran",
            "Anggaran kesehatan memenuhi belanja wajib, tetapi belanja sistem informasi kesehatan kecil.",
            "APBD {th0}",
        ),
        Readiness(P, "kebijakan", "Persetujuan bangunan gedung memakai aplikasi SIMBG dari pemerintah pusat.", ""),
    ],
    "gaps": [
        Gap(
            "living-tata-ruang",
            "Informasi tata ruang hanya tersedia dalam dokumen cetak dan peta statis.",
            "Peta tata ruang interaktif yang dapat diakses warga dan investor.",
            "Belum ada sistem informasi tata ruang daring dan RDTR digital.",
        ),
        Gap(
            "living-tata-ruang",
            "Pelanggaran pemanfaatan ruang diketahui setelah bangunan berdiri.",
            "Pemanfaatan ruang terpantau dengan citra satelit dan laporan warga.",
            "Belum ada sistem pemantauan dan pengendalian pemanfaatan ruang.",
        ),
        Gap(
            "living-kesehatan",
            "Pendaftaran berobat di puskesmas dan RSUD mengantre sejak pagi.",
            "Pendaftaran daring dan antrean terjadwal di semua fasilitas kesehatan daerah.",
            "Antrean daring baru tersedia di {rsud}.",
        ),
        Gap(
            "living-kesehatan",
            "Data gizi balita dicatat manual oleh kader posyandu.",
            "Data gizi balita tercatat digital dan langsung dipakai untuk intervensi.",
            "Kader belum dibekali aplikasi dan pelatihan pencatatan digital.",
        ),
        Gap(
            "living-transportasi",
            "Jadwal dan rute angkutan umum tidak tersedia daring.",
            "Informasi angkutan umum waktu nyata di aplikasi.",
            "Armada belum dilengkapi GPS dan sistem informasi.",
        ),
        Gap(
            "living-transportasi",
            "Lampu lalu lintas di persimpangan padat diatur dengan waktu tetap.",
            "Lampu lalu lintas adaptif terhubung pusat kendali.",
            "Belum ada ATCS dan kamera pemantau di persimpangan utama.",
        ),
    ],
    "swot": [
        Swot("S", "Seluruh puskesmas telah memakai rekam medis elektronik.", "Laporan Dinkes {th0}", I),
        Swot("S", "{rsud} memiliki pendaftaran daring dan informasi ketersediaan tempat tidur.", ""),
        Swot("S", "Kader kesehatan dan posyandu aktif di seluruh desa.", "Data posyandu {th0}", S),
        Swot("S", "Dokumen RTRW menjadi acuan pembangunan yang jelas.", "Perda RTRW {daerah}", P),
        Swot("S", "Jaringan jalan kabupaten dalam kondisi mantap sekitar {pct}%.", "Data kondisi jalan {th0}"),
        Swot("S", "Sanitasi total berbasis masyarakat berjalan di banyak desa.", ""),
        Swot("W", "Sistem informasi kesehatan belum terintegrasi antara puskesmas, RSUD dan dinas.", ""),
        Swot("W", "Angkutan umum kurang diminati dan armadanya tua.", "Kajian angkutan umum {th0}", I),
        Swot("W", "RDTR digital belum tersedia untuk kawasan yang tumbuh pesat.", ""),
        Swot("W", "Prevalensi stunting masih di atas target nasional.", "Survei Kesehatan Indonesia {th0}"),
        Swot("W", "Data lalu lintas minim sehingga rekayasa lalu lintas belum berbasis data.", ""),
        Swot("W", "Cakupan air minum perpipaan belum merata.", "Data {bumd} {th0}", I),
        Swot("O", "Platform SATUSEHAT Kementerian Kesehatan untuk integrasi data kesehatan nasional.", ""),
        Swot("O", "Program nasional percepatan penurunan stunting dan dukungan dana pusat.", ""),
        Swot("O", "Teknologi GPS dan aplikasi transportasi daring sudah akrab bagi warga.", ""),
        Swot("O", "RDTR interaktif dan integrasi OSS dari Kementerian ATR/BPN.", ""),
        Swot("O", "Perguruan tinggi kesehatan siap mendukung riset dan pengabdian masyarakat.", ""),
        Swot("O", "Skema KPBU untuk infrastruktur layanan publik.", "", P),
        Swot("T", "Risiko {bencana} yang mengancam permukiman dan fasilitas umum.", "Kajian Risiko Bencana {th0}", S),
        Swot("T", "Penyakit menular dan wabah baru.", ""),
        Swot("T", "Kendaraan pribadi bertambah jauh lebih cepat daripada pertambahan jalan.", "Data Samsat {th0}"),
        Swot("T", "Alih fungsi lahan pertanian menjadi permukiman yang tidak terkendali.", ""),
        Swot("T", "Risiko kebocoran data kesehatan pribadi dalam sistem digital.", ""),
        Swot("T", "Kekurangan tenaga kesehatan di wilayah terpencil.", "Data SDM kesehatan {th0}"),
    ],
    "strategies": [
        Strat("SO", "Mengintegrasikan rekam medis elektronik puskesmas dan RSUD dengan SATUSEHAT."),
        Strat("SO", "Menggerakkan kader posyandu dengan aplikasi digital untuk percepatan penurunan stunting."),
        Strat("WO", "Mengembangkan RDTR interaktif dan sistem informasi tata ruang bersama Kementerian ATR/BPN."),
        Strat("WO", "Menghidupkan angkutan umum dengan informasi rute dan jadwal waktu nyata."),
        Strat("ST", "Menyiapkan peringatan dini dan informasi jalur evakuasi di kawasan rawan {bencana}."),
        Strat("ST", "Menerapkan standar keamanan data kesehatan dan hak akses berjenjang."),
        Strat("WT", "Membangun ATCS di persimpangan padat untuk mengurai kemacetan."),
        Strat("WT", "Menjangkau wilayah terpencil dengan telemedisin puskesmas."),
    ],
    "goals": [
        GoalT(
            "Meningkatnya akses dan mutu layanan kesehatan",
            (
                Ind("Persentase fasilitas kesehatan daerah terhubung SATUSEHAT", "%", 30, 100),
                Ind("Prevalensi stunting", "%", 24, 14),
            ),
        ),
        GoalT(
            "Meningkatnya kelancaran dan keselamatan transportasi",
            (Ind("Kecepatan rata-rata di ruas jalan utama pada jam sibuk", "km/jam", 18, 30),),
        ),
        GoalT(
            "Tertibnya pemanfaatan ruang",
            (Ind("Persentase kawasan perkotaan yang memiliki RDTR digital", "%", 20, 100),),
        ),
        GoalT(
            "Meningkatnya kualitas permukiman",
            (Ind("Persentase rumah tangga dengan akses air minum layak", "%", 72, 95),),
        ),
    ],
    "programs": [
        Prog(
            "living-kesehatan",
            "short",
            "Antrean Daring Puskesmas dan RSUD",
            "Pendaftaran dan antrean daring melalui aplikasi dan WhatsApp untuk seluruh puskesmas dan {rsud}.",
            "Antrean daring aktif di seluruh fasilitas kesehatan daerah.",
            "Waktu tunggu pasien berkurang.",
            Ind("Rata-rata waktu tunggu pendaftaran", "menit", 60, 15),
            (300, 600),
            ("apbd",),
            "BPJS Kesehatan\nPenyedia aplikasi lokal",
        ),
        Prog(
            "living-transportasi",
            "short",
            "Pemetaan Titik Rawan Kemacetan dan Kecelakaan",
            "Pengumpulan data lalu lintas dengan penghitung otomatis dan laporan warga untuk menyusun prioritas "
            "rekayasa lalu lintas.",
            "Peta titik rawan kemacetan dan kecelakaan.",
            "Rekayasa lalu lintas tepat sasaran.",
            Ind("Jumlah ruas jalan dengan data lalu lintas", "ruas", 5, 40),
            (150, 350),
            ("apbd",),
            "Satlantas Polres\n{univ}",
        ),
        Prog(
            "living-kesehatan",
            "medium",
            "Integrasi Sistem Informasi Kesehatan Daerah dengan SATUSEHAT",
            "Menghubungkan rekam medis elektronik puskesmas, {rsud} dan klinik swasta ke SATUSEHAT serta dasbor "
            "kesehatan daerah.",
            "Seluruh fasilitas kesehatan daerah terhubung SATUSEHAT.",
            "Riwayat kesehatan pasien utuh dan kebijakan kesehatan berbasis data.",
            Ind("Persentase fasilitas kesehatan terhubung SATUSEHAT", "%", 30, 100),
            (1500, 3200),
            ("apbd", "dak"),
            "Kementerian Kesehatan\nKlinik dan rumah sakit swasta",
        ),
        Prog(
            "living-tata-ruang",
            "medium",
            "RDTR Interaktif {nama}",
            "Penyusunan dan digitalisasi RDTR kawasan perkotaan yang terhubung OSS dan dapat diakses daring.",
            "RDTR digital untuk kawasan perkotaan prioritas.",
            "Kepastian ruang bagi investor dan warga.",
            Ind("Jumlah RDTR digital yang terhubung OSS", "RDTR", 1, 8),
            (2500, 5000),
            ("apbd", "apbn"),
            "Kementerian ATR/BPN\n{univ}",
        ),
        Prog(
            "living-kesehatan",
            "medium",
            "Telemedisin Puskesmas Wilayah Terpencil",
            "Konsultasi jarak jauh antara puskesmas terpencil dan dokter spesialis {rsud}, dengan perangkat "
            "pemeriksaan dasar.",
            "Layanan telemedisin di puskesmas wilayah terpencil.",
            "Rujukan yang tidak perlu berkurang dan pasien tertangani lebih cepat.",
            Ind("Jumlah puskesmas dengan layanan telemedisin", "puskesmas", 0, 15),
            (1000, 2200),
            ("apbd", "dak"),
            "Organisasi profesi dokter\n{univ}",
        ),
        Prog(
            "living-tata-ruang",
            "medium",
            "Sistem Informasi Sanitasi dan Air Limbah Domestik",
            "Pendataan dan pemantauan tangki septik, IPAL komunal dan layanan sedot tinja terjadwal, terhubung ke "
            "peta permukiman.",
            "Basis data sanitasi rumah tangga dan layanan lumpur tinja terjadwal.",
            "Pencemaran air tanah dan {sungai} oleh limbah domestik berkurang.",
            Ind("Persentase rumah tangga dengan akses sanitasi aman", "%", 8, 30),
            (900, 2000),
            ("apbd", "dak"),
            "{bumd}\nKelompok Swadaya Masyarakat sanitasi",
        ),
        Prog(
            "living-transportasi",
            "long",
            "Area Traffic Control System (ATCS) {nama}",
            "Lampu lalu lintas adaptif dan kamera pemantau di persimpangan utama yang terhubung ke pusat kendali.",
            "ATCS di persimpangan utama.",
            "Waktu tempuh pada jam sibuk lebih singkat.",
            Ind("Jumlah persimpangan terhubung ATCS", "simpang", 0, 30),
            (9000, 18000),
            ("apbd", "apbn"),
            "Kementerian Perhubungan\nSatlantas Polres",
        ),
        Prog(
            "living-transportasi",
            "long",
            "Angkutan Umum Terintegrasi Berbasis Aplikasi",
            "Penataan trayek, armada ber-GPS, pembayaran nontunai dan informasi kedatangan waktu nyata.",
            "Layanan angkutan umum terintegrasi dengan informasi waktu nyata.",
            "Penggunaan angkutan umum meningkat dan kemacetan berkurang.",
            Ind("Jumlah penumpang angkutan umum per hari", "penumpang", 2000, 15000),
            (12000, 30000),
            ("apbd", "apbn", "kpbu"),
            "Operator angkutan umum\nKoperasi angkutan",
        ),
        Prog(
            "living-tata-ruang",
            "long",
            "Sistem Informasi Pengendalian Pemanfaatan Ruang",
            "Pemantauan perubahan pemanfaatan ruang dengan citra satelit, laporan warga dan data perizinan.",
            "Sistem pemantauan pemanfaatan ruang.",
            "Pelanggaran ruang terdeteksi dini.",
            Ind("Persentase pelanggaran ruang yang ditindaklanjuti", "%", 20, 90),
            (3000, 6000),
            ("apbd",),
            "Kementerian ATR/BPN\nBIG",
        ),
    ],
    "quick_wins": [
        QW(
            "Posyandu Digital {nama}",
            "Posyandu Digital untuk Percepatan Penurunan Stunting",
            "living-kesehatan",
            "Data tumbuh kembang balita dicatat di buku kader dan terlambat sampai ke puskesmas, sehingga balita "
            "berisiko stunting terlambat ditangani.",
            "Kader mencatat penimbangan di aplikasi; balita berisiko langsung tampil di dasbor puskesmas dan desa.",
            "Intervensi gizi lebih cepat dan tepat sasaran.",
            9,
            "Bulan 1–2: aplikasi dan pelatihan kader; bulan 3–5: uji coba di desa lokus stunting; bulan 6–9: "
            "perluasan.",
            450,
            "apbd",
            "TP PKK\nPuskesmas\n{univ}",
            "Persentase posyandu yang melaporkan data secara digital mencapai 90%",
            "Kader kurang terbiasa dengan ponsel pintar; didampingi bidan desa.",
        ),
        QW(
            "Antre Sehat {nama}",
            "Antre Sehat: Antrean Daring Puskesmas",
            "living-kesehatan",
            "Pasien datang sejak subuh untuk mendapat nomor antrean.",
            "Pengambilan nomor antrean melalui WhatsApp dan situs web, dengan perkiraan jam layanan.",
            "Waktu tunggu turun dan ruang tunggu tidak penuh sesak.",
            6,
            "Bulan 1–2: penyiapan sistem; bulan 3: uji coba di lima puskesmas; bulan 4–6: seluruh puskesmas.",
            200,
            "apbd",
            "BPJS Kesehatan",
            "Rata-rata waktu tunggu di puskesmas turun dari 60 menjadi 20 menit",
            "Pasien lansia tidak memakai ponsel; tetap disediakan loket antrean.",
            "candidate",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["society"] = {
    "readiness": [
        Readiness(
            S, "budaya", "Tradisi gotong royong dan organisasi kemasyarakatan kuat di tingkat RT/RW dan desa.", ""
        ),
        Readiness(
            S,
            "budaya",
            "Angka partisipasi sekolah menengah masih di bawah rata-rata provinsi.",
            "Data Pokok Pendidikan {th0}",
        ),
        Readiness(
            S,
            "alam",
            "Sebagian desa berada di wilayah terpencil dengan akses transportasi dan sinyal terbatas.",
            "Data desa tanpa sinyal {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Generasi muda cepat mengadopsi media sosial, tetapi literasi digital kritis masih rendah.",
            "Indeks Masyarakat Digital Indonesia {th0}",
        ),
        Readiness(
            I,
            "tik",
            "Sebagian besar sekolah negeri sudah terhubung internet; perangkat belajar digital belum merata.",
            "Dapodik {th0}",
        ),
        Readiness(I, "fisik", "Perpustakaan daerah dan pojok baca desa tersedia, tetapi koleksi digital terbatas.", ""),
        Readiness(I, "sosial", "Karang taruna, relawan TIK dan pegiat literasi aktif di {num} desa.", ""),
        Readiness(
            I,
            "tik",
            "CCTV di ruang publik masih sedikit dan belum terhubung ke pusat kendali.",
            "Inventaris {opd} {th0}",
        ),
        Readiness(
            P,
            "kebijakan",
            "Peraturan daerah tentang ketenteraman dan ketertiban umum serta penanggulangan bencana sudah tersedia.",
            "JDIH {daerah}",
        ),
        Readiness(P, "kelembagaan", "Forkopimda dan relawan tangguh bencana aktif.", ""),
        Readiness(
            P,
            "anggaran",
            "Anggaran pendidikan memenuhi 20% APBD, tetapi porsi digitalisasi pembelajaran kecil.",
            "APBD {th0}",
        ),
        Readiness(
            P,
            "kelembagaan",
            "Layanan darurat 112 belum tersedia; laporan kedaruratan diterima melalui banyak nomor telepon.",
            "",
        ),
    ],
    "gaps": [
        Gap(
            "society-komunitas",
            "Aspirasi dan kegiatan komunitas tidak terdokumentasi dan sulit dijangkau pemerintah.",
            "Ruang kolaborasi daring dan luring antara pemerintah dan komunitas.",
            "Belum ada wadah kolaborasi komunitas yang difasilitasi daerah.",
        ),
        Gap(
            "society-komunitas",
            "Bantuan sosial disalurkan berdasarkan data yang tidak mutakhir.",
            "Data penerima bantuan dimutakhirkan berkala dengan partisipasi desa.",
            "Belum ada pemutakhiran DTKS berbasis aplikasi di desa.",
        ),
        Gap(
            "society-ekosistem-belajar",
            "Guru belum terbiasa memakai platform pembelajaran digital.",
            "Guru memakai platform digital dalam pembelajaran sehari-hari.",
            "Pelatihan dan pendampingan guru di sekolah belum berkelanjutan.",
        ),
        Gap(
            "society-ekosistem-belajar",
            "Koleksi perpustakaan hanya dapat dipinjam di gedung perpustakaan.",
            "Perpustakaan digital yang dapat diakses dari desa dan sekolah.",
            "Belum ada perpustakaan digital dan kerja sama konten.",
        ),
        Gap(
            "society-keamanan",
            "Laporan darurat diterima melalui berbagai nomor yang tidak terhubung.",
            "Layanan darurat 112 terpadu yang menghubungkan pemadam kebakaran, ambulans, BPBD dan kepolisian.",
            "Belum ada pusat panggilan darurat terpadu.",
        ),
        Gap(
            "society-keamanan",
            "Peringatan dini bencana terlambat sampai ke warga.",
            "Peringatan dini sampai ke warga dalam hitungan menit melalui berbagai kanal.",
            "Belum ada sistem peringatan dini berbasis pesan singkat dan sirene terhubung.",
        ),
    ],
    "swot": [
        Swot("S", "Budaya gotong royong dan organisasi kemasyarakatan yang kuat.", "", S),
        Swot("S", "Relawan TIK dan komunitas literasi aktif di berbagai kecamatan.", "Data komunitas {th0}"),
        Swot("S", "Satpol PP, BPBD dan relawan tangguh bencana siaga di wilayah rawan.", ""),
        Swot("S", "Sekolah sudah memakai Dapodik dan rapor digital.", "Dapodik {th0}", I),
        Swot("S", "Perpustakaan daerah memiliki layanan literasi keliling ke desa.", ""),
        Swot("S", "Forum Kerukunan Umat Beragama aktif menjaga harmoni sosial.", ""),
        Swot(
            "W",
            "Literasi digital rendah, terutama di kalangan lansia dan warga desa.",
            "Indeks Masyarakat Digital Indonesia {th0}",
            S,
        ),
        Swot("W", "Layanan kedaruratan belum terintegrasi dalam satu nomor.", ""),
        Swot("W", "Sarana belajar digital di sekolah belum merata.", "Dapodik {th0}", I),
        Swot("W", "Data penerima bantuan sosial kurang akurat.", "Hasil verifikasi DTKS {th0}"),
        Swot("W", "Partisipasi perempuan dan penyandang disabilitas dalam forum warga masih rendah.", ""),
        Swot("W", "CCTV ruang publik terbatas dan belum terpantau terpusat.", ""),
        Swot("O", "Gerakan Nasional Literasi Digital dari Kemenkominfo dan Siberkreasi.", ""),
        Swot("O", "Platform pembelajaran nasional dari Kemendikbudristek.", ""),
        Swot("O", "Layanan darurat 112 yang difasilitasi Kemenkominfo.", "", P),
        Swot("O", "Kerja sama dengan {univ} untuk KKN tematik literasi digital.", ""),
        Swot("O", "Komunitas daring dan media lokal siap menjadi mitra penyebar informasi.", ""),
        Swot("O", "Dukungan CSR untuk sarana belajar dan ruang publik.", ""),
        Swot("T", "Penyebaran hoaks dan ujaran kebencian di media sosial.", "Data aduan konten {th0}"),
        Swot("T", "Kejahatan siber seperti penipuan dan judi daring yang menyasar warga.", ""),
        Swot("T", "Risiko {bencana} yang dapat memutus layanan dasar.", "Kajian Risiko Bencana {th0}", S),
        Swot("T", "Kesenjangan mutu pendidikan antarwilayah.", "Rapor Pendidikan {th0}"),
        Swot("T", "Perundungan dan kenakalan remaja.", ""),
        Swot("T", "Konflik sosial yang dipicu informasi tidak benar.", ""),
    ],
    "strategies": [
        Strat("SO", "Menggerakkan relawan TIK dan komunitas untuk literasi digital sampai ke desa."),
        Strat("SO", "Memanfaatkan platform pembelajaran nasional untuk meningkatkan mutu pembelajaran."),
        Strat("WO", "Menghadirkan layanan darurat 112 terpadu bersama Kemenkominfo."),
        Strat("WO", "Memutakhirkan data kesejahteraan sosial bersama desa melalui aplikasi."),
        Strat("ST", "Membentuk tim penanganan hoaks dan kanal klarifikasi resmi daerah."),
        Strat("ST", "Memperkuat kesiapsiagaan bencana berbasis komunitas dengan peringatan dini."),
        Strat("WT", "Memperluas CCTV ruang publik yang terhubung pusat kendali di titik rawan."),
        Strat("WT", "Menyediakan perpustakaan digital dan pojok baca desa untuk wilayah terpencil."),
    ],
    "goals": [
        GoalT("Meningkatnya literasi digital masyarakat", (Ind("Indeks Masyarakat Digital", "indeks", 42, 60),)),
        GoalT(
            "Meningkatnya rasa aman masyarakat",
            (
                Ind("Waktu tanggap rata-rata kejadian darurat", "menit", 45, 15),
                Ind("Jumlah CCTV ruang publik terpantau terpusat", "titik", 20, 300),
            ),
        ),
        GoalT(
            "Meningkatnya mutu ekosistem belajar",
            (Ind("Persentase guru yang memakai platform pembelajaran digital", "%", 35, 90),),
        ),
        GoalT(
            "Meningkatnya ketepatan sasaran bantuan sosial",
            (Ind("Persentase data DTKS yang dimutakhirkan", "%", 55, 98),),
        ),
    ],
    "programs": [
        Prog(
            "society-komunitas",
            "short",
            "Gerakan Literasi Digital Desa",
            "Kelas literasi digital (keamanan akun, cek fakta, layanan daring) di balai desa oleh relawan TIK dan "
            "mahasiswa KKN.",
            "Kelas literasi digital di seluruh kecamatan.",
            "Warga lebih aman dan cakap memakai layanan daring.",
            Ind("Jumlah warga yang mengikuti kelas literasi digital", "orang", 500, 10000),
            (150, 350),
            ("apbd",),
            "Relawan TIK\n{univ}\nSiberkreasi",
        ),
        Prog(
            "society-komunitas",
            "short",
            "Kanal Klarifikasi Hoaks {nama}",
            "Kanal resmi klarifikasi isu dan hoaks di media sosial dan WhatsApp, dikelola bersama media lokal.",
            "Kanal klarifikasi aktif dengan prosedur respons.",
            "Hoaks lokal cepat diluruskan.",
            Ind("Rata-rata waktu klarifikasi isu", "jam", 48, 6),
            (100, 200),
            ("apbd",),
            "Media lokal\nMafindo",
        ),
        Prog(
            "society-keamanan",
            "medium",
            "Layanan Darurat 112 {nama}",
            "Pusat panggilan darurat 112 yang menghubungkan pemadam kebakaran, ambulans, BPBD, Satpol PP "
            "dan kepolisian.",
            "Pusat panggilan 112 beroperasi 24 jam.",
            "Kejadian darurat tertangani lebih cepat.",
            Ind("Waktu tanggap rata-rata panggilan darurat", "menit", 45, 15),
            (1800, 3500),
            ("apbd",),
            "Kemenkominfo\nKepolisian\nRumah sakit",
        ),
        Prog(
            "society-ekosistem-belajar",
            "medium",
            "Perpustakaan Digital {nama}",
            "Perpustakaan digital dengan aplikasi baca, koleksi buku lokal dan pojok baca digital di desa.",
            "Aplikasi perpustakaan digital dan pojok baca desa.",
            "Minat baca dan akses bahan bacaan meningkat.",
            Ind("Jumlah anggota aktif perpustakaan digital", "orang", 1000, 25000),
            (700, 1500),
            ("apbd", "dak"),
            "Perpustakaan Nasional\nPenerbit lokal",
        ),
        Prog(
            "society-ekosistem-belajar",
            "medium",
            "Pelatihan Guru Pembelajaran Digital",
            "Komunitas belajar guru di setiap kecamatan untuk memakai platform pembelajaran digital.",
            "Komunitas belajar guru aktif.",
            "Mutu pembelajaran meningkat.",
            Ind("Persentase guru terlatih pembelajaran digital", "%", 30, 90),
            (800, 1600),
            ("apbd", "apbn"),
            "Balai Guru Penggerak\n{univ}",
        ),
        Prog(
            "society-keamanan",
            "long",
            "Sistem Peringatan Dini Bencana Terpadu",
            "Sensor curah hujan dan tinggi muka air, sirene dan pesan berantai yang menjangkau warga di kawasan "
            "rawan {bencana}.",
            "Sistem peringatan dini di kawasan rawan.",
            "Korban dan kerugian akibat bencana berkurang.",
            Ind("Jumlah desa rawan yang terjangkau peringatan dini", "desa", 5, 80),
            (6000, 12000),
            ("apbd", "apbn", "csr"),
            "BNPB\nBMKG\nRelawan tangguh bencana",
        ),
        Prog(
            "society-ekosistem-belajar",
            "long",
            "Sekolah Digital Merata",
            "Pemerataan perangkat, jaringan dan konten pembelajaran digital di sekolah negeri.",
            "Sekolah dengan sarana belajar digital memadai.",
            "Kesenjangan mutu pendidikan antarwilayah berkurang.",
            Ind("Persentase sekolah dengan sarana belajar digital memadai", "%", 30, 100),
            (10000, 25000),
            ("apbd", "dak", "apbn"),
            "Kemendikbudristek\nBAKTI Kominfo",
        ),
        Prog(
            "society-komunitas",
            "long",
            "Ruang Kolaborasi Komunitas {nama}",
            "Ruang kreatif dan kolaborasi bagi komunitas, pelaku startup dan pemuda, dengan agenda bersama pemerintah.",
            "Ruang kolaborasi komunitas beroperasi.",
            "Komunitas menjadi mitra aktif pembangunan.",
            Ind("Jumlah kegiatan kolaborasi komunitas per tahun", "kegiatan", 10, 120),
            (3000, 7000),
            ("apbd", "csr"),
            "Komunitas kreatif\n{univ}\nPelaku usaha rintisan",
        ),
    ],
    "quick_wins": [
        QW(
            "Lapor Darurat {nama}",
            "Lapor Darurat {nama}: Satu Nomor untuk Kedaruratan",
            "society-keamanan",
            "Warga bingung menghubungi nomor mana saat kebakaran, kecelakaan atau bencana.",
            "Satu nomor WhatsApp dan telepon darurat yang dipantau 24 jam dan diteruskan ke instansi terkait.",
            "Kejadian darurat tertangani lebih cepat; data kejadian tercatat untuk perencanaan.",
            6,
            "Bulan 1–2: SOP dan petugas; bulan 3: sosialisasi; bulan 4–6: operasional dan evaluasi.",
            250,
            "apbd",
            "Kepolisian\nPMI\nRelawan tangguh bencana",
            "Waktu tanggap rata-rata kejadian darurat turun dari 45 menjadi 20 menit",
            "Laporan palsu; diantisipasi dengan verifikasi panggilan balik.",
        ),
        QW(
            "Pojok Baca Digital Desa",
            "Pojok Baca Digital di Balai Desa",
            "society-ekosistem-belajar",
            "Anak-anak di desa jauh tidak memiliki akses bahan bacaan yang memadai.",
            "Tablet dan aplikasi perpustakaan digital di balai desa, dikelola kader literasi.",
            "Minat baca anak meningkat.",
            10,
            "Bulan 1–3: pengadaan dan konten; bulan 4–6: pelatihan kader; bulan 7–10: operasional di 30 desa.",
            500,
            "csr",
            "Perpustakaan Nasional\nPerusahaan mitra CSR",
            "Jumlah desa dengan pojok baca digital aktif mencapai 30",
            "Perangkat rusak; dibuat jadwal perawatan.",
            "candidate",
        ),
    ],
}

# ---------------------------------------------------------------------------------------------
DIMENSIONS["environment"] = {
    "readiness": [
        Readiness(
            S,
            "alam",
            "{daerah} memiliki kawasan lindung, hutan dan daerah aliran {sungai} yang menjadi penyangga air.",
            "Dokumen IKPLHD {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Timbulan sampah sekitar {num2} ton per hari; kebiasaan membakar sampah dan membuangnya "
            "ke sungai masih ditemukan.",
            "Data SIPSN {th0}",
        ),
        Readiness(
            S,
            "budaya",
            "Bank sampah dan komunitas peduli lingkungan tumbuh di {num} desa/kelurahan.",
            "Data bank sampah {opd} {th0}",
        ),
        Readiness(
            S,
            "alam",
            "Potensi energi terbarukan berupa {energi} belum dimanfaatkan optimal.",
            "Kajian potensi energi {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "{tpa} masih beroperasi dengan penimbunan terbuka terkendali dan mendekati batas kapasitas.",
            "Laporan pengelolaan TPA {th0}",
        ),
        Readiness(
            I,
            "fisik",
            "Armada pengangkut sampah terbatas sehingga layanan baru menjangkau kawasan perkotaan.",
            "Data armada {opd} {th0}",
        ),
        Readiness(I, "tik", "Pemantauan kualitas udara dan air masih manual melalui uji laboratorium berkala.", ""),
        Readiness(I, "sosial", "TPS3R dan bank sampah dikelola kelompok masyarakat dengan pendampingan terbatas.", ""),
        Readiness(
            P,
            "kebijakan",
            "Kebijakan dan Strategi Daerah pengelolaan sampah telah ditetapkan dengan Peraturan {kepala}.",
            "Peraturan {kepala} tentang Jakstrada",
        ),
        Readiness(
            P, "kelembagaan", "Pengelolaan sampah dijalankan UPT persampahan; belum ada badan layanan umum daerah.", ""
        ),
        Readiness(
            P,
            "anggaran",
            "Retribusi sampah rendah, dipungut manual dan belum menutup biaya operasional.",
            "Realisasi retribusi {th0}",
        ),
        Readiness(P, "kebijakan", "Rencana Perlindungan dan Pengelolaan Lingkungan Hidup masih dalam penyusunan.", ""),
    ],
    "gaps": [
        Gap(
            "environment-proteksi-lingkungan",
            "Kualitas udara dan air sungai dipantau beberapa kali setahun.",
            "Kualitas udara dan air terpantau terus-menerus dan terbuka bagi publik.",
            "Belum ada stasiun pemantau otomatis dan dasbor publik.",
        ),
        Gap(
            "environment-proteksi-lingkungan",
            "Pengaduan pencemaran diterima melalui surat dan telepon.",
            "Pengaduan pencemaran daring dengan foto dan lokasi, tindak lanjut terpantau.",
            "Belum ada kanal pengaduan lingkungan daring.",
        ),
        Gap(
            "environment-sampah-limbah",
            "Pengangkutan sampah tidak terjadwal dan rute armada tidak terpantau.",
            "Pengangkutan terjadwal dengan armada terpantau GPS.",
            "Belum ada sistem penjadwalan dan pelacakan armada.",
        ),
        Gap(
            "environment-sampah-limbah",
            "Baru {pct}% sampah terkelola; sisanya dibakar atau dibuang sembarangan.",
            "Seluruh sampah terkelola dan 30% berkurang di sumber.",
            "Kapasitas TPS3R, bank sampah dan armada belum memadai.",
        ),
        Gap(
            "environment-energi",
            "Konsumsi listrik gedung pemerintah tidak terpantau.",
            "Konsumsi energi gedung pemerintah terpantau dan hemat.",
            "Belum ada meteran pintar dan audit energi.",
        ),
        Gap(
            "environment-energi",
            "Penerangan jalan umum sebagian besar masih memakai lampu konvensional.",
            "Penerangan jalan umum hemat energi dan dapat dikendalikan jarak jauh.",
            "Belum ada program penggantian lampu PJU bertahap.",
        ),
    ],
    "swot": [
        Swot("S", "Bank sampah dan TPS3R sudah berjalan di banyak desa dan kelurahan.", "Data bank sampah {th0}", I),
        Swot(
            "S",
            "Kebijakan dan Strategi Daerah pengelolaan sampah sudah ditetapkan.",
            "Peraturan {kepala} tentang Jakstrada",
            P,
        ),
        Swot("S", "Komunitas peduli lingkungan aktif melakukan aksi bersih sungai.", ""),
        Swot("S", "Potensi energi terbarukan berupa {energi}.", "Kajian potensi energi {th0}", S),
        Swot("S", "Kawasan lindung dan hutan masih luas sebagai penyangga air.", "Dokumen IKPLHD {th0}"),
        Swot("S", "Beberapa desa telah mengikuti Program Kampung Iklim.", "Keputusan penghargaan ProKlim"),
        Swot("W", "{tpa} mendekati batas kapasitas.", "Laporan kapasitas TPA {th0}", I),
        Swot("W", "Armada pengangkut sampah dan petugas terbatas.", "Data armada {th0}"),
        Swot("W", "Pemantauan kualitas lingkungan belum otomatis.", ""),
        Swot("W", "Pemilahan sampah di sumber masih rendah.", "Survei rumah tangga {th0}", S),
        Swot("W", "Retribusi sampah belum menutup biaya layanan.", "Realisasi retribusi {th0}", P),
        Swot("W", "Data lingkungan tersebar di berbagai perangkat daerah.", ""),
        Swot("O", "Target nasional pengurangan sampah 30% dan penanganan 70%.", "Perpres 97/2017 (Jakstranas)"),
        Swot("O", "Teknologi GPS dan aplikasi murah untuk memantau armada dan menerima laporan warga.", ""),
        Swot("O", "Dana CSR perusahaan untuk program lingkungan dan ekonomi sirkular.", ""),
        Swot("O", "Program Kampung Iklim dan dukungan Kementerian Lingkungan Hidup dan Kehutanan.", ""),
        Swot("O", "Skema KPBU dan pendanaan hijau untuk pengolahan sampah.", "", P),
        Swot("O", "Permintaan pasar untuk produk daur ulang dan kompos.", ""),
        Swot("T", "Risiko {bencana} yang diperparah kerusakan daerah aliran sungai.", "Kajian Risiko Bencana {th0}", S),
        Swot("T", "Pertumbuhan penduduk dan konsumsi meningkatkan timbulan sampah.", "Data SIPSN {th0}"),
        Swot("T", "Pencemaran sungai oleh limbah domestik dan industri.", "Hasil uji kualitas air {th0}"),
        Swot("T", "Perubahan iklim dan cuaca ekstrem.", ""),
        Swot("T", "Penolakan warga terhadap lokasi fasilitas pengolahan sampah baru.", ""),
        Swot("T", "Kebakaran lahan dan tempat pembuangan sampah pada musim kemarau.", ""),
    ],
    "strategies": [
        Strat("SO", "Menghubungkan bank sampah dan TPS3R dalam satu aplikasi pengelolaan sampah berbasis masyarakat."),
        Strat("SO", "Mengembangkan energi terbarukan dari {energi} bersama mitra swasta."),
        Strat("WO", "Menerapkan pengangkutan sampah terjadwal dengan armada terpantau GPS."),
        Strat("WO", "Membangun stasiun pemantau kualitas lingkungan otomatis dengan dukungan CSR."),
        Strat("ST", "Merehabilitasi daerah aliran sungai bersama komunitas dengan pemantauan digital."),
        Strat("ST", "Menyediakan kanal pengaduan pencemaran dan kebakaran lahan yang cepat ditindaklanjuti."),
        Strat("WT", "Mengurangi sampah di sumber melalui edukasi pemilahan dan insentif bank sampah."),
        Strat("WT", "Mendigitalkan pemungutan retribusi sampah agar layanan berkelanjutan."),
    ],
    "goals": [
        GoalT(
            "Meningkatnya kinerja pengelolaan sampah",
            (
                Ind("Persentase sampah terkelola", "%", 45, 90),
                Ind("Persentase pengurangan sampah di sumber", "%", 12, 30),
            ),
        ),
        GoalT("Meningkatnya kualitas lingkungan hidup", (Ind("Indeks Kualitas Lingkungan Hidup", "indeks", 62, 72),)),
        GoalT(
            "Meningkatnya efisiensi dan pemanfaatan energi terbarukan",
            (Ind("Persentase PJU hemat energi", "%", 15, 80),),
        ),
        GoalT(
            "Meningkatnya peran serta masyarakat menjaga lingkungan",
            (Ind("Jumlah bank sampah aktif", "unit", 120, 400),),
        ),
    ],
    "programs": [
        Prog(
            "environment-sampah-limbah",
            "short",
            "Aplikasi Bank Sampah Terpadu {nama}",
            "Aplikasi pencatatan tabungan sampah, harga dan penjualan untuk seluruh bank sampah, terhubung ke dasbor "
            "pengurangan sampah daerah.",
            "Seluruh bank sampah memakai aplikasi yang sama.",
            "Data pengurangan sampah akurat dan nasabah bank sampah bertambah.",
            Ind("Jumlah bank sampah yang memakai aplikasi", "unit", 10, 150),
            (150, 300),
            ("apbd", "csr"),
            "Asosiasi bank sampah\nPerusahaan mitra CSR",
        ),
        Prog(
            "environment-proteksi-lingkungan",
            "short",
            "Kanal Pengaduan Lingkungan Daring",
            "Formulir daring dan WhatsApp untuk pengaduan pencemaran, pembakaran sampah dan kebakaran lahan, dengan "
            "foto dan lokasi.",
            "Kanal pengaduan lingkungan daring dengan SOP tindak lanjut.",
            "Pencemaran tertangani lebih cepat.",
            Ind("Persentase pengaduan lingkungan ditindaklanjuti dalam 7 hari", "%", 30, 90),
            (80, 180),
            ("apbd",),
            "Komunitas peduli lingkungan",
        ),
        Prog(
            "environment-sampah-limbah",
            "medium",
            "Pengangkutan Sampah Terjadwal Berbasis GPS",
            "Penjadwalan rute, pelacakan armada dengan GPS dan informasi jadwal angkut bagi warga.",
            "Seluruh armada terpantau GPS dan jadwal angkut terbit daring.",
            "Sampah terangkut tepat waktu dan tidak menumpuk di TPS.",
            Ind("Persentase armada pengangkut terpantau GPS", "%", 0, 100),
            (900, 2000),
            ("apbd",),
            "Penyedia layanan GPS\nPemerintah desa",
        ),
        Prog(
            "environment-proteksi-lingkungan",
            "medium",
            "Stasiun Pemantau Kualitas Udara dan Air Otomatis",
            "Stasiun pemantau udara di kawasan padat dan sensor kualitas air di {sungai}, dengan dasbor publik.",
            "Stasiun pemantau otomatis dan dasbor publik.",
            "Pencemaran terdeteksi dini dan publik mendapat informasi.",
            Ind("Jumlah stasiun pemantau otomatis", "stasiun", 0, 12),
            (2000, 4500),
            ("apbd", "csr", "apbn"),
            "KLHK\n{univ}\nPerusahaan mitra CSR",
        ),
        Prog(
            "environment-energi",
            "medium",
            "PJU Cerdas Hemat Energi",
            "Penggantian lampu penerangan jalan umum dengan LED yang dapat diatur dan dipantau dari jarak jauh.",
            "PJU LED terkendali jarak jauh di ruas utama.",
            "Tagihan listrik PJU turun dan jalan lebih terang.",
            Ind("Persentase PJU hemat energi", "%", 15, 80),
            (4000, 9000),
            ("apbd", "kpbu"),
            "PLN\nBadan usaha mitra KPBU",
        ),
        Prog(
            "environment-sampah-limbah",
            "long",
            "Pengolahan Sampah Terpadu dan Ekonomi Sirkular",
            "Fasilitas pengolahan sampah terpadu (pemilahan, kompos, RDF) di {tpa} dan jaringan TPS3R di kecamatan.",
            "Fasilitas pengolahan sampah terpadu dan TPS3R di setiap kecamatan.",
            "Sampah yang ditimbun di TPA berkurang drastis.",
            Ind("Persentase sampah yang diolah sebelum ke TPA", "%", 10, 70),
            (25000, 60000),
            ("apbd", "apbn", "kpbu", "swasta"),
            "Investor pengolahan sampah\nIndustri semen (pengguna RDF)",
        ),
        Prog(
            "environment-proteksi-lingkungan",
            "long",
            "Rehabilitasi DAS {sungai} Berbasis Komunitas",
            "Penanaman kembali sempadan, pemantauan lahan kritis dengan citra satelit dan patroli komunitas.",
            "Lahan kritis di DAS terehabilitasi.",
            "Risiko {bencana} berkurang dan kualitas air membaik.",
            Ind("Luas lahan kritis yang direhabilitasi", "hektare", 50, 1500),
            (5000, 12000),
            ("apbd", "apbn", "csr"),
            "BPDAS\nKomunitas peduli sungai\n{univ}",
        ),
        Prog(
            "environment-energi",
            "long",
            "Energi Terbarukan untuk Gedung Pemerintah",
            "Pemasangan PLTS atap dan meteran pintar di gedung pemerintah, sekolah dan puskesmas.",
            "PLTS atap dan meteran pintar di gedung pemerintah.",
            "Konsumsi energi fosil gedung pemerintah berkurang.",
            Ind("Kapasitas PLTS atap terpasang", "kWp", 0, 1500),
            (8000, 20000),
            ("apbd", "kpbu", "swasta"),
            "PLN\nPengembang PLTS",
        ),
    ],
    "quick_wins": [
        QW(
            "Angkut Sampah Terjadwal {nama}",
            "Jadwal Angkut Sampah dan Lapor Sampah {nama}",
            "environment-sampah-limbah",
            "Sampah menumpuk di TPS karena jadwal angkut tidak pasti dan warga tidak tahu kapan sampah diangkut.",
            "Jadwal angkut per wilayah terbit di aplikasi dan WhatsApp; warga melaporkan tumpukan sampah dengan foto "
            "dan lokasi.",
            "Tumpukan sampah berkurang dan warga ikut memantau layanan.",
            6,
            "Bulan 1–2: pemetaan rute dan jadwal; bulan 3: uji coba di kawasan perkotaan; bulan 4–6: perluasan.",
            300,
            "apbd",
            "Pemerintah desa\nKomunitas peduli lingkungan",
            "Laporan tumpukan sampah yang ditangani dalam 2 x 24 jam mencapai 80%",
            "Armada kurang; jadwal disesuaikan dan dibantu armada desa.",
        ),
        QW(
            "Bank Sampah Digital {nama}",
            "Bank Sampah Digital Sekolah dan Desa",
            "environment-sampah-limbah",
            "Bank sampah mencatat tabungan di buku; data pengurangan sampah tidak terkumpul.",
            "Aplikasi bank sampah untuk sekolah dan desa dengan saldo nasabah dan laporan otomatis.",
            "Partisipasi warga naik dan data pengurangan sampah tersedia.",
            8,
            "Bulan 1–2: aplikasi; bulan 3–4: 20 bank sampah percontohan; bulan 5–8: perluasan.",
            180,
            "csr",
            "Asosiasi bank sampah\nPerusahaan mitra CSR",
            "Jumlah nasabah bank sampah aktif naik 50%",
            "Pengurus bank sampah berganti; pelatihan berkala.",
            "candidate",
        ),
    ],
}

# Quick wins the regions really chose (Garut's from docs/domain.md) or might choose; they come first.
GARUT_QUICK_WINS = {
    "environment": (
        QW(
            "Gerbang Raja",
            "Gerbang Raja: Layanan Sampah Terjadwal dan Bank Sampah Digital Garut",
            "environment-sampah-limbah",
            "Sampah di kawasan perkotaan Garut menumpuk di TPS dan bantaran {sungai}; pengangkutan ke {tpa} tidak "
            "terjadwal dan warga tidak tahu ke mana melapor.",
            "Gerbang Raja memadukan jadwal angkut per kelurahan, pelacakan armada dengan GPS, laporan warga melalui "
            "WhatsApp dan bank sampah digital di setiap kelurahan perkotaan.",
            "Tumpukan sampah liar berkurang, sampah terpilah dari sumber, dan warga mendapat tabungan dari sampah.",
            12,
            "Bulan 1–3: pemetaan rute, jadwal dan pemasangan GPS; bulan 4–6: peluncuran di Garut Kota, "
            "Tarogong Kidul dan Tarogong Kaler; bulan 7–12: perluasan ke kecamatan perkotaan lainnya.",
            650,
            "apbd",
            "Perumda Air Minum Tirta Intan\nAsosiasi bank sampah Garut\nUniversitas Garut",
            "Timbulan sampah yang terangkut terjadwal di kawasan perkotaan mencapai 85%",
            "Kekurangan armada dan sopir; diatasi dengan kerja sama armada desa dan CSR.",
        ),
    ),
    "governance": (
        QW(
            "Garuda",
            "Garuda (Garut Satu Data): Portal Data Sektoral Terpadu",
            "governance-kebijakan-publik",
            "Data sektoral Garut tersebar di perangkat daerah dalam berbagai format; perencanaan dan Musrenbang sering "
            "memakai angka yang berbeda untuk hal yang sama.",
            "Portal Garut Satu Data dengan Diskominfo sebagai walidata, produsen data di tiap perangkat daerah, "
            "standar data dan metadata Satu Data Indonesia, serta jadwal pemutakhiran.",
            "Satu angka untuk perencanaan dan evaluasi; publik dan investor mendapat data terbuka.",
            12,
            "Bulan 1–2: Peraturan Bupati Satu Data dan penunjukan walidata; bulan 3–6: 300 dataset pertama; "
            "bulan 7–12: integrasi dengan aplikasi perangkat daerah dan peluncuran publik.",
            450,
            "apbd",
            "BPS Kabupaten Garut\nUniversitas Garut\nBappeda",
            "Jumlah dataset terbit dan mutakhir di portal Garut Satu Data mencapai 500",
            "Produsen data belum disiplin memutakhirkan; dimasukkan dalam penilaian kinerja perangkat daerah.",
        ),
    ),
}

TEGAL_QUICK_WINS = {
    "governance": (
        QW(
            "Si Jempol",
            "Si Jempol: Dukcapil Jemput Bola Online Kabupaten Tegal",
            "governance-pelayanan-publik",
            "Warga desa di kaki Gunung Slamet harus ke Slawi untuk mengurus akta dan KK; banyak anak belum memiliki "
            "akta kelahiran.",
            "Permohonan dokumen kependudukan lewat WhatsApp dan situs web, dilayani operator desa; dokumen "
            "ditandatangani elektronik dan dicetak mandiri.",
            "Cakupan akta kelahiran naik; warga hemat waktu dan ongkos.",
            9,
            "Bulan 1–2: SOP dan pelatihan operator desa; bulan 3–5: uji coba di Bumijawa dan Bojong; bulan 6–9: "
            "seluruh kecamatan.",
            380,
            "apbd",
            "Ditjen Dukcapil Kemendagri\nPemerintah desa",
            "Cakupan kepemilikan akta kelahiran anak mencapai 98%",
            "Sinyal lemah di desa pegunungan; layanan bantuan di kantor kecamatan.",
        ),
    ),
}

KONAWE_SELATAN_QUICK_WINS = {
    "governance": (
        QW(
            "Sapa Dukcapil",
            "Sapa Dukcapil Konsel: Layanan Adminduk Daring sampai Desa",
            "governance-pelayanan-publik",
            "Warga di kecamatan kepulauan dan pesisir Konawe Selatan menempuh perjalanan jauh ke Andoolo untuk "
            "dokumen kependudukan.",
            "Layanan permohonan daring dengan operator di kantor desa dan dokumen tanda tangan elektronik.",
            "Biaya perjalanan warga berkurang; data kependudukan lebih mutakhir.",
            10,
            "Bulan 1–3: penyiapan dan pelatihan operator; bulan 4–10: penerapan bertahap per kecamatan.",
            420,
            "apbd",
            "Ditjen Dukcapil Kemendagri\nPemerintah desa",
            "Persentase dokumen kependudukan yang dilayani daring mencapai 50%",
            "Keterbatasan jaringan di Laonti dan Kolono; disediakan jadwal layanan keliling.",
        ),
    ),
    "economy": (
        QW(
            "Mete Online Konsel",
            "Pasar Daring Jambu Mete dan Rumput Laut Konawe Selatan",
            "economy-ekosistem-industri",
            "Petani mete dan pembudidaya rumput laut menjual kepada tengkulak dengan harga rendah.",
            "Katalog dan informasi harga harian di platform daring yang dikelola koperasi, terhubung dengan pembeli "
            "besar.",
            "Harga di tingkat petani naik dan rantai pasok lebih pendek.",
            8,
            "Bulan 1–2: pendataan petani dan koperasi; bulan 3–4: peluncuran; bulan 5–8: temu bisnis daring.",
            300,
            "apbd",
            "Koperasi petani\nUniversitas Halu Oleo",
            "Harga jual mete gelondong di tingkat petani naik 15%",
            "Kualitas produk tidak seragam; disertai standar mutu dan sortasi.",
        ),
    ),
}

BEKASI_QUICK_WINS = {
    "governance": (
        QW(
            "Andes",
            "Andes: Adminduk Tuntas di Desa Kabupaten Bekasi",
            "governance-pelayanan-publik",
            "Antrean panjang di kantor Disdukcapil Cikarang karena warga dari 23 kecamatan datang ke satu tempat.",
            "Layanan administrasi kependudukan daring di kantor desa dengan operator terlatih dan cetak mandiri.",
            "Antrean di kantor dinas berkurang; warga dilayani dekat rumah.",
            8,
            "Bulan 1–2: pelatihan operator desa; bulan 3–5: 60 desa; bulan 6–8: seluruh desa.",
            500,
            "apbd",
            "Ditjen Dukcapil Kemendagri\nPemerintah desa",
            "Persentase permohonan adminduk yang diajukan dari desa mencapai 70%",
            "Operator desa berganti; pelatihan ulang setiap semester.",
        ),
    ),
    "living": (
        QW(
            "Bekasi Lancar",
            "Bekasi Lancar: Informasi Kemacetan dan Genangan Waktu Nyata",
            "living-transportasi",
            "Kemacetan di koridor kawasan industri dan genangan saat hujan tidak diketahui warga sebelum berangkat.",
            "Peta kemacetan dan genangan dari CCTV, sensor dan laporan warga yang terbit di aplikasi dan media sosial.",
            "Warga dan pekerja industri memilih rute lebih baik; petugas cepat bergerak.",
            6,
            "Bulan 1–2: integrasi CCTV; bulan 3–4: peluncuran; bulan 5–6: kerja sama dengan kawasan industri.",
            400,
            "csr",
            "Pengelola kawasan industri\nSatlantas Polres Metro Bekasi",
            "Waktu tempuh rata-rata koridor Cikarang–Cibitung pada jam sibuk turun 15%",
            "Data CCTV terputus; disiapkan laporan warga sebagai cadangan.",
        ),
    ),
}


# Participants of the bimtek stages.
NAME_POOLS = {
    "sunda": (
        (
            "Asep",
            "Cecep",
            "Dadang",
            "Ujang",
            "Iwan",
            "Yayan",
            "Rudi",
            "Dede",
            "Hendra",
            "Agus",
            "Euis",
            "Neneng",
            "Iis",
            "Yuyun",
            "Nining",
            "Rina",
            "Siti",
            "Lilis",
            "Wawan",
            "Teguh",
        ),
        (
            "Supriatna",
            "Hidayat",
            "Kurniawan",
            "Saepulloh",
            "Permana",
            "Sumarna",
            "Gunawan",
            "Setiawan",
            "Nugraha",
            "Rahayu",
            "Suryana",
            "Mulyana",
            "Hermawan",
            "Sopandi",
            "Kusnadi",
            "Rohayati",
        ),
    ),
    "jawa": (
        (
            "Slamet",
            "Bambang",
            "Sugeng",
            "Joko",
            "Teguh",
            "Wahyu",
            "Budi",
            "Eko",
            "Sri",
            "Endang",
            "Tri",
            "Dwi",
            "Nur",
            "Retno",
            "Wulan",
            "Ayu",
            "Agus",
            "Heru",
            "Yuli",
            "Rini",
        ),
        (
            "Santoso",
            "Prasetyo",
            "Wibowo",
            "Susanto",
            "Purnomo",
            "Hartono",
            "Suryani",
            "Lestari",
            "Rahayu",
            "Setyawati",
            "Nugroho",
            "Utomo",
            "Wahyuni",
            "Kurniasih",
            "Saputra",
            "Hidayah",
        ),
    ),
    "sultra": (
        (
            "Andi",
            "Muhammad",
            "La Ode",
            "Wa Ode",
            "Ruslan",
            "Hasrul",
            "Rahmat",
            "Syamsul",
            "Nurhalima",
            "Sitti",
            "Irwan",
            "Asrul",
            "Hasnawati",
            "Marwah",
            "Jumardin",
            "Rosmiati",
        ),
        (
            "Hamid",
            "Tawulo",
            "Rahman",
            "Abidin",
            "Saleh",
            "Lakodi",
            "Ramli",
            "Basri",
            "Sulaiman",
            "Amir",
            "Nur",
            "Hasan",
            "Lasandara",
            "Arsyad",
            "Yusuf",
            "Kadir",
        ),
    ),
}

# Who else takes part, by helix: (institution template, position).
HELIX_INSTITUTIONS = {
    "academia": (
        ("{univ}", "Dosen"),
        ("Politeknik Negeri di {provinsi}", "Dosen"),
        ("{univ}", "Kepala Pusat Studi Smart City"),
    ),
    "business": (
        ("{bumd}", "Direktur"),
        ("Kadin {daerah}", "Wakil Ketua"),
        ("PT Telkom Indonesia", "Manajer Pemerintahan"),
        ("Bank daerah cabang {nama}", "Pemimpin Cabang"),
    ),
    "community": (
        ("Relawan TIK {daerah}", "Ketua"),
        ("Karang Taruna {daerah}", "Pengurus"),
        ("Komunitas Kreatif {nama}", "Koordinator"),
        ("TP PKK {daerah}", "Pengurus"),
    ),
    "media": (
        ("Radio Siaran Publik Daerah {nama}", "Penyiar"),
        ("Media daring lokal {nama}", "Jurnalis"),
        ("PWI {daerah}", "Pengurus"),
    ),
}


# Which agency would lead each program and quick win (agency keys; the first one the region assigned
# to the dimension leads). Entries without a match are dealt round-robin.
LEADS = {
    "Penyusunan Arsitektur dan Peta Rencana SPBE {nama}": ("kominfo", "bappeda"),
    "Tanda Tangan Elektronik bagi Seluruh Pejabat": ("kominfo", "setda-org"),
    "Portal Layanan Publik Terpadu {nama}": ("dpmptsp", "kominfo"),
    "Penguatan Satu Data {nama}": ("kominfo", "bappeda"),
    "Integrasi Aplikasi Kepegawaian, Keuangan dan Perencanaan": ("setda-org", "bkpsdm", "kominfo"),
    "Pusat Data dan Pusat Pemulihan Bencana Pemerintah Daerah": ("kominfo",),
    "Pemerintahan Digital sampai Desa": ("dukcapil", "dpmd", "kominfo"),
    "Pusat Komando (Command Center) {nama}": ("kominfo",),
    "Penyusunan Strategi Merek Daerah {nama}": ("prokopim", "dispar"),
    "Kalender Event Digital {nama}": ("dispar",),
    "Portal Pariwisata Terpadu {nama}": ("dispar",),
    "Pendampingan Merek dan Kemasan Produk Unggulan": ("disperindag", "koperasi"),
    "Profil Investasi Digital {nama}": ("dpmptsp", "disperindag"),
    "Penataan Kawasan Pusat Kota Berkarakter": ("pupr", "perkim", "prokopim"),
    "Pengembangan Desa Wisata Digital": ("dispar",),
    "Pengelolaan Destinasi Prioritas Berbasis Daya Dukung": ("dispar",),
    "Pendataan Digital UMKM dan IKM {nama}": ("koperasi", "disperindag"),
    "Elektronifikasi Retribusi Pasar": ("bapenda", "disperindag", "bpkad"),
    "Pasar Digital Produk Unggulan {nama}": ("disperindag", "koperasi"),
    "Klinik Usaha Digital UMKM": ("koperasi",),
    "Bursa Kerja Daring {nama}": ("naker", "koperasi"),
    "Revitalisasi Pasar Tradisional Berbasis Digital": ("disperindag", "koperasi"),
    "Kawasan Agroindustri Terpadu {nama}": ("pertanian", "disperindag"),
    "Sistem Informasi Harga dan Rantai Pasok Pangan": ("ketapang", "perikanan", "disperindag"),
    "Antrean Daring Puskesmas dan RSUD": ("dinkes",),
    "Pemetaan Titik Rawan Kemacetan dan Kecelakaan": ("dishub",),
    "Integrasi Sistem Informasi Kesehatan Daerah dengan SATUSEHAT": ("dinkes",),
    "RDTR Interaktif {nama}": ("pupr",),
    "Telemedisin Puskesmas Wilayah Terpencil": ("dinkes",),
    "Sistem Informasi Sanitasi dan Air Limbah Domestik": ("dlh", "perkim", "pupr"),
    "Area Traffic Control System (ATCS) {nama}": ("dishub",),
    "Angkutan Umum Terintegrasi Berbasis Aplikasi": ("dishub",),
    "Sistem Informasi Pengendalian Pemanfaatan Ruang": ("pupr",),
    "Gerakan Literasi Digital Desa": ("disdik", "dinsos"),
    "Kanal Klarifikasi Hoaks {nama}": ("kominfo", "dinsos"),
    "Layanan Darurat 112 {nama}": ("bpbd", "satpolpp"),
    "Perpustakaan Digital {nama}": ("arsip", "disdik"),
    "Pelatihan Guru Pembelajaran Digital": ("disdik",),
    "Sistem Peringatan Dini Bencana Terpadu": ("bpbd",),
    "Sekolah Digital Merata": ("disdik",),
    "Ruang Kolaborasi Komunitas {nama}": ("dinsos", "dispora"),
    "Aplikasi Bank Sampah Terpadu {nama}": ("dlh", "perkim"),
    "Kanal Pengaduan Lingkungan Daring": ("dlh",),
    "Pengangkutan Sampah Terjadwal Berbasis GPS": ("dlh", "perkim"),
    "Stasiun Pemantau Kualitas Udara dan Air Otomatis": ("dlh",),
    "PJU Cerdas Hemat Energi": ("perkim", "dishub", "pupr"),
    "Pengolahan Sampah Terpadu dan Ekonomi Sirkular": ("perkim", "dlh"),
    "Rehabilitasi DAS {sungai} Berbasis Komunitas": ("bpbd", "perikanan", "dlh"),
    "Energi Terbarukan untuk Gedung Pemerintah": ("perkim", "dlh"),
    # quick wins
    "Lapor Cepat {nama}": ("kominfo", "setda-org"),
    "Dukcapil Daring {nama}": ("dukcapil",),
    "Tiket Wisata Nontunai {nama}": ("dispar",),
    "Etalase Produk {nama}": ("disperindag", "koperasi"),
    "QRIS Pasar Rakyat {nama}": ("disperindag", "bapenda"),
    "Info Harga Pangan {nama}": ("disperindag",),
    "Posyandu Digital {nama}": ("dinkes",),
    "Antre Sehat {nama}": ("dinkes",),
    "Lapor Darurat {nama}": ("bpbd", "satpolpp"),
    "Pojok Baca Digital Desa": ("disdik", "arsip"),
    "Angkut Sampah Terjadwal {nama}": ("dlh",),
    "Bank Sampah Digital {nama}": ("dlh",),
    "Gerbang Raja": ("dlh",),
    "Garuda": ("kominfo",),
    "Si Jempol": ("dukcapil",),
    "Sapa Dukcapil": ("dukcapil",),
    "Mete Online Konsel": ("koperasi", "pertanian"),
    "Andes": ("dukcapil",),
    "Bekasi Lancar": ("dishub",),
}


def _with_leads(items):
    return [x._replace(lead=LEADS[x.name]) for x in items]


for _pool in DIMENSIONS.values():
    _pool["programs"] = _with_leads(_pool["programs"])
    _pool["quick_wins"] = _with_leads(_pool["quick_wins"])
for _region in (GARUT_QUICK_WINS, TEGAL_QUICK_WINS, KONAWE_SELATAN_QUICK_WINS, BEKASI_QUICK_WINS):
    for _dim, _wins in list(_region.items()):
        _region[_dim] = tuple(_with_leads(_wins))
