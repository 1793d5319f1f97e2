"""The Qt-free core of Huis clos, one subpackage per stage of the data flow:

    exports/  read the export (CSV, .xlsx, .ods, .xls): an Export of tables, every cell's source
    detect/   lexicon → Detector: text → Findings (category, severity, rule, reasons)
    rewrite/  a flagged comment → neutral rewrites that keep the need
    review/   the scan (a cancellable generator), the review session, the cleaned copy
              and the correction list — the one path both faces take
    audit/    the encrypted, hash-chained journal of what was checked and corrected
    report/   the self-check report, the workshop quiz, the help texts, the workstation check
    demo/     fictional practice exports for the demo, the workshop and the benchmarks
    edits, safe_write, errors, datafolder, resources, french — the ground they all stand on

Importing Qt here is forbidden, and so is an import circle (tests/test_architecture.py).
"""
