"""Benchmark: `grade batch` on synthetic students vs the naive way, measured in the same run.

    python bench/bench_batch.py                    # 100 students, --jobs 2, naive on a sample of 4
    python bench/bench_batch.py --students 40 --naive-sample 2

Students are real git repositories: reference solutions, untouched stubs,
solutions with one mutant, and mixes.  gradekit grades them with every
sandbox on.  The naive baseline runs pytest once per topic per student with the
student's module imported in-process (bench/naive_plugin.py), on a sample of
the students (running it on all would take too long), two at a time like the
batch; its rate is students per second on that sample.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_grade import run_naive  # noqa: E402


def make_students(n: int, base: Path, kit, seed: int = 1, topics=None) -> list[Path]:
    rng = random.Random(seed)
    folders = []
    for i in range(n):
        kind = ["solution", "stub", "mutant", "mixed"][i % 4]
        repo = base / f"student{i:03d}"
        (repo / "starter").mkdir(parents=True)
        for topic in topics or kit.topics:
            src = topic.solution
            if kind == "stub" or (kind == "mixed" and rng.random() < 0.5):
                src = kit.starter / f"{topic.slug}.py"
            shutil.copyfile(src, repo / "starter" / f"{topic.slug}.py")
        if kind == "mutant":
            topic = rng.choice([t for t in (topics or kit.topics) if t.mutants])
            (repo / "starter" / f"{topic.slug}.py").write_text(rng.choice(topic.mutants).program(), encoding="utf-8")
        git = ["git", "-C", str(repo), "-c", "user.name=s", "-c", "user.email=s@example.invalid"]
        subprocess.run(git[:3] + ["init", "-q"], check=True)
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-q", "-m", "work"], check=True)
        folders.append(repo)
    return folders


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-sample", type=int, default=4)
    parser.add_argument("--topics", help="comma-separated topics: an assignment's size (default: the whole kit)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from gradekit.course.kit import load_kit
    kit = load_kit(ROOT)
    chosen = kit.select(args.topics.split(",")) if args.topics else kit.topics
    if args.topics:  # the assignment: a kit holding only these topics, as `grade release --topics` ships
        kit = kit.__class__(kit.root, chosen)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        t0 = time.perf_counter()
        students = make_students(args.students, base / "class", kit, topics=chosen)
        made = time.perf_counter() - t0
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "gradekit", "batch", str(base / "class"), "--out", str(base / "out"),
                               "--jobs", str(args.jobs), "--seed", "1", "--kit", str(ROOT),
                               *(["--topics", args.topics] if args.topics else [])],
                              capture_output=True, text=True)
        ours = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise SystemExit(proc.stderr[-3000:])
        sample = [s / "starter" for s in students[:args.naive_sample]]
        slugs = [t.slug for t in kit.topics]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(lambda sub: run_naive(slugs, sub, check=False), sample))
        naive = time.perf_counter() - t0
    ours_rate = args.students / ours
    naive_rate = len(sample) / naive
    print(f"students: {args.students} ({len(kit.topics)} topics each), jobs {args.jobs}, cores {os.cpu_count()}, "
          f"python {sys.version.split()[0]}; repositories made in {made:.1f} s")
    print(f"gradekit batch (sandboxed, incl. reports and dashboard): {ours:7.1f} s  = {ours_rate:5.2f} students/s")
    print(f"naive (pytest per topic per student, in-process, sample of {len(sample)}): {naive:7.1f} s  "
          f"= {naive_rate:5.2f} students/s")
    print(f"ratio gradekit / naive: {ours_rate / naive_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
