"""``grade doctor``: what this machine offers the sandbox, and what to change for the strongest level."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

from gradekit import __version__
from gradekit.sandbox import isolation
from gradekit.messages.catalogue import t
from gradekit.model import EXIT_ERROR, EXIT_FAILED, EXIT_OK

#: The levels, in the order ``grade doctor`` lists them, each with what it protects and what it cannot
#: (the catalogue's ``dr_<level>_protects`` and ``dr_<level>_cannot``: the README's Isolation table).
LEVEL_ORDER = ("bwrap", "process", "portable")


def level_rows(lang: str) -> list[tuple[str, str, str]]:
    return [(level, t(f"dr_{level}_protects", lang), t(f"dr_{level}_cannot", lang)) for level in LEVEL_ORDER]


def level_head(lang: str) -> tuple[str, str, str]:
    return t("dr_head_level", lang), t("dr_head_protects", lang), t("dr_head_cannot", lang)


def process_note(reason: str, lang: str) -> str:
    """Said wherever student code ran at the process level, so nobody mistakes it for the strongest one."""
    return t("dr_note_process", lang, reason=reason, fix=isolation.FIX)


def levels_table(chosen: str, lang: str):
    """Every level, the one ``auto`` picks here marked, with what it protects and what it cannot."""
    from rich.table import Table

    table = Table(show_lines=True)
    for name in level_head(lang):
        table.add_column(name, overflow="fold")   # Chinese has no spaces to wrap at: fold, never cut
    for level, protects, cannot in level_rows(lang):
        table.add_row(f"{level} ←" if level == chosen else level, protects, cannot)
    return table


def portable_note(iso, lang: str) -> str:
    missing = t("dr_missing", lang, limits=", ".join(iso.missing)) if iso.missing else ""
    return t("dr_note_portable", lang, reason=iso.reason, missing=missing)


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


def landlock_lines(iso, lang: str = "en") -> list[str]:
    """What Landlock adds at this level here (the process and portable levels, on Linux)."""
    if iso.level == "bwrap":
        return [t("dr_ll_bwrap", lang)]
    if not iso.landlock:
        return [t("dr_ll_none", lang, note=iso.landlock_note or t("dr_ll_na", lang))]
    lines = [t("dr_ll_abi", lang, abi=iso.landlock)]
    if iso.landlock_signals:
        lines.append(t("dr_ll_scoped", lang))
    else:
        lines.append(t("dr_ll_unscoped", lang, abi=isolation.LANDLOCK_SIGNALS_ABI))
    return lines


def run(console, lang: str = "en") -> int:
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_header=False, box=None)
    for key, value in facts():
        table.add_row(key, value)
    console.print(table)
    try:
        iso = isolation.detect()
    except isolation.IsolationUnavailable as exc:
        console.print(levels_table("", lang))
        console.print(f"[red]{t('dr_unavailable', lang)}[/] {escape(str(exc))}")
        return EXIT_ERROR
    console.print(levels_table(iso.level, lang))
    if iso.level == "bwrap":
        console.print(f"[green]{t('dr_bwrap', lang)}[/]{t('dr_bwrap_why', lang)}")
        return EXIT_OK
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    console.print(f"[yellow]{t('dr_level', lang, level=iso.level)}[/]{open_}{escape(iso.reason)}{close}")
    if iso.level == "portable":
        console.print(portable_note(iso, lang), markup=False)
        if sys.platform.startswith("linux"):
            for line in landlock_lines(iso, lang):
                console.print(line, markup=False)
        return EXIT_FAILED
    for line in landlock_lines(iso, lang):
        console.print(line, markup=False)
    console.print(t("dr_processes", lang), markup=False)
    console.print(t("dr_fix", lang, fix=isolation.FIX), markup=False)
    return EXIT_FAILED
