"""Benchmark: grading one student with gradekit vs the naive way, measured in the same run.

    python bench/bench_grade.py                 # the five first topics
    python bench/bench_grade.py --all           # the whole kit
    python bench/bench_grade.py --repeat 5

gradekit: one `grade check` (one pytest session per core, one sandbox per student and a forked child per topic,
every check crossing the process boundary).  Naive: one pytest process per
topic with the student's module imported in-process (what Otter, nbgrader's
autograde and most course graders do), running the very same grader files.
Both grade the reference solutions with the same seed; medians are printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_FIVE = ["functions", "generators", "closures", "properties", "decorators"]


def solution_folder(slugs, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for slug in slugs:
        shutil.copyfile(ROOT / "exercises" / slug / "solution.py", dest / f"{slug}.py")
    return dest


def timed(cmd, env=None, cwd=ROOT) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    except subprocess.TimeoutExpired as exc:  # the naive way has no protection against a hanging submission
        proc = subprocess.CompletedProcess(cmd, -9, exc.stdout or "", exc.stderr or "")
    return time.perf_counter() - started, proc


def run_gradekit(slugs, sub: Path) -> float:
    seconds, proc = timed([sys.executable, "-m", "gradekit", "check", *slugs, "--submission", str(sub), "--seed", "1"])
    if proc.returncode != 0:
        raise SystemExit(f"gradekit did not give full marks:\n{proc.stdout}\n{proc.stderr}")
    return seconds


def run_naive(slugs, sub: Path, check: bool = True) -> float:
    """One pytest process per topic, the student's module imported in-process; total seconds."""
    total = 0.0
    for slug in slugs:
        env = {**os.environ, "NAIVE_SUBMISSION": str(sub), "NAIVE_TOPIC": slug, "NAIVE_SEED": "1",
               "PYTHONPATH": str(ROOT / "bench"), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        # In a scratch folder: the student's code runs right here and writes files where it stands.
        with tempfile.TemporaryDirectory() as scratch:
            seconds, proc = timed([sys.executable, "-m", "pytest", str(ROOT / "graders" / slug), "-q", "-p",
                                   "naive_plugin", "-p", "no:cacheprovider", "--import-mode=importlib", "-c",
                                   os.devnull, "--rootdir", str(ROOT / "graders")], env, cwd=scratch)
        if check and proc.returncode != 0:
            raise SystemExit(f"naive run of {slug} failed:\n{proc.stdout[-3000:]}")
        total += seconds
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="every topic of the kit")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from gradekit.course.kit import load_kit
    kit = load_kit(ROOT)
    slugs = [t.slug for t in kit.topics] if args.all else [s for s in FIRST_FIVE if any(t.slug == s for t in kit.topics)]
    with tempfile.TemporaryDirectory() as tmp:
        sub = solution_folder(slugs, Path(tmp) / "student")
        ours = [run_gradekit(slugs, sub) for _ in range(args.repeat)]
        naive = [run_naive(slugs, sub, check=False) for _ in range(args.repeat)]
    o, n = statistics.median(ours), statistics.median(naive)
    print(f"topics: {len(slugs)} ({', '.join(slugs)})")
    print(f"cores: {os.cpu_count()}  repeats: {args.repeat}  python {sys.version.split()[0]}")
    print(f"gradekit (grade check, sandboxed)    median {o:6.2f} s   runs {', '.join(f'{x:.2f}' for x in ours)}")
    print(f"naive (pytest per topic, in-process) median {n:6.2f} s   runs {', '.join(f'{x:.2f}' for x in naive)}")
    print(f"ratio naive / gradekit: {n / o:.2f}x  (a few checks fail in the naive run where the baseline lacks "
          "the sandbox API, so it does slightly less work: the ratio is conservative)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
