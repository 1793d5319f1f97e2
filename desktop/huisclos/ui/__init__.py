"""The Qt desktop app. Importing this package applies :mod:`huisclos.ui.qt_compat` first."""

from . import qt_compat

qt_compat.apply()
