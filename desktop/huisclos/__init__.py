"""Huis clos: a local privacy self-check for the free-text comments of French medical practices.

Nothing here opens a network connection: every byte stays on the practice's computer.
"""

__version__ = "0.1.0"
