"""Checking one comment before it is saved: in the app's check box, from the clipboard, and
with ``huisclos check`` (issue «Prévention»). The same Detector and rewrites as the scan."""
