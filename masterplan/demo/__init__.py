"""Demo data: the four regions of the seeds (Garut, Tegal, Konawe Selatan, Bekasi) with the content a
real region writes, generated regions for load work, and the demo users.

``regions.py`` describes the regions, ``content.py`` holds the Indonesian texts per dimension and
``builder.py`` is the service that writes them (``python manage.py seed_demo`` calls it)."""
