"""The batch's memory: one SQLite row per student, written the moment that student is graded.

WAL journaling and a commit per row mean a batch killed at any instant (Ctrl-C,
``kill -9``) loses at most the students being graded at that moment; the next
run reads what is here and grades only the rest.  A database left unreadable
by a crash is moved aside and rebuilt from the per-student JSON files the batch
also writes, and the batch says so.

A roster identifier is text a student or a spreadsheet chose (``../x``, ``a/b``,
``CON``, a name differing from another only by case), never a path: every file
named after a student goes through ``file_key`` (the batch's own files) or
``file_names`` (the reports an instructor opens), and the row keeps the original.

``score`` is NULL for every row that is not graded: a student who submitted
nothing is blank in a gradebook, never 0.  A store written before that rule
(``score NOT NULL``, no ``grading`` column) is upgraded in place when opened,
and its ungraded rows read as blank.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from pathlib import Path

#: A roster value used as it is for a file name: portable on every system the files may be copied to.
PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
#: Names Windows refuses for a file whatever its extension (``aux.txt`` too).
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}

SCHEMA = """
CREATE TABLE IF NOT EXISTS grades (
    username TEXT PRIMARY KEY,
    status TEXT NOT NULL,          -- graded, or a problem: clone-failed, empty, late, no-repository, grading-error...
    message TEXT NOT NULL DEFAULT '',
    score REAL,                    -- NULL unless graded: an ungraded student is blank, never 0
    max_score INTEGER NOT NULL DEFAULT 0,
    commit_sha TEXT,
    commit_time TEXT,
    later_commits INTEGER NOT NULL DEFAULT 0,
    flags TEXT NOT NULL DEFAULT '[]',
    student TEXT NOT NULL DEFAULT '{}',
    result TEXT,                   -- the native JSON result, when graded
    graded_at REAL NOT NULL,
    grading TEXT                   -- JSON: the deadline, cut-off and penalty applied (NULL on old rows)
)
"""
COLUMNS = ["username", "status", "message", "score", "max_score", "commit_sha", "commit_time", "later_commits",
           "flags", "student", "result", "graded_at", "grading"]


def _plain(identifier: str) -> bool:
    return (PLAIN.fullmatch(identifier) is not None and not identifier.endswith(".")
            and identifier.split(".")[0].lower() not in WINDOWS_RESERVED)


def file_key(identifier: str) -> str:
    """A file name for ``identifier`` that is safe everywhere and distinct for every identifier, even where
    names differing by case are one file: a readable part plus a digest of the whole.  The batch's own files
    (exports, clones, row copies) use it."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", identifier).strip("._-")[:40] or "student"
    if readable.split(".")[0].lower() in WINDOWS_RESERVED:
        readable = "_" + readable
    return f"{readable}-{hashlib.sha256(identifier.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"


def file_names(identifiers) -> dict[str, str]:
    """A file name (no extension) inside ``--out`` for each roster identifier, for the files an instructor opens.

    A plain identifier (letters, digits, ``.``, ``_``, ``-``; not a Windows device name) is its own name;
    any other, and any two that differ only by case, get ``file_key``'s: stable, and never one another's.
    The identifier itself stays in the row.
    """
    identifiers = list(dict.fromkeys(identifiers))
    names = {i: (i if _plain(i) else file_key(i)) for i in identifiers}
    for _ in range(2):  # a plain name may meet another's key; a second pass settles it
        seen: dict[str, list[str]] = {}
        for i, name in names.items():
            seen.setdefault(name.casefold(), []).append(i)
        for group in seen.values():
            if len(group) > 1:
                for i in group:
                    names[i] = file_key(i)
    return names


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.recovered = ""
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            broken = self.path.with_suffix(f".broken-{int(time.time())}")
            self.path.rename(broken)
            for suffix in ("-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self.db = self._open()
            self.recovered = f"{self.path.name} was unreadable ({exc}); moved to {broken.name} and rebuilt"

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(SCHEMA)
        db.execute("SELECT count(*) FROM grades").fetchone()
        self._upgrade(db)
        return db

    @staticmethod
    def _upgrade(db: sqlite3.Connection) -> None:
        """A store written before ungraded meant blank: ``score`` was ``NOT NULL`` and there was no ``grading``.
        SQLite cannot drop a constraint in place, so the table is copied once, in one transaction."""
        info = {r[1]: r for r in db.execute("PRAGMA table_info(grades)")}
        if "grading" in info and not info["score"][3]:
            return
        old = [c for c in COLUMNS if c in info]
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("ALTER TABLE grades RENAME TO grades_old")
            db.execute(SCHEMA)
            db.execute(f"INSERT INTO grades ({', '.join(old)}) SELECT {', '.join(old)} FROM grades_old")
            db.execute("DROP TABLE grades_old")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def save(self, row: dict) -> None:
        values = {**{c: None for c in COLUMNS}, **row, "graded_at": time.time()}
        values["flags"] = json.dumps(values.get("flags") or [])
        values["student"] = json.dumps(values.get("student") or {})
        values["grading"] = json.dumps(values.get("grading") or {}, ensure_ascii=False)
        if values["status"] != "graded":
            values["score"] = None
        for key, default in (("message", ""), ("max_score", 0), ("later_commits", 0)):
            if values[key] is None:
                values[key] = default
        self.db.execute(f"INSERT OR REPLACE INTO grades ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                        [values[c] for c in COLUMNS])

    def done(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT username FROM grades")}

    def forget(self, username: str) -> None:
        self.db.execute("DELETE FROM grades WHERE username = ?", (username,))

    def rows(self) -> list[dict]:
        out = []
        for r in self.db.execute(f"SELECT {', '.join(COLUMNS)} FROM grades ORDER BY username"):
            row = dict(zip(COLUMNS, r))
            row["flags"] = json.loads(row["flags"])
            row["student"] = json.loads(row["student"])
            row["result"] = json.loads(row["result"]) if row["result"] else None
            row["grading"] = json.loads(row["grading"]) if row["grading"] else {}
            if row["status"] != "graded":
                row["score"] = None  # an old store kept 0 for students who submitted nothing
            elif isinstance(row["score"], float) and row["score"].is_integer():
                row["score"] = int(row["score"])
            out.append(row)
        return out

    def close(self) -> None:
        self.db.close()
