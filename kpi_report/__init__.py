"""The KPI review report (23_kpi_report.md): one self-contained HTML file built from the snapshot.

`queries.py` reads the snapshot (column detection, deal rows, dataGeneratedAt), `payload.py` filters and derives
the per-deal fields (`fields.py`) and meta, `metrics.py` is the Python reference of every figure on the page,
`numbers.py` the rounding and text formats, `render.py` the file (template, JSON block, CSP, atomic write),
`mail.py` the e-mail, `builder.py` the pipeline and `__main__.py` the CLI. Nothing runs at import time.
"""
from kpi_report.builder import BuildResult, build

__all__ = ["BuildResult", "build"]
