"""The Qt desktop app: the window, its dialogs and the workers that run the core off the GUI
thread."""
