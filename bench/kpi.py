"""`make bench` (KPI report part): build the report from the scale-1.0 synthetic snapshot and time the page in
Chromium (not a test).

1. Build: `python -m kpi_report` in a separate process, three runs (all teams: --teams edu1,edu2,public);
   wall time (median, max), peak RSS, file size. Targets: build ≤ 10 s, file ≤ 10 MB.
2. Page (Debian's Chromium, file:// URL): load to first full render; then, as the person with the most deals
   on tab 3, tick/untick one exclusion 30 times. Each sample is the click handler (save + recompute + re-render
   of all four tabs) plus a forced layout, timed with performance.now() in the page. Target: ≤ 100 ms.
   Also: a filter change to the largest unit's ALL view.
Prints a table and writes bench/results/kpi_report.json.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

from bench.run import DATA, RESULTS, ROOT, SOURCE, build_snapshot

OUT = DATA / "kpi" / "report.html"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TOGGLE = """([id, n]) => {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const box = document.querySelector(`tr[data-deal-id="${CSS.escape(id)}"] input.exclude-toggle`);
    const t0 = performance.now();
    box.click();
    void document.body.offsetHeight;  // include style and layout
    samples.push(performance.now() - t0);
  }
  return samples;
}"""
SELECT = """([selector, value]) => {
  const select = document.querySelector(selector), t0 = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change"));
  void document.body.offsetHeight;
  return performance.now() - t0;
}"""


def build_once() -> dict:
    argv = [sys.executable, "-m", "kpi_report", "--db", str(SOURCE), "--roster", str(DATA / "roster.toml"),
            "--existing-orgs", str(DATA / "existing_orgs.txt"), "--years", "2024,2025", "--teams",
            "edu1,edu2,public", "--out", str(OUT)]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            text=True)
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kpi_report failed: {stdout}")
    return {"wall_s": time.perf_counter() - started, "peak_rss_mb": usage.ru_maxrss / 1024, "stdout": stdout}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure_page(payload: dict) -> dict:
    from playwright.sync_api import sync_playwright
    counts: dict[str, int] = {}
    for deal in payload["deals"]:
        counts[deal["person"]] = counts.get(deal["person"], 0) + 1
    person = max(counts, key=lambda p: (counts[p], p))
    where = next((t, u, unit) for t, team in enumerate(payload["roster"]) for u, unit in enumerate(team["units"])
                 if person in unit["people"])
    biggest = max(((t, u, unit) for t, team in enumerate(payload["roster"]) for u, unit in enumerate(team["units"])),
                  key=lambda x: sum(counts.get(p, 0) for p in x[2]["people"]))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        started = time.perf_counter()
        page.goto(OUT.as_uri())
        page.wait_for_selector("#kpi-table td[data-row='leads'][data-seg='all']:not(:empty)")
        load_ms = (time.perf_counter() - started) * 1000
        filter_ms = [page.evaluate(SELECT, ["#team-select", str(biggest[0])]),
                     page.evaluate(SELECT, ["#unit-select", str(biggest[1])])]
        page.evaluate(SELECT, ["#team-select", str(where[0])])
        page.evaluate(SELECT, ["#unit-select", str(where[1])])
        page.evaluate(SELECT, ["#person-select", person])
        page.click("button[data-tab='deals']")
        rows = page.eval_on_selector_all("#deals-body tr[data-deal-id]", "rs => rs.length")
        deal_id = page.get_attribute("#deals-body tr[data-deal-id]", "data-deal-id")
        samples = page.evaluate(TOGGLE, [deal_id, 30])
        browser.close()
    if errors:
        raise SystemExit(f"page errors: {errors}")
    return {"person": person, "person_deals": counts[person], "tab3_rows": rows, "load_ms": round(load_ms, 1),
            "largest_unit": f"{payload['roster'][biggest[0]]['team']} / {biggest[2]['unit']}",
            "largest_unit_deals": sum(counts.get(p, 0) for p in biggest[2]["people"]),
            "filter_change_ms": round(max(filter_ms), 1),
            "toggle_ms": {"p50": round(statistics.median(samples), 1), "p95": round(percentile(samples, 95), 1),
                          "max": round(max(samples), 1), "samples": len(samples)}}


def main() -> int:
    build_snapshot()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    builds = [build_once() for _ in range(3)]
    html = OUT.read_text(encoding="utf-8")
    start = html.index('id="kpi-data">') + len('id="kpi-data">')
    payload = json.loads(html[start:html.index("</script>", start)])
    page = measure_page(payload)
    walls = [b["wall_s"] for b in builds]
    report = {
        "name": "kpi_report", "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "snapshot": {"path": str(SOURCE.relative_to(ROOT)), "size_bytes": SOURCE.stat().st_size},
        "build": {"runs": len(builds), "wall_s_median": round(statistics.median(walls), 2),
                  "wall_s_max": round(max(walls), 2), "peak_rss_mb": round(max(b["peak_rss_mb"] for b in builds), 1),
                  "deals_in_file": len(payload["deals"]), "file_bytes": OUT.stat().st_size,
                  "stdout": builds[-1]["stdout"].splitlines()},
        "page": page,
        "targets": {"build_s": 10, "file_mb": 10, "toggle_ms": 100},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "kpi_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    b, p = report["build"], report["page"]
    print(f"\nKPI report on {report['snapshot']['path']} ({report['snapshot']['size_bytes'] / 1e6:.0f} MB)")
    print(f"build (3 runs)        median {b['wall_s_median']:.2f} s, max {b['wall_s_max']:.2f} s, "
          f"peak RSS {b['peak_rss_mb']:.0f} MB   (target ≤ 10 s)")
    print(f"file                  {b['file_bytes'] / 1e6:.2f} MB, {b['deals_in_file']} deals   (target ≤ 10 MB)")
    print(f"page load (file://)   {p['load_ms']:.0f} ms to the first full render")
    print(f"filter change         {p['filter_change_ms']:.0f} ms ({p['largest_unit']} ALL, {p['largest_unit_deals']} deals)")
    t = p["toggle_ms"]
    print(f"toggle one exclusion  p50 {t['p50']} ms, p95 {t['p95']} ms, max {t['max']} ms over {t['samples']} "
          f"({p['person']}: {p['person_deals']} deals, {p['tab3_rows']} rows on tab 3)   (target ≤ 100 ms)")
    print("written to bench/results/kpi_report.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
