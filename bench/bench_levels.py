"""Benchmark: `grade check` on the course's first five topics at each isolation level, in one run.

    python bench/bench_levels.py               # medians of 5, levels interleaved
    python bench/bench_levels.py --repeat 3 --topics basics,functions

Every level grades the same reference solutions with the same seed, and its
score is checked (full marks) before its time counts.  Levels are run in turn,
round after round, so a busy machine slows all of them alike.  The ratios are
against the process level, the one every Linux machine has.  bwrap is skipped
(and says so) where bubblewrap cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gradekit.sandbox import isolation  # noqa: E402
from gradekit.course.kit import load_kit  # noqa: E402

LEVELS = ("bwrap", "process", "portable")


def available(level: str) -> bool:
    os.environ[isolation.ENV] = level
    isolation.detect.cache_clear()
    try:
        return isolation.detect().level == level
    except isolation.IsolationUnavailable:
        return False
    finally:
        os.environ.pop(isolation.ENV, None)
        isolation.detect.cache_clear()


def run(level: str, submission: Path, topics: list[str], out: Path) -> float:
    env = {**os.environ, isolation.ENV: level}
    cmd = [sys.executable, "-m", "gradekit", "check", *topics, "--submission", str(submission),
           "--seed", "1", "--json", str(out)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    seconds = time.perf_counter() - started
    result = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    if proc.returncode != 0 or result.get("isolation") != level or result.get("score") != result.get("max_score"):
        sys.exit(f"{level}: wrong result (exit {proc.returncode}, level {result.get('isolation')}, "
                 f"{result.get('score')}/{result.get('max_score')})\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--topics", help="comma-separated slugs (default: the course's first five)")
    args = parser.parse_args()
    kit = load_kit(ROOT)
    topics = args.topics.split(",") if args.topics else [t.slug for t in kit.topics[:5]]
    levels = [lv for lv in LEVELS if available(lv)]
    for lv in LEVELS:
        if lv not in levels:
            print(f"{lv}: not available on this machine, skipped")
    with tempfile.TemporaryDirectory(prefix="gradekit-bench-levels-") as tmp:
        sub = Path(tmp, "sub")
        sub.mkdir()
        for slug in topics:
            shutil.copyfile(ROOT / "exercises" / slug / "solution.py", sub / f"{slug}.py")
        times: dict[str, list[float]] = {lv: [] for lv in levels}
        for lv in levels:            # warm-up round: caches, bytecode
            run(lv, sub, topics, Path(tmp, f"{lv}.json"))
        for _ in range(args.repeat):
            for lv in levels:
                times[lv].append(run(lv, sub, topics, Path(tmp, f"{lv}.json")))
    print(f"grade check {','.join(topics)} · {args.repeat} rounds · {os.cpu_count()} cores · "
          f"python {sys.version.split()[0]}")
    base = statistics.median(times["process"]) if "process" in times else None
    for lv in levels:
        med = statistics.median(times[lv])
        ratio = f"  ({med / base:.2f}x process)" if base else ""
        print(f"{lv:9} median {med:.2f} s  (min {min(times[lv]):.2f}, max {max(times[lv]):.2f}){ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
