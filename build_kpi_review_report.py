"""The seed runbook's command, kept working: forwards its arguments to `python -m kpi_report` (23 §1)."""
import sys

from kpi_report.__main__ import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
