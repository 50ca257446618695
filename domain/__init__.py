"""Canonical business rules of Salesmap Dashboard (00_PRODUCT.md §5).

Pure Python: no Flask, no SQL, no I/O except reading the roster file. Every screen, the daily report
and the KPI review builder call these functions, so each rule has exactly one implementation.
Settings (TODAY, BASE_YEAR, HOLIDAYS, ROSTER_PATH) arrive as arguments; nothing here reads os.environ.
"""
