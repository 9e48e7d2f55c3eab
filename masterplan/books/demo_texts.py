"""Narrative texts for the demo regions, so their books read as finished documents. Called by
seed_demo (``narrative_texts_demo_seed(masterplan)``); creates only the texts that are missing."""

from .models import NarrativeText


def _texts(region, mp):
    head = f"{region.head_title or 'Kepala Daerah'} {region.name}"
    name = region.full_name
    period = f"{mp.period_start}–{mp.period_end}"
    return {
        "kata_pengantar_kepala_daerah": (
            f"<p>Puji syukur kita panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Masterplan Smart "
            f"City {name} periode {period} dapat diselesaikan. Masterplan ini adalah komitmen kami untuk menghadirkan "
            f"pelayanan publik yang cepat, terbuka dan dekat dengan warga melalui pemanfaatan teknologi.</p>"
            f"<p>Kami berterima kasih kepada Kementerian Komunikasi dan Informatika, para tenaga ahli, "
            f"seluruh perangkat "
            f"daerah, akademisi, pelaku usaha, komunitas dan media yang telah berkontribusi. Kami mengajak semua pihak "
            f"untuk bersama-sama melaksanakan program yang telah disepakati.</p>"
        ),
        "kata_pengantar_ketua_tim": (
            f"<p>Dokumen ini disusun oleh Tim Pelaksana Smart City {name} melalui empat tahap bimbingan teknis "
            f"Gerakan Menuju Kota Cerdas. Setiap dimensi dianalisis bersama perangkat daerah pengampunya, "
            f"ditinjau oleh "
            f"tenaga ahli, dan disepakati dalam rapat Dewan Smart City.</p>"
            f"<p>Kami berharap masterplan ini menjadi acuan bersama dalam perencanaan dan penganggaran, serta selaras "
            f"dengan RPJMD dan Renstra perangkat daerah.</p>"
        ),
        "latar_belakang": (
            f"<p>{name} bergabung dalam Gerakan Menuju Kota Cerdas sejak tahun {region.cohort_year}. Tantangan "
            f"pelayanan publik, pengelolaan data, pertumbuhan ekonomi lokal dan kelestarian lingkungan menuntut cara "
            f"kerja pemerintahan yang lebih terpadu.</p>"
            f"<p>Masterplan Smart City menjadi peta jalan sepuluh tahun yang menyatukan program lintas perangkat "
            f"daerah dalam enam dimensi: tata kelola, branding, ekonomi, kehidupan, masyarakat dan lingkungan.</p>"
        ),
        "maksud_tujuan": (
            "<p>Maksud penyusunan masterplan adalah memberikan arah pembangunan kota cerdas yang terukur. "
            "Tujuannya:</p><ol><li>memetakan kesiapan dan kesenjangan daerah;</li>"
            "<li>merumuskan visi, misi, sasaran dan strategi smart city;</li>"
            "<li>menetapkan program, rencana aksi dan peta jalan beserta indikatornya;</li>"
            "<li>memilih program quick win yang manfaatnya segera dirasakan warga.</li></ol>"
        ),
        "dasar_hukum": (
            "<ol><li>Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;</li>"
            "<li>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;</li>"
            "<li>Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;</li>"
            "<li>Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia;</li>"
            f"<li>Nota Kesepakatan Gerakan Menuju Kota Cerdas {region.mou_number or ''}.</li></ol>"
        ),
        "ruang_lingkup": (
            f"<p>Masterplan mencakup seluruh wilayah {name} untuk periode {period}, meliputi analisis kesiapan "
            "(struktur, infrastruktur, suprastruktur), analisis kesenjangan, analisis SWOT per dimensi, strategi, "
            "program jangka pendek, menengah dan panjang, rencana aksi, peta jalan dan tata kelola pelaksanaan.</p>"
        ),
        "profil_daerah": (
            f"<p>{name} terletak di Provinsi {region.province}. Pemerintah daerah didukung oleh perangkat daerah "
            "yang tercantum dalam tabel di bawah, yang bersama-sama mengampu enam dimensi smart city.</p>"
        ),
        "arah_pembangunan": (
            f"<p>Arah pembangunan smart city {name} berpijak pada hasil analisis strategis (Buku 1) dan diarahkan "
            "pada pelayanan yang terintegrasi, data yang terbuka, ekonomi lokal yang berdaya saing dan lingkungan yang "
            "lestari.</p>"
        ),
        "ringkasan_eksekutif": (
            f"<p>Ringkasan ini menyajikan pokok-pokok Masterplan Smart City {name} {period} bagi {head} dan Dewan "
            "Smart City: visi dan misi, gambaran per dimensi, program utama, quick win, dan kebutuhan anggaran.</p>"
        ),
        "tata_kelola": (
            f"<p>Pelaksanaan masterplan dikoordinasikan oleh Dewan Smart City yang dipimpin {head}, dengan Tim "
            "Pelaksana sebagai penggerak harian dan Diskominfo sebagai sekretariat.</p>"
        ),
        "monitoring_evaluasi": (
            "<p>Tim Pelaksana memantau capaian indikator setiap triwulan dan melaporkannya kepada Dewan Smart City "
            "setiap semester.</p>"
        ),
        "penutup": (
            f"<p>Masterplan Smart City {name} adalah dokumen hidup yang ditinjau setiap tahun dan direvisi setelah "
            "lima tahun. Keberhasilannya bergantung pada komitmen seluruh perangkat daerah dan partisipasi warga.</p>"
        ),
    }


def narrative_texts_demo_seed(masterplan):
    """Create the missing narrative texts of a demo masterplan; returns how many were created."""
    existing = set(NarrativeText.objects.filter(masterplan=masterplan).values_list("key", flat=True))
    created = 0
    for key, html in _texts(masterplan.region, masterplan).items():
        if key not in existing:
            NarrativeText.objects.create(masterplan=masterplan, key=key, html=html)
            created += 1
    return created
