"""Reading an export and writing its cleaned copy: the Export model, CSV and workbook files,
the header row and the free-text columns."""
