"""The self-check report (figures, HTML layout, masking), the workshop quiz, the workstation
check and the help texts."""
