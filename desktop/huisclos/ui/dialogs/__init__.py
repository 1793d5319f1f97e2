"""Dialogs of the desktop app (columns, manual edit, journal, settings, passphrase)."""
