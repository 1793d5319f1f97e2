"""The Qt-free core of Huis clos: reading exports, detecting, rewriting, editing, logging.

Everything in this package is plain Python working on plain data, so the desktop app and the
command line share exactly the same behaviour. Importing Qt here is forbidden (a test checks).
"""
