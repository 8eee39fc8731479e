"""Scale on paper: wall time and GitHub Actions minutes of a class regrade with the matrix workflow.

    python bench/scale.py --rate 3.0                 # students/s per core, as bench_peers/bench_batch measured
    python bench/scale.py --rate 3.0 --cores 4 --setup 120 --clone 0.5

The rate is the one number measured here (``grade batch`` students per second per core, with
every sandbox on); the rest are the workflow's costs on a GitHub-hosted runner, which this
machine cannot measure and the options let you set:

- ``--cores``: cores per runner (2 on the standard Linux runner of a private repository, and the
  kit repository holding the hidden graders must be private);
- ``--setup``: seconds each shard job spends before grading (checkout, setup-python, pip install,
  apt-get install bubblewrap) plus uploading its artifact;
- ``--clone``: seconds to clone one student repository from GitHub;
- ``--concurrent``: jobs GitHub runs at once for the account (20 on GitHub Free, 60 on Team);
  more shards than that wait for a free runner;
- ``--merge``: seconds of the merge job (download the shards' artifacts, ``grade merge``).

Billable minutes are counted per job and each job is rounded up to a whole minute, so many small
shards cost more minutes than a few large ones even when they finish sooner.
"""

from __future__ import annotations

import argparse
import math


def shard_seconds(students: int, shards: int, rate: float, cores: int, setup: float, clone: float) -> float:
    """One shard job, start to end: its setup, then cloning and grading its slice of the roster."""
    per_shard = math.ceil(students / shards)
    return setup + per_shard * clone + per_shard / (rate * cores)


def plan(students: int, shards: int, args) -> tuple[float, int]:
    """(wall seconds, billable minutes) of one regrade of ``students`` over ``shards`` jobs."""
    job = shard_seconds(students, shards, args.rate, args.cores, args.setup, args.clone)
    waves = math.ceil(shards / args.concurrent)
    wall = args.plan + waves * job + args.merge
    minutes = math.ceil(args.plan / 60) + shards * math.ceil(job / 60) + math.ceil(args.merge / 60)
    return wall, minutes


def clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, required=True, help="students/s per core, measured")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--setup", type=float, default=90.0)
    ap.add_argument("--clone", type=float, default=0.5)
    ap.add_argument("--concurrent", type=int, default=20)
    ap.add_argument("--plan", type=float, default=20.0, help="seconds of the job that picks the seed")
    ap.add_argument("--merge", type=float, default=60.0)
    ap.add_argument("--students", default="200,1000,5000")
    ap.add_argument("--shards", default="4,16,64")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.students.split(",")]
    shards = [int(x) for x in args.shards.split(",")]
    print(f"rate {args.rate:g} students/s per core x {args.cores} cores per runner; setup {args.setup:g} s, "
          f"clone {args.clone:g} s/student, {args.concurrent} jobs at once")
    head = "| students | " + " | ".join(f"{n} shards: wall, minutes" for n in shards) + " |"
    print(head)
    print("|---:|" + "---:|" * len(shards))
    for students in sizes:
        cells = []
        for n in shards:
            wall, minutes = plan(students, n, args)
            cells.append(f"{clock(wall)}, {minutes}")
        print(f"| {students} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
