"""The KPI review report (23_kpi_report.md): one self-contained HTML file built from the snapshot.

So far: the snapshot reading (`queries.py`: column detection, deal rows, dataGeneratedAt), the build
pipeline and payload (`payload.py`: filters, meta, per-deal fields, data-quality exclusions), the per-deal
field rules (`fields.py`) and the number formats (`numbers.py`). Still to come (issue 7): the CLI and
`build()`, the metrics reference, the HTML page and its JS, and the mail.
"""
