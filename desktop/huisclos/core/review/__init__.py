"""Reviewing an export: the scan, the review session both faces drive, the one cleaning path
and the correction list."""
