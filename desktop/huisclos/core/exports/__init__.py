"""Reading an export and writing its cleaned copy: the Export model; CSV files; workbooks
(.xlsx read from its sheet XML and spliced, .ods from its content.xml and spliced, .xls read
with python-calamine and copied as .xlsx) on a byte-level zip layer; the header row and the
free-text columns."""
