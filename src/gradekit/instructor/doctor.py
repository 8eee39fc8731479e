"""``grade doctor``: what this machine offers the sandbox, and what to change for the strongest level."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

from gradekit import __version__
from gradekit.sandbox import isolation
from gradekit.model import EXIT_ERROR, EXIT_FAILED, EXIT_OK

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


#: What each level protects and cannot, the same statement as README's Isolation table.  Shown by
#: ``grade doctor`` for every level, so an instructor choosing where to grade sees the trade before a batch.
LEVELS = {
    "en": {
        "bwrap": ("student code sees a read-only system and only its own student's files (no graders, solutions, "
                  "other students or home folder), no network, no process of ours; daemons die with the namespace",
                  "nothing a submission can do reaches the grader; a kernel bug could"),
        "process": ("endless loops, floods, crashes, memory and disk hogs; the grader and the runner are subreapers "
                    "and sweep whatever a submission starts; a stalled or stopped session is killed and the topic in "
                    "flight blamed; a seccomp filter refuses stop signals and ptrace; with Landlock, writes only to "
                    "scratch, reads only the system and its own copy, and (ABI 6+) no signals out",
                    "code runs as your user: without Landlock it can read and write your files and other students', "
                    "and kill your processes; /proc stays readable; root is exempt from RLIMIT_NPROC"),
        "portable": ("the same mistakes: a fresh interpreter per topic, its whole process tree killed when the topic "
                     "ends, limits where the system has them (Landlock too, on Linux)",
                     "a student set on harm on Windows or macOS: no Landlock, no subreaper, fewer limits; "
                     "`grade batch` refuses it without --allow-process-level"),
    },
    "zh": {
        "bwrap": ("学生代码只看到只读的系统和该学生自己的文件（看不到评分器、答案、其他学生和主目录），没有网络，"
                  "看不到我们的进程；残留的守护进程随命名空间一起结束",
                  "提交的代码碰不到评分进程；只有内核漏洞才可能"),
        "process": ("死循环、输出刷屏、崩溃、占满内存或磁盘；评分进程和运行器是子进程收割者，会清理提交启动的一切；"
                    "停滞或被暂停的会话会被结束，并归咎于正在评分的主题；seccomp 过滤器拒绝暂停信号和 ptrace；有 Landlock 时，只能写自己的临时目录，"
                    "只能读系统和自己的副本，且（ABI 6 及以上）不能向外发信号",
                    "代码以你的用户身份运行：没有 Landlock 时能读写你和其他学生的文件，能结束你的进程；"
                    "/proc 仍可读；root 不受 RLIMIT_NPROC 限制"),
        "portable": ("同样的失误：每个主题一个新的解释器，主题结束时结束它的整个进程树，系统支持的限制都会施加"
                     "（在 Linux 上还有 Landlock）",
                     "防不住在 Windows 或 macOS 上蓄意破坏的学生：没有 Landlock、没有子进程收割者、限制更少；"
                     "没有 --allow-process-level 时 `grade batch` 拒绝使用它"),
    },
}
LEVEL_HEAD = {"en": ("level", "protects", "cannot"), "zh": ("级别", "能防住", "防不住")}


def levels_table(chosen: str, lang: str):
    """Every level, the one ``auto`` picks here marked, with what it protects and what it cannot."""
    from rich.table import Table

    head = LEVEL_HEAD[lang]
    table = Table(show_lines=True)
    for name in head:
        table.add_column(name, overflow="fold")   # Chinese has no spaces to wrap at: fold, never cut
    for level, (protects, cannot) in LEVELS[lang].items():
        table.add_row(f"{level} ←" if level == chosen else level, protects, cannot)
    return table


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


#: The doctor's own lines, in each language (the facts table stays as the system names things).
SAY = {
    "en": {
        "ll_bwrap": "landlock: not needed at the bwrap level (namespaces already hide files and processes)",
        "ll_none": "landlock: none ({note}): children can write wherever this user can, read other students' files "
                   "and the kit's hidden graders, and kill the grader (the runner then grades again and blames the "
                   "topic in flight); a seccomp filter still refuses stop signals and ptrace",
        "ll_na": "not available",
        "ll_abi": "landlock: ABI {abi}: children write only to their scratch folder and /dev/shm, and read only the "
                  "system, Python, gradekit and their own submission's copy",
        "ll_scoped": "landlock: signals scoped: children cannot signal the grader or any process outside their "
                     "sandbox, nor reach abstract sockets outside it",
        "ll_unscoped": "landlock: signals not scoped (needs ABI {abi}, Linux 6.12+): a child can still kill the grader "
                       "(the runner grades again and blames the topic in flight); a seccomp filter refuses stop "
                       "signals and ptrace",
        "unavailable": "isolation: unavailable",
        "bwrap": "isolation: bwrap",
        "bwrap_why": " (namespaces: private file system view, no network, own PID space)",
        "level": "isolation: {level}",
        "processes": "processes: the grader and the runner are subreapers: whatever a submission starts is killed "
                     "when it is done; RLIMIT_NPROC bounds fork bombs (not for root, whom the kernel exempts)",
        "fix": "to get the strongest level: {fix}",
    },
    "zh": {
        "ll_bwrap": "landlock：bwrap 级别不需要它（命名空间已经隐藏了文件和进程）",
        "ll_none": "landlock：没有（{note}）：子进程能写入这个用户能写的任何地方，能读取其他学生的文件和题包的隐藏评分器，"
                   "也能结束评分进程（运行器会重新评分，并归咎于正在评分的主题）；seccomp 过滤器仍然拒绝暂停信号和 ptrace",
        "ll_na": "不可用",
        "ll_abi": "landlock：ABI {abi}：子进程只能写自己的临时目录和 /dev/shm，只能读系统、Python、gradekit 和自己那份提交的副本",
        "ll_scoped": "landlock：信号已限定范围：子进程不能向评分进程或沙箱外的任何进程发信号，也连不到沙箱外的抽象套接字",
        "ll_unscoped": "landlock：信号没有限定范围（需要 ABI {abi}，Linux 6.12 及以上）：子进程仍能结束评分进程"
                       "（运行器会重新评分，并归咎于正在评分的主题）；seccomp 过滤器拒绝暂停信号和 ptrace",
        "unavailable": "隔离：不可用",
        "bwrap": "隔离：bwrap",
        "bwrap_why": "（命名空间：独立的文件系统视图，没有网络，独立的进程号空间）",
        "level": "隔离：{level}",
        "processes": "进程：评分进程和运行器是子进程收割者，提交启动的一切在它结束时都会被结束；RLIMIT_NPROC 限制 fork 炸弹"
                     "（root 除外，内核不对它施加这个限制）",
        "fix": "要获得最强的隔离级别：{fix}",
    },
}


def landlock_lines(iso, lang: str = "en") -> list[str]:
    """What Landlock adds at this level here (the process and portable levels, on Linux)."""
    say = SAY[lang]
    if iso.level == "bwrap":
        return [say["ll_bwrap"]]
    if not iso.landlock:
        return [say["ll_none"].format(note=iso.landlock_note or say["ll_na"])]
    lines = [say["ll_abi"].format(abi=iso.landlock)]
    if iso.landlock_signals:
        lines.append(say["ll_scoped"])
    else:
        lines.append(say["ll_unscoped"].format(abi=isolation.LANDLOCK_SIGNALS_ABI))
    return lines


def run(console, lang: str = "en") -> int:
    from rich.markup import escape
    from rich.table import Table

    say = SAY[lang]
    table = Table(show_header=False, box=None)
    for key, value in facts():
        table.add_row(key, value)
    console.print(table)
    try:
        iso = isolation.detect()
    except isolation.IsolationUnavailable as exc:
        console.print(levels_table("", lang))
        console.print(f"[red]{say['unavailable']}[/] {escape(str(exc))}")
        return EXIT_ERROR
    console.print(levels_table(iso.level, lang))
    if iso.level == "bwrap":
        console.print(f"[green]{say['bwrap']}[/]{say['bwrap_why']}")
        return EXIT_OK
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    console.print(f"[yellow]{say['level'].format(level=iso.level)}[/]{open_}{escape(iso.reason)}{close}")
    if iso.level == "portable":
        console.print(portable_note(iso, lang), markup=False)
        if sys.platform.startswith("linux"):
            for line in landlock_lines(iso, lang):
                console.print(line, markup=False)
        return EXIT_FAILED
    for line in landlock_lines(iso, lang):
        console.print(line, markup=False)
    console.print(say["processes"], markup=False)
    console.print(say["fix"].format(fix=isolation.FIX), markup=False)
    return EXIT_FAILED
