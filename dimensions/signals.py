"""What the content layer announces to the layers above it (they connect in their AppConfig.ready).

``section_entries_changed(sender=Section, section, user)``: an entry of the section was created,
updated, deleted or restored. Sent inside the write's transaction, so a receiver's writes commit or
roll back with it (the review reopens an approved section this way).
"""

from django.dispatch import Signal

section_entries_changed = Signal()
