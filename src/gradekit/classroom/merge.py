"""``grade merge``: one gradebook from the outputs of sharded batches, refused when they do not belong together.

Each part's ``batch.json`` records the assignment's digest, the seed and the part's ``--shard K/N``.  Parts
graded from different assignments, or with different seeds (so randomised hidden inputs differed between
students), cannot make one fair gradebook: the merge refuses (exit 2) and names the parts on each side.

What the merge decides, and why:

* A missing shard (N known, some K absent) is named, the gradebook of the parts given is still written,
  and the merge exits 1: the gradebook is incomplete, as a batch that could not grade some students is.
  A shard that failed in CI leaves exactly this, and an exit 0 would let it pass unseen.
* A student in two parts (a shard run twice, parts cut with different N) keeps the row graded later
  (``graded_at``): with one assignment and one seed, the later grading is the newer look at the same
  repository.  The students are named; the exit code does not change.
* Each row records the assignment digest it was graded with: rows of different assignments (across the
  parts, or within one) are refused as well, so a lost or replaced ``batch.json`` cannot hide them.
* A part without ``batch.json``, or with one from before it recorded the assignment, is merged with a
  warning: what it cannot show (its shard, its seed) cannot be checked.
* The columns are the assignment's topics (``--assignment FILE``, else the one the parts recorded), or
  ``--topics`` for parts graded without an assignment; never every topic of the course.

The merged folder gets its own ``batch.json`` (``merged_from`` names the parts), so a merge of merges
is checked the same way.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from gradekit.course import assignment as assignment_mod
from gradekit.course.kit import KitError
from gradekit.classroom.store import Store

FORMAT_VERSION = 1


class MergeRefused(KitError):
    """The parts do not make one gradebook (or the command cannot tell which topics it has)."""


@dataclass
class Part:
    path: Path
    meta: dict | None          # batch.json as written by a batch of issue 13 or later; None: missing or older
    seed: int | None
    rows: list[dict]

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def shard(self) -> tuple[int, int] | None:
        text = (self.meta or {}).get("shard")
        if not text:
            return None
        try:
            k, n = (int(x) for x in str(text).split("/"))
        except ValueError:
            return None
        return k, n

    @property
    def digest(self) -> str | None:
        recorded = (self.meta or {}).get("assignment")
        return recorded.get("digest") if isinstance(recorded, dict) else None


@dataclass
class Merged:
    rows: list[dict]
    slugs: list[str]
    assignment: object | None   # course.assignment.Assignment
    seed: int | None
    warnings: list[str] = field(default_factory=list)
    incomplete: bool = False
    meta: dict = field(default_factory=dict)


def read_part(path: Path) -> Part:
    path = Path(path)
    if not (path / "grades.sqlite").is_file():
        raise KitError(f"{path}: no grades.sqlite here (is it a `grade batch` output folder?)")
    meta, seed = None, None
    meta_file = path / "batch.json"
    if meta_file.is_file():
        try:
            data = json.loads(meta_file.read_text(encoding="utf-8"))
        except (ValueError, OSError) as exc:
            raise KitError(f"{meta_file}: unreadable ({exc})") from None
        if isinstance(data, dict):
            seed = data.get("seed") if isinstance(data.get("seed"), int) else None
            meta = data if data.get("format_version") == FORMAT_VERSION else None
    store = Store(path / "grades.sqlite")
    try:
        rows = store.rows()
    finally:
        store.close()
    return Part(path, meta, seed, rows)


def _groups(parts: list[Part], key) -> dict:
    out: dict = {}
    for p in parts:
        out.setdefault(key(p), []).append(p.name)
    return out


def _differ(what: str, groups: dict, show) -> str:
    sides = "; ".join(f"{show(value)}: {', '.join(names)}" for value, names in groups.items())
    return f"the parts were graded with different {what} ({sides}); merge only the outputs of one run"


def row_digests(parts: list[Part]) -> dict[str, list[str]]:
    """assignment digest -> the parts holding it, from every row (and each part's batch.json).

    batch.json can be lost or copied from another run; each row records the assignment it was graded with,
    so parts of different assignments are caught without it, and so is one part that mixes two."""
    out: dict[str, list[str]] = {}
    for p in parts:
        found = [p.digest] if p.digest else []
        found += [(r.get("grading") or {}).get("assignment_digest") for r in p.rows]
        for digest in dict.fromkeys(d for d in found if d and isinstance(d, str)):
            out.setdefault(digest, []).append(p.name)
    return out


def check_together(parts: list[Part]) -> list[str]:
    """Refuse parts of different assignments or seeds; the warnings for what cannot be checked."""
    warnings = []
    recorded = [p for p in parts if p.meta is not None]
    for p in parts:
        if p.meta is None:
            warnings.append(f"{p.name}: no batch.json from this gradekit (an older batch?): its assignment "
                            "and shard cannot be checked" + ("" if p.seed is not None else ", nor its seed"))
    digests = _groups(recorded, lambda p: p.digest)
    if len(digests) > 1:
        raise MergeRefused(_differ("assignments", digests, lambda d: d or "no assignment"))
    graded_with = row_digests(parts)
    if len(graded_with) > 1:
        sides = "; ".join(f"{d}: {', '.join(names)}" for d, names in graded_with.items())
        raise MergeRefused(f"the parts' rows were graded with different assignments ({sides}); "
                           "merge only the outputs of one run")
    seeds = _groups([p for p in parts if p.seed is not None], lambda p: p.seed)
    if len(seeds) > 1:
        raise MergeRefused(_differ("seeds", seeds, lambda s: f"seed {s}"))
    return warnings


def missing_shards(parts: list[Part]) -> tuple[list[str], bool]:
    """(warnings, incomplete): the shards of K/N that no part holds."""
    sharded = [(p, p.shard) for p in parts if p.shard is not None]
    if not sharded:
        return [], False
    counts = {n for _, (_, n) in sharded}
    if len(counts) > 1:
        return [f"the parts were cut into different numbers of shards ({', '.join(f'N={n}' for n in sorted(counts))}): "
                "cannot tell which shards are missing"], True
    n = counts.pop()
    have: dict[int, list[str]] = {}
    for p, (k, _) in sharded:
        have.setdefault(k, []).append(p.name)
    out = [f"shard {k}/{n} is in more than one part: {', '.join(names)}" for k, names in sorted(have.items())
           if len(names) > 1]
    missing = [k for k in range(1, n + 1) if k not in have]
    if not missing:
        return out, False
    named = f"shard{'s' if len(missing) > 1 else ''} {', '.join(f'{k}/{n}' for k in missing)}"
    unknown = sum(p.meta is None for p in parts)
    if unknown >= len(missing):  # the parts that record nothing may be exactly these
        out.append(f"no part records {named}; the part(s) without batch.json may hold {'them' if len(missing) > 1 else 'it'}")
        return out, False
    out.append(f"missing {named}: {'their' if len(missing) > 1 else 'its'} students are not in the merged gradebook")
    return out, True


def combine(parts: list[Part]) -> tuple[list[dict], list[str]]:
    """Every student once, the row graded later winning; warnings naming the students found twice."""
    chosen: dict[str, tuple[dict, str]] = {}
    seen: dict[str, list[str]] = {}
    for p in parts:
        for row in p.rows:
            user = row["username"]
            seen.setdefault(user, []).append(p.name)
            if user not in chosen or (row.get("graded_at") or 0) >= (chosen[user][0].get("graded_at") or 0):
                chosen[user] = (row, p.name)
    twice = {u: names for u, names in seen.items() if len(names) > 1}
    warnings = []
    if twice:
        listed = "; ".join(f"{u!r} ({', '.join(names)}; kept {chosen[u][1]})" for u, names in sorted(twice.items())[:20])
        more = f" and {len(twice) - 20} more" if len(twice) > 20 else ""
        warnings.append(f"{len(twice)} student(s) in more than one part, keeping the row graded later: {listed}{more}")
    return [chosen[u][0] for u in sorted(chosen)], warnings


def recorded_assignment(parts: list[Part]):
    for p in parts:
        recorded = (p.meta or {}).get("assignment")
        if isinstance(recorded, dict) and isinstance(recorded.get("data"), dict):
            try:
                return assignment_mod.from_dict(recorded["data"], None)
            except assignment_mod.AssignmentError as exc:
                raise KitError(f"{p.path / 'batch.json'}: the recorded assignment: {exc}") from None
    return None


def choose_topics(parts: list[Part], rows: list[dict], assignment, topics: list[str] | None, kit=None) -> list[str]:
    if assignment is not None:
        if topics is not None and list(topics) != list(assignment.topics):
            raise MergeRefused(f"--topics {','.join(topics)} (the assignment says {','.join(assignment.topics)}); "
                               "leave --topics out, the assignment's topics are the gradebook's columns")
        return list(assignment.topics)
    if topics is not None:
        return list(topics)
    recorded = _groups([p for p in parts if p.meta and p.meta.get("options", {}).get("topics")],
                       lambda p: tuple(p.meta["options"]["topics"]))
    if len(recorded) == 1:
        return list(next(iter(recorded)))
    graded = list(dict.fromkeys(t["slug"] for r in rows for t in (r.get("result") or {}).get("topics", [])))
    if not graded:
        raise MergeRefused("no part records its assignment or topics, and no student was graded: "
                           "give --assignment FILE or --topics a,b,c")
    if kit is not None:
        order = {t.slug: i for i, t in enumerate(kit.topics)}
        graded.sort(key=lambda s: order.get(s, len(order)))
    return graded


def merge(paths: list[Path], *, assignment_file: Path | None = None, topics: list[str] | None = None,
          kit=None) -> Merged:
    parts = [read_part(p) for p in paths]
    warnings = check_together(parts)
    assignment = recorded_assignment(parts)
    if assignment_file is not None:
        given = assignment_mod.load(assignment_file)
        digests = {p.digest for p in parts if p.digest}
        if digests and given.digest not in digests:
            raise MergeRefused(f"--assignment {assignment_file} ({given.digest}) is not the assignment the parts "
                               f"were graded with ({', '.join(sorted(digests))}); leave --assignment out to use "
                               "the one they recorded")
        assignment = given
    shard_warnings, incomplete = missing_shards(parts)
    rows, twice = combine(parts)
    slugs = choose_topics(parts, rows, assignment, topics, kit)
    seeds = {p.seed for p in parts if p.seed is not None}
    seed = seeds.pop() if seeds else (assignment.seed if assignment is not None else None)
    first = next((p.meta for p in parts if p.meta), {})
    meta = {"format_version": FORMAT_VERSION, "seed": seed,
            "assignment": {"digest": assignment.digest, "data": assignment.to_dict()} if assignment is not None else None,
            "shard": None, "options": {**first.get("options", {}), "topics": slugs},
            "overrides": sorted({o for p in parts for o in (p.meta or {}).get("overrides", [])}),
            "merged_from": [{"path": p.name, "shard": (p.meta or {}).get("shard")} for p in parts]}
    return Merged(rows, slugs, assignment, seed, warnings + shard_warnings + twice, incomplete, meta)


def prepare_out(out: Path, parts: list[Path]) -> None:
    """A merge writes a fresh store: an earlier merge's rows (a student since removed) must not linger.

    A part, or a batch's own output, is never taken as ``--out``: its grades are not the merge's to replace."""
    out = Path(out)
    resolved = out.resolve()
    if any(Path(p).resolve() == resolved for p in parts):
        raise KitError(f"--out {out} is one of the parts; write the merge into a new folder")
    meta = out / "batch.json"
    if (out / "grades.sqlite").exists():
        try:
            previous = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}
        except (ValueError, OSError):
            previous = {}
        if "merged_from" not in previous:
            raise KitError(f"--out {out} holds a batch's own grades; write the merge into a new folder")
        for suffix in ("", "-wal", "-shm"):
            Path(str(out / "grades.sqlite") + suffix).unlink(missing_ok=True)
        for sub in ("reports", "results"):
            shutil.rmtree(out / sub, ignore_errors=True)


def write_store(merged: Merged, out: Path) -> None:
    out = Path(out)
    store = Store(out / "grades.sqlite")
    try:
        for row in merged.rows:
            stored = dict(row)
            if stored.get("result") is not None and not isinstance(stored["result"], str):
                stored["result"] = json.dumps(stored["result"], ensure_ascii=False)
            store.save(stored)
    finally:
        store.close()
    (out / "batch.json").write_text(json.dumps(merged.meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
