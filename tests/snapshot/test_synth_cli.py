"""The generator's CLI and determinism (11_data_model.md §8.2, §8.4): exit codes, --force, identical bytes."""
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def synth(cwd, *args, seed_env="0"):
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed_env}
    return subprocess.run([sys.executable, "-m", "snapshot.synth", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The same inputs built twice, in two processes with different PYTHONHASHSEED, at different paths."""
    outputs = []
    for n, hash_seed in enumerate(("1", "4242")):
        folder = tmp_path_factory.mktemp(f"build{n}")
        result = synth(folder, "--out", f"snap{n}.db", "--scale", "0.02", "--seed", "7", "--today", "2026-03-02",
                       "--roster", "r.toml", "--existing-orgs", "e.txt", "--api-out", "api", "--sidecars", "side",
                       "--quiet",
                       seed_env=hash_seed)
        assert result.returncode == 0, result.stderr
        outputs.append((folder, n, result))
    return outputs


def test_same_inputs_give_identical_bytes(two_builds):
    (a, na, ra), (b, nb, _) = two_builds
    assert (a / f"snap{na}.db").read_bytes() == (b / f"snap{nb}.db").read_bytes()
    assert (a / "r.toml").read_bytes() == (b / "r.toml").read_bytes()
    assert (a / "e.txt").read_bytes() == (b / "e.txt").read_bytes()
    xlsx = "side/counterparty_targets.xlsx"
    assert (a / xlsx).read_bytes() == (b / xlsx).read_bytes()
    names = sorted(p.name for p in (a / "api").iterdir())
    assert names == ["deal.jsonl", "lead.jsonl", "memo.jsonl", "meta.json", "organization.jsonl", "people.jsonl",
                     "team.jsonl", "user.jsonl", "webForm.jsonl", "webFormSubmit.jsonl"]
    for name in names:
        assert (a / "api" / name).read_bytes() == (b / "api" / name).read_bytes(), name
    assert ra.stdout.startswith("wrote snap0.db (") and "deal 233" in ra.stdout and ra.stderr == ""


def test_another_seed_differs(two_builds, tmp_path):
    folder, n, _ = two_builds[0]
    result = synth(tmp_path, "--out", "x.db", "--scale", "0.02", "--seed", "8", "--today", "2026-03-02",
                   "--no-roster", "--no-existing-orgs", "--quiet")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.db").read_bytes() != (folder / f"snap{n}.db").read_bytes()


@pytest.mark.parametrize("args, message", [
    (["--out", "x.db", "--scale", "0"], "--scale must satisfy 0 < S <= 4"),
    (["--out", "x.db", "--scale", "4.5"], "--scale must satisfy"),
    (["--out", "x.db", "--scale", "many"], "--scale must be a number"),
    (["--out", "x.db", "--today", "2025-12-31"], "on or after 2026-01-01"),
    (["--out", "x.db", "--today", "19-01-2026"], "--today must be a date"),
    (["--out", "missing/dir/x.db"], "does not exist"),
    (["--scale", "0.02"], "--out is required"),
    (["--out", "x.db", "--frobnicate"], "unrecognized arguments"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    result = synth(tmp_path, *args, "--quiet")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_refuses_to_overwrite_without_force(tmp_path):
    (tmp_path / "config").mkdir()
    first = synth(tmp_path, "--out", "x.db", "--scale", "0.02", "--quiet")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "config" / "roster.toml").exists() and (tmp_path / "config" / "existing_orgs.txt").exists()
    again = synth(tmp_path, "--out", "x.db", "--scale", "0.02", "--quiet")
    assert again.returncode == 2 and "refusing to overwrite --out x.db" in again.stderr
    (tmp_path / "other.db").unlink(missing_ok=True)
    same = synth(tmp_path, "--out", "other.db", "--scale", "0.02", "--quiet")  # identical roster/list: fine
    assert same.returncode == 0, same.stderr
    (tmp_path / "config" / "roster.toml").write_text("# edited\n", encoding="utf-8")
    edited = synth(tmp_path, "--out", "third.db", "--scale", "0.02", "--quiet")
    assert edited.returncode == 2 and "refusing to overwrite --roster" in edited.stderr
    assert not (tmp_path / "third.db").exists()
    forced = synth(tmp_path, "--out", "x.db", "--scale", "0.02", "--quiet", "--force")
    assert forced.returncode == 0 and (tmp_path / "config" / "roster.toml").read_text(encoding="utf-8") != "# edited\n"


def test_unwritable_paths(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "adir.db").mkdir()
    for out, message in (("afile/x.db", "does not exist"), ("adir.db", "is a directory")):
        result = synth(tmp_path, "--out", out, "--scale", "0.02", "--no-roster", "--no-existing-orgs", "--quiet")
        assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
