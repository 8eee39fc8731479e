"""``grade doctor``: what this machine offers the sandbox, and what to change for the strongest level."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

from gradekit import __version__, isolation

NOTE = {
    "zh": "注意：学生代码只在进程级限制下运行（{reason}）。要获得最强隔离：{fix}",
    "en": "note: student code ran with process limits only ({reason}). For the strongest isolation: {fix}",
}
NOTE_PORTABLE = {
    "zh": "注意：学生代码在便携级别运行（{reason}）：每个主题一个新的解释器，主题结束时结束它的整个进程树。"
          "{missing}它防止失误（死循环、输出刷屏、残留进程），不防蓄意攻击；批改不可信的作业请在 Linux 上用 bwrap 级别。",
    "en": "note: student code ran at the portable level ({reason}): a fresh interpreter per topic, its whole process "
          "tree killed when the topic ends. {missing}It guards against mistakes (endless loops, floods, leftover "
          "processes), not against deliberate attacks; grade untrusted work at the bwrap level, on Linux.",
}
MISSING = {"zh": "这里无法施加的限制：{limits}。", "en": "Limits this system cannot apply: {limits}. "}


def portable_note(iso, lang: str) -> str:
    missing = MISSING[lang].format(limits=", ".join(iso.missing)) if iso.missing else ""
    return NOTE_PORTABLE[lang].format(reason=iso.reason, missing=missing)


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def facts() -> list[tuple[str, str]]:
    import pytest

    rows = [("gradekit", __version__), ("python", f"{platform.python_version()} ({sys.executable})"),
            ("pytest", pytest.__version__), ("platform", platform.platform())]
    bwrap = shutil.which("bwrap")
    version = ""
    if bwrap:
        try:
            version = subprocess.run([bwrap, "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            version = "?"
    rows.append(("bubblewrap", f"{version} ({bwrap})" if bwrap else "not installed"))
    abi, note = isolation.landlock_probe()
    rows.append(("landlock", f"ABI {abi}" + (f" ({note})" if note else "") if abi else note))
    for name, path in (("user namespaces (max)", "/proc/sys/user/max_user_namespaces"),
                       ("unprivileged_userns_clone", "/proc/sys/kernel/unprivileged_userns_clone"),
                       ("apparmor_restrict_unprivileged_userns", "/proc/sys/kernel/apparmor_restrict_unprivileged_userns")):
        value = _read(path)
        if value is not None:
            rows.append((name, value))
    return rows


def landlock_lines(iso) -> list[str]:
    """What Landlock adds at this level here (the process and portable levels, on Linux)."""
    if iso.level == "bwrap":
        return ["landlock: not needed at the bwrap level (namespaces already hide files and processes)"]
    if not iso.landlock:
        return [f"landlock: none ({iso.landlock_note or 'not available'}): children can write wherever this user "
                "can, read other students' files and the kit's hidden graders, and signal the grader (the runner "
                "then kills the stalled session and blames the topic in flight)"]
    lines = [f"landlock: ABI {iso.landlock}: children write only to their scratch folder and /dev/shm, and read "
             "only the system, Python, gradekit and their own submission's copy"]
    if iso.landlock_signals:
        lines.append("landlock: signals scoped: children cannot signal the grader or any process outside their "
                     "sandbox, nor reach abstract sockets outside it")
    else:
        lines.append(f"landlock: signals not scoped (needs ABI {isolation.LANDLOCK_SIGNALS_ABI}, Linux 6.12+): a child "
                     "can still stop the grader; the runner then kills the stalled session and blames the topic in flight")
    return lines


def run(console) -> int:
    from rich.table import Table

    table = Table(show_header=False, box=None)
    for key, value in facts():
        table.add_row(key, value)
    console.print(table)
    try:
        iso = isolation.detect()
    except isolation.IsolationUnavailable as exc:
        console.print(f"[red]isolation: unavailable[/] {exc}")
        return 2
    if iso.level == "bwrap":
        console.print("[green]isolation: bwrap[/] (namespaces: private file system view, no network, own PID space)")
        return 0
    if iso.level == "portable":
        console.print(f"[yellow]isolation: portable[/] ({iso.reason})")
        console.print(portable_note(iso, "en"), markup=False)
        if sys.platform.startswith("linux"):
            for line in landlock_lines(iso):
                console.print(line, markup=False)
        return 1
    console.print(f"[yellow]isolation: process[/] ({iso.reason})")
    for line in landlock_lines(iso):
        console.print(line, markup=False)
    console.print("processes: the grader and the runner are subreapers: whatever a submission starts is killed "
                  "when it is done; RLIMIT_NPROC bounds fork bombs (not for root, whom the kernel exempts)",
                  markup=False)
    console.print(f"to get the strongest level: {isolation.FIX}")
    return 1
