"""The batch's memory: one SQLite row per student, written the moment that student is graded.

WAL journaling and a commit per row mean a batch killed at any instant (Ctrl-C,
``kill -9``) loses at most the students being graded at that moment; the next
run reads what is here and grades only the rest.  A database left unreadable
by a crash is moved aside and rebuilt from the per-student JSON files the batch
also writes, and the batch says so.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS grades (
    username TEXT PRIMARY KEY,
    status TEXT NOT NULL,          -- graded, or a problem: clone-failed, empty, late, no-repository, grading-error...
    message TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL DEFAULT 0,
    max_score INTEGER NOT NULL DEFAULT 0,
    commit_sha TEXT,
    commit_time TEXT,
    later_commits INTEGER NOT NULL DEFAULT 0,
    flags TEXT NOT NULL DEFAULT '[]',
    student TEXT NOT NULL DEFAULT '{}',
    result TEXT,                   -- the native JSON result, when graded
    graded_at REAL NOT NULL
)
"""
COLUMNS = ["username", "status", "message", "score", "max_score", "commit_sha", "commit_time", "later_commits",
           "flags", "student", "result", "graded_at"]


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
        return db

    def save(self, row: dict) -> None:
        values = {**{c: None for c in COLUMNS}, **row, "graded_at": time.time()}
        values["flags"] = json.dumps(values.get("flags") or [])
        values["student"] = json.dumps(values.get("student") or {})
        for key, default in (("message", ""), ("score", 0), ("max_score", 0), ("later_commits", 0)):
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
            out.append(row)
        return out

    def close(self) -> None:
        self.db.close()
