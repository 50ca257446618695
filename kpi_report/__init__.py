"""The KPI review report (23_kpi_report.md): one self-contained HTML file built from the snapshot.

This package so far holds the snapshot reading (`queries.py`: column detection, deal rows, dataGeneratedAt),
the per-deal field rules (`fields.py`) and the number formats (`numbers.py`) that the Python reference and
the page share; the CLI, payload, metrics, page and mail are still to come (issue 7).
"""
