"""Benchmark: gradekit against the graders instructors really pick, Otter-Grader 7 and nbgrader 0.9, in one run.

    python bench/bench_peers.py                  # N = 1, 20, 60; medians of 3 (about 30 minutes on 2 cores)
    python bench/bench_peers.py --quick          # N = 1, 6; one timed round: a few minutes, to try it out
    python bench/bench_peers.py --sizes 1,20 --repeat 3 --topics functions,var_args

Run it with the Python of gradekit's venv (``.venv/bin/python bench/bench_peers.py``).  The peers go in venvs of
their own that the script makes with ``python3.11`` (``--python``) under ``~/.cache/gradekit-bench/`` (``--cache``)
and reuses on later runs: ``otter-grader==7.0.0`` with ``ipykernel`` (Otter runs the script in a Jupyter kernel),
and ``nbgrader==0.9.*``.  Nothing here runs in the test suite or CI.

**The same checks in each tool.**  ``bench/peers/recorder.py`` runs gradekit's own graders (``graders/<topic>/``,
public and hidden) on the reference solutions, in-process, and writes down every ``call(...)`` each check makes:
the function, the arguments, and ``returns`` the expected value, ``prints`` the expected output or ``raises`` the
exception type and message.  The random inputs are the ones gradekit grades (the check's generator, seeded by the
run's seed 1, the check id and the hidden grader's salt).  One gradekit check (one test function) becomes:

* for Otter, one ``@test_case`` with gradekit's points and ``hidden`` for a hidden check, in an exception-based
  test file per exercise (``tests/<topic>__<exercise>.py``, ``OK_FORMAT = False``); the autograder zip is made
  by ``otter generate`` from those files, and each student's submission is one ``.py`` holding their five files;
* for nbgrader, one autograded test cell with gradekit's points in the topic's notebook (one notebook per topic,
  the student's code in its solution cell), a hidden check wholly between ``### BEGIN HIDDEN TESTS`` and
  ``### END HIDDEN TESTS``; ``nbgrader generate_assignment`` releases it and ``nbgrader autograde`` grades.

Both run each case through the small stdlib runtime in ``bench/peers/runtime.py``, which compares as
``gradekit.grader.same`` does.  With the default five topics (functions, comprehensions, formatting, var_args,
conditions) that is 95 checks, 128 points and 445 calls in every tool: gradekit 95 checks (its graders as they
are), Otter 95 test cases in 19 test files, nbgrader 95 graded cells in 5 notebooks.  The script prints the
counts it built and refuses a topic whose checks use more of the grader API than calls (structure checks,
``printed``, ``expect`` on attributes ...).

**The class.**  Students cycle through all-correct (the reference solutions), half-correct (in every topic, half
the exercises solved and the other half left as the starter's stub, alternating which half) and stub (the
starter files).  Each student's expected score comes from running the table in-process on their files; every
run of every tool is checked against it, student by student, and a mismatch aborts the benchmark: no time
counts unless the scores are right.

**What is timed.**  One student: gradekit ``grade check`` (sandboxed, at the best level the machine offers: the
level is printed), ``otter run`` on one submission, ``nbgrader autograde`` of a course holding one submission.
A class of N: ``grade batch --jobs 2`` over N git repositories (reports, gradebooks and dashboard included);
``otter run`` per student, two at a time (``otter grade`` needs Docker); ``nbgrader autograde`` of the whole
course, one process (nbgrader grades a class that way).  Tool runs are interleaved round after round, so a busy
machine slows them alike; medians are printed.  Peak memory: the largest sum of the resident sizes of every
process the run started (psutil, sampled every 50 ms).  The secondary line is the in-process baseline of
``bench/bench_grade.py`` (pytest once per topic, the student's module imported into it) on the all-correct
student.  Ratios are peer time / gradekit time (peer students/s below gradekit's for a class).
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT / "bench" / "peers"
TOPICS = ["functions", "comprehensions", "formatting", "var_args", "conditions"]
OTTER_REQ = ["otter-grader==7.0.0", "ipykernel"]
NBGRADER_REQ = ["nbgrader==0.9.*"]
ASSIGNMENT = "ps1"


# ---------------------------------------------------------------- the check table

def record(topics: list[str], out: Path) -> dict:
    """Run gradekit's graders on the reference solutions through the recorder; the table of checks."""
    env = {**os.environ, "RECORD_OUT": str(out), "RECORD_TOPICS": ",".join(topics), "RECORD_SEED": "1",
           "RECORD_SOLUTIONS": str(ROOT / "exercises"), "PYTHONPATH": str(PEERS),
           "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run([sys.executable, "-m", "pytest", *(str(ROOT / "graders" / t) for t in topics), "-q",
                               "-p", "recorder", "-p", "no:cacheprovider", "--import-mode=importlib",
                               "-c", os.devnull, "--rootdir", str(ROOT / "graders")],
                              env=env, cwd=scratch, capture_output=True, text=True)
    if proc.returncode != 0 or not out.exists():
        sys.exit(f"recording gradekit's checks failed (a topic whose checks are more than calls?):\n"
                 f"{proc.stdout[-4000:]}{proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def case_line(case: dict) -> str:
    args = ", ".join([*case["args"], *(f"{k}={v}" for k, v in case["kwargs"].items())])
    call = f"{case['fn']}({args})"
    if case["kind"] == "returns":
        return f"_eq({call}, {case['expected']})"
    if case["kind"] == "prints":
        return f"_prints(lambda: {call}, {case['expected']})"
    return f"_raises(lambda: {call}, {case['exc']}, {case['message']!r})"


def runtime_text(table: dict) -> str:
    text = (PEERS / "runtime.py").read_text(encoding="utf-8")
    return text.replace("_HELPERS = []", f"_HELPERS = {table['helpers']!r}", 1)


def fn_names(check: dict) -> list[str]:
    return sorted({c["fn"] for c in check["cases"]})


def exercises_of(table: dict, topic: str) -> list[str]:
    return list(dict.fromkeys(c["exercise"] for c in table["checks"] if c["topic"] == topic))


def otter_tests(table: dict, dest: Path) -> int:
    """One exception-based Otter test file per exercise, one test case per gradekit check; the files written."""
    dest.mkdir(parents=True)
    runtime = runtime_text(table)
    files = 0
    for topic in dict.fromkeys(c["topic"] for c in table["checks"]):
        for exercise in exercises_of(table, topic):
            lines = ["OK_FORMAT = False", "", "from otter.test_files import test_case", "",
                     f"name = {f'{topic}__{exercise}'!r}", "", runtime, ""]
            for i, check in enumerate(c for c in table["checks"] if c["topic"] == topic and c["exercise"] == exercise):
                lines += [f"@test_case(name={check['id']!r}, points={check['points']}, hidden={not check['public']})",
                          f"def check_{i}({', '.join(fn_names(check))}):",
                          *(f"    {case_line(case)}" for case in check["cases"]), ""]
            (dest / f"{topic}__{exercise}.py").write_text("\n".join(lines), encoding="utf-8")
            files += 1
    return files


def _cell(kind: str, source: str, nbgrader: dict | None = None) -> dict:
    cell = {"cell_type": kind, "metadata": {}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"schema_version": 3, **nbgrader}
    return cell


def nbgrader_source(table: dict, topic: str) -> dict:
    """The instructor's notebook of a topic: the runtime, the solution cell, one graded test cell per check."""
    solution = (ROOT / "exercises" / topic / "solution.py").read_text(encoding="utf-8")
    cells = [_cell("markdown", f"# {topic}"),
             _cell("code", runtime_text(table), {"grade": False, "solution": False, "locked": True,
                                                 "grade_id": "runtime"}),
             _cell("code", f"### BEGIN SOLUTION\n{solution}\n### END SOLUTION",
                   {"grade": False, "solution": True, "locked": False, "grade_id": "answer"})]
    for i, check in enumerate(c for c in table["checks"] if c["topic"] == topic):
        body = "\n".join(case_line(case) for case in check["cases"])
        if not check["public"]:
            body = f"### BEGIN HIDDEN TESTS\n{body}\n### END HIDDEN TESTS"
        cells.append(_cell("code", f"# {check['id']}\n{body}", {"grade": True, "solution": False, "locked": True,
                                                               "points": check["points"], "grade_id": f"check{i}"}))
    return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                        "name": "python3"},
                                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 4}


# ---------------------------------------------------------------- the class

def spliced(solution: str, stub: str, unsolved: set[str]) -> str:
    """The solution with the functions named in ``unsolved`` put back to the starter's stub."""
    def spans(text):
        return {n.name: (min([n.lineno, *(d.lineno for d in n.decorator_list)]) - 1, n.end_lineno)
                for n in ast.parse(text).body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    lines, stub_lines = solution.splitlines(), stub.splitlines()
    ours, theirs = spans(solution), spans(stub)
    for name in sorted(unsolved, key=lambda n: -ours[n][0]):
        start, end = ours[name]
        lines[start:end] = stub_lines[slice(*theirs[name])]
    return "\n".join(lines) + "\n"


def make_class(n: int, table: dict, topics: list[str]) -> list[tuple[str, str, dict[str, str]]]:
    """``(student id, kind, {topic: source})`` for n students: all-correct, half-correct, stub, in turn."""
    students = []
    for i in range(n):
        kind = ("correct", "half", "stub")[i % 3]
        files = {}
        for topic in topics:
            solution = (ROOT / "exercises" / topic / "solution.py").read_text(encoding="utf-8")
            stub = (ROOT / "starter" / f"{topic}.py").read_text(encoding="utf-8")
            if kind == "correct":
                files[topic] = solution
            elif kind == "stub":
                files[topic] = stub
            else:
                names = exercises_of(table, topic)
                files[topic] = spliced(solution, stub, set(names[(i // 3) % 2::2]))
        students.append((f"s{i:03d}", kind, files))
    return students


def expected_score(table: dict, files: dict[str, str]) -> int:
    """The student's score by the table, run in-process on their files (the scores every tool must give)."""
    runtime: dict = {}
    exec(compile(runtime_text(table), "<runtime>", "exec"), runtime)
    modules = {}
    for topic, text in files.items():
        namespace = {"__name__": topic}
        exec(compile(text, f"{topic}.py", "exec"), namespace)
        modules[topic] = namespace
    score = 0
    for check in table["checks"]:
        namespace = {**runtime, **modules[check["topic"]]}
        try:
            exec("\n".join(case_line(c) for c in check["cases"]), namespace)
        except Exception:
            continue
        score += check["points"]
    return score


# ---------------------------------------------------------------- running and measuring

class Peak:
    """The largest total resident size of this process's descendants while a run goes on (psutil, 50 ms)."""

    def __init__(self):
        import psutil
        self.me, self.peak, self.stop = psutil.Process(), 0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        import psutil
        while not self.stop.is_set():
            total = 0
            for child in self.me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.stop.wait(0.05)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def run(cmd, cwd=None, env=None, ok=(0,)) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=3600)
    if proc.returncode not in ok:
        sys.exit(f"failed (exit {proc.returncode}): {' '.join(map(str, cmd))}\n{proc.stdout[-3000:]}\n"
                 f"{proc.stderr[-3000:]}")
    return proc


def venv(cache: Path, name: str, python: str, requirements: list[str]) -> Path:
    """A venv of the cache holding ``requirements``, made once and reused while the requirements are the same."""
    where, marker = cache / name, cache / name / "gradekit-bench.json"
    if marker.exists() and json.loads(marker.read_text()) == requirements:
        return where / "bin"
    shutil.rmtree(where, ignore_errors=True)
    print(f"making the {name} venv in {where} ({' '.join(requirements)}) ...", flush=True)
    run([python, "-m", "venv", str(where)])
    run([str(where / "bin" / "python"), "-m", "pip", "install", "-q", *requirements])
    marker.write_text(json.dumps(requirements))
    return where / "bin"


def venv_env(bin_dir: Path) -> dict:
    """The environment of an activated venv: nbgrader runs ``alembic`` from PATH."""
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "VIRTUAL_ENV": str(bin_dir.parent)}


def version(bin_dir: Path, dist: str) -> str:
    return run([str(bin_dir / "python"), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"]
               ).stdout.strip()


class Bench:
    def __init__(self, args, work: Path, table: dict, students):
        self.args, self.work, self.table, self.students = args, work, table, students
        self.topics = args.topics
        self.expected = {sid: expected_score(table, files) for sid, _, files in students}
        self.isolation = "?"

    def check_scores(self, tool: str, got: dict[str, float], ids: list[str]):
        wrong = {s: (got.get(s), self.expected[s]) for s in ids if got.get(s) != self.expected[s]}
        if wrong or len(got) != len(ids):
            sys.exit(f"{tool}: wrong scores, the benchmark stops (student: (got, expected)): {wrong or got}")

    # gradekit ---------------------------------------------------------------------------
    def prepare_gradekit(self):
        repos = self.work / "gradekit" / "repos"
        for sid, _, files in self.students:
            starter = repos / sid / "starter"
            starter.mkdir(parents=True)
            for topic, text in files.items():
                (starter / f"{topic}.py").write_text(text, encoding="utf-8")
            git = ["git", "-C", str(repos / sid), "-c", "user.name=s", "-c", "user.email=s@example.invalid"]
            run(git[:3] + ["init", "-q"])
            run(git + ["add", "-A"])
            run(git + ["commit", "-q", "-m", "work"])
        for n in self.args.sizes:
            if n > 1:
                klass = self.work / "gradekit" / f"class{n}"
                klass.mkdir()
                for sid, _, _ in self.students[:n]:  # copies: batch refuses a repository behind a symlink
                    shutil.copytree(repos / sid, klass / sid)

    def gradekit_one(self) -> dict[str, float]:
        sid = self.students[0][0]
        out = self.work / "gradekit" / "one.json"
        run([sys.executable, "-m", "gradekit", "check", *self.topics, "--submission",
             str(self.work / "gradekit" / "repos" / sid / "starter"), "--seed", "1", "--json", str(out)],
            cwd=ROOT, ok=(0, 1))
        result = json.loads(out.read_text(encoding="utf-8"))
        self.isolation = result.get("isolation", "?")
        return {sid: result["score"]}

    def gradekit_class(self, n: int) -> dict[str, float]:
        out = Path(tempfile.mkdtemp(dir=self.work / "gradekit", prefix=f"out{n}-"))
        shutil.rmtree(out)
        run([sys.executable, "-m", "gradekit", "batch", str(self.work / "gradekit" / f"class{n}"), "--out", str(out),
             "--jobs", "2", "--seed", "1", "--kit", str(ROOT), "--topics", ",".join(self.topics)], cwd=ROOT)
        scores = {}
        for path in (out / "results").rglob("*.json"):
            result = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(result, dict) and "score" in result:
                scores[path.stem] = result["score"]
        return scores

    # Otter ------------------------------------------------------------------------------
    def prepare_otter(self, bin_dir: Path):
        base = self.work / "otter"
        count = otter_tests(self.table, base / "tests")
        print(f"Otter: {count} test files, {len(self.table['checks'])} test cases", flush=True)
        run([str(bin_dir / "otter"), "generate", "-t", "tests", "-o", "autograder.zip", "--no-config",
             "--no-requirements", "--no-environment"], cwd=base, env=venv_env(bin_dir))
        for sid, _, files in self.students:
            (base / "subs" / sid).mkdir(parents=True)
            text = "\n\n".join(files[t] for t in self.topics)
            (base / "subs" / sid / f"{sid}.py").write_text(text, encoding="utf-8")
        self.otter_bin = bin_dir

    def _otter(self, sid: str) -> tuple[str, float]:
        base = self.work / "otter"
        out = base / "out" / sid
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        run([str(self.otter_bin / "otter"), "run", "-a", str(base / "autograder.zip"), "-o", str(out), "--no-logo",
             str(base / "subs" / sid / f"{sid}.py")], cwd=base, env=venv_env(self.otter_bin))
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        return sid, sum(t.get("score", 0) for t in results["tests"])

    def otter_class(self, n: int) -> dict[str, float]:
        with ThreadPoolExecutor(2 if n > 1 else 1) as pool:
            return dict(pool.map(self._otter, [s for s, _, _ in self.students[:n]]))

    # nbgrader ---------------------------------------------------------------------------
    def prepare_nbgrader(self, bin_dir: Path):
        self.nbgrader_bin = bin_dir
        notebooks = {t: nbgrader_source(self.table, t) for t in self.topics}
        cells = sum(1 for nb in notebooks.values() for c in nb["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade"))
        print(f"nbgrader: {len(notebooks)} notebooks, {cells} graded test cells", flush=True)
        for n in self.args.sizes:
            course = self.work / "nbgrader" / f"course{n}"
            (course / "source" / ASSIGNMENT).mkdir(parents=True)
            (course / "nbgrader_config.py").write_text(
                "c = get_config()\nc.CourseDirectory.course_id = 'bench'\n"
                f"c.CourseDirectory.root = {str(course)!r}\n", encoding="utf-8")
            for topic, nb in notebooks.items():
                (course / "source" / ASSIGNMENT / f"{topic}.ipynb").write_text(json.dumps(nb, ensure_ascii=False),
                                                                              encoding="utf-8")
            run([str(bin_dir / "nbgrader"), "generate_assignment", ASSIGNMENT, "--force"], cwd=course,
                env=venv_env(bin_dir))
            for sid, _, files in self.students[:n]:
                dest = course / "submitted" / sid / ASSIGNMENT
                dest.mkdir(parents=True)
                for topic, text in files.items():
                    nb = json.loads((course / "release" / ASSIGNMENT / f"{topic}.ipynb").read_text(encoding="utf-8"))
                    answer = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
                    assert len(answer) == 1, "one solution cell per notebook"
                    answer[0]["source"] = text
                    (dest / f"{topic}.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")

    def nbgrader_class(self, n: int) -> dict[str, float]:
        course = self.work / "nbgrader" / f"course{n}"
        run([str(self.nbgrader_bin / "nbgrader"), "autograde", ASSIGNMENT, "--force"], cwd=course,
            env=venv_env(self.nbgrader_bin))
        return self._nbgrader_scores(course)

    def _nbgrader_scores(self, course: Path) -> dict[str, float]:
        code = ("import json, sys\nfrom nbgrader.api import Gradebook\n"
                "with Gradebook('sqlite:///gradebook.db') as gb:\n"
                f"    print(json.dumps({{s.student.id: s.score for s in gb.assignment_submissions({ASSIGNMENT!r})}}))")
        return json.loads(run([str(self.nbgrader_bin / "python"), "-c", code], cwd=course,
                              env=venv_env(self.nbgrader_bin)).stdout)

    # the rounds -------------------------------------------------------------------------
    def measure(self, tool: str, n: int) -> tuple[float, float]:
        ids = [s for s, _, _ in self.students[:n]]
        if tool == "gradekit":
            job = self.gradekit_one if n == 1 else (lambda: self.gradekit_class(n))
        elif tool == "otter":
            job = lambda: self.otter_class(n)  # noqa: E731
        else:
            job = lambda: self.nbgrader_class(n)  # noqa: E731
        with Peak() as peak:
            started = time.perf_counter()
            scores = job()
            seconds = time.perf_counter() - started
        self.check_scores(tool, scores, ids)
        return seconds, peak.peak / 2**20


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--topics", default=",".join(TOPICS), help="comma-separated topics (default: %(default)s)")
    parser.add_argument("--sizes", default="1,20,60", help="class sizes N to time (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds; medians are printed (default 3)")
    parser.add_argument("--quick", action="store_true", help="--sizes 1,6 --repeat 1")
    parser.add_argument("--tools", default="gradekit,otter,nbgrader", help="which of the three to run")
    parser.add_argument("--python", default="python3.11", help="the Python the peers' venvs are made with")
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "gradekit-bench")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat = "1,6", 1
    args.topics = args.topics.split(",")
    args.sizes = sorted({int(n) for n in args.sizes.split(",")})
    tools = args.tools.split(",")
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_grade import run_naive

    args.cache.mkdir(parents=True, exist_ok=True)
    if {"otter", "nbgrader"} & set(tools) and shutil.which(args.python) is None:
        sys.exit(f"{args.python} not found: the peers' venvs are made with it (--python PATH names another)")
    bins = {}
    if "otter" in tools:
        bins["otter"] = venv(args.cache, "otter", args.python, OTTER_REQ)
    if "nbgrader" in tools:
        bins["nbgrader"] = venv(args.cache, "nbgrader", args.python, NBGRADER_REQ)

    work = Path(tempfile.mkdtemp(prefix="gradekit-bench-peers-")) if args.keep is None else args.keep
    if args.keep is not None:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    try:
        table = record(args.topics, work / "checks.json")
        checks = table["checks"]
        print(f"checks: {len(checks)} ({sum(c['points'] for c in checks)} points, "
              f"{sum(len(c['cases']) for c in checks)} calls) from gradekit's graders of {', '.join(args.topics)}",
              flush=True)
        students = make_class(max(args.sizes), table, args.topics)
        bench = Bench(args, work, table, students)
        full = sum(c["points"] for c in checks)
        kinds = {k: sorted({bench.expected[s] for s, kind, _ in students if kind == k})
                 for k in ("correct", "half", "stub")}
        if kinds["correct"] != [full]:
            sys.exit(f"the reference solutions do not score {full} by the table: {kinds['correct']}")
        print(f"class: {max(args.sizes)} students; expected scores: all-correct {kinds['correct']}, "
              f"half-correct {kinds['half']}, stub {kinds['stub']} (of {full})", flush=True)
        if "gradekit" in tools:
            bench.prepare_gradekit()
        if "otter" in tools:
            bench.prepare_otter(bins["otter"])
        if "nbgrader" in tools:
            bench.prepare_nbgrader(bins["nbgrader"])

        times: dict[tuple[str, int], list[float]] = {}
        peaks: dict[tuple[str, int], float] = {}
        for tool in tools:  # warm-up: caches and bytecode, and every tool's scores checked once
            bench.measure(tool, 1)
        naive = []
        for round_ in range(args.repeat):
            for n in args.sizes:
                for tool in tools:
                    seconds, peak = bench.measure(tool, n)
                    times.setdefault((tool, n), []).append(seconds)
                    peaks[(tool, n)] = max(peaks.get((tool, n), 0), peak)
                    print(f"  round {round_ + 1}: {tool:9} N={n:<3} {seconds:7.2f} s  peak {peak:6.0f} MiB", flush=True)
            with tempfile.TemporaryDirectory() as tmp:
                sub = Path(tmp)
                for topic, text in students[0][2].items():
                    (sub / f"{topic}.py").write_text(text, encoding="utf-8")
                naive.append(run_naive(args.topics, sub, check=False))
        report(args, tools, bins, bench, times, peaks, naive, table)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def report(args, tools, bins, bench, times, peaks, naive, table):
    names = {"gradekit": "gradekit",
             "otter": f"Otter {version(bins['otter'], 'otter-grader')}" if "otter" in bins else "",
             "nbgrader": f"nbgrader {version(bins['nbgrader'], 'nbgrader')}" if "nbgrader" in bins else ""}
    how = {"gradekit": "grade check / grade batch --jobs 2", "otter": "otter run (2 at a time)",
           "nbgrader": "nbgrader autograde (one process)"}
    med = {k: statistics.median(v) for k, v in times.items()}
    sizes, big = args.sizes, max(args.sizes)
    print()
    print(f"{datetime.date.today().isoformat()} · {os.cpu_count()} cores · {platform.machine()} · "
          f"python {sys.version.split()[0]} · gradekit isolation {bench.isolation} · medians of {args.repeat} · "
          f"{len(table['checks'])} checks in {len(args.topics)} topics ({', '.join(args.topics)}) · "
          f"load average at the end {os.getloadavg()[1]:.1f} (5 min)")
    head = ["tool", "how"] + [("s, one student" if n == 1 else f"students/s, N={n}") for n in sizes] + \
           [f"peak MiB, N={big}"]
    rows = []
    for tool in tools:
        row = [names[tool], how[tool]]
        for n in sizes:
            if (tool, n) not in med:
                row.append("-")
                continue
            value = med[(tool, n)] if n == 1 else n / med[(tool, n)]
            cell = f"{value:.2f}"
            if tool != "gradekit" and ("gradekit", n) in med:
                cell += f" ({med[(tool, n)] / med[('gradekit', n)]:.1f}x)"
            row.append(cell)
        row.append(f"{peaks.get((tool, big), 0):.0f}")
        rows.append(row)
    rows.append(["in-process baseline", "pytest per topic, imported (bench_grade.py)",
                 f"{statistics.median(naive):.2f}" + (f" ({statistics.median(naive) / med[('gradekit', 1)]:.1f}x)"
                                                       if ("gradekit", 1) in med else "")]
                + ["-"] * (len(sizes) - 1) + ["-"])
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    print("ratios (in brackets): the peer's time / gradekit's time for the same work; peak memory: the largest "
          "total RSS of all processes a run started (psutil, every 50 ms)")


if __name__ == "__main__":
    sys.exit(main())
