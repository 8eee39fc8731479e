"""``grade release DEST``: build the student template repository.

What ships: starter stubs, statements and exercise.toml, the public graders,
per-topic counts of the hidden checks (``graders/<slug>/hidden.json``: numbers
only), ``gradekit.toml``, the classroom workflow and a student README.  What
never ships: solutions, mutants, hidden graders.  DEST becomes a git
repository with one commit, and ``grade check`` runs inside it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from string import Template

from gradekit import __version__
from gradekit.kit import Kit, KitError
from gradekit.runner import collect

TEMPLATES = Path(__file__).with_name("templates")
CONFIG = "gradekit.toml"


def default_install() -> str:
    return f"gradekit=={__version__}"


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def release(kit: Kit, dest: Path, topics: list[str] | None = None, *, name: str = "gradekit assignment",
            install: str | None = None, lang: str = "zh") -> dict:
    dest = Path(dest).resolve()
    if dest.exists() and any(dest.iterdir()):
        raise KitError(f"{dest}: not empty; release into a new folder")
    chosen = kit.select(topics)
    install = install or default_install()
    entries = collect(kit, [t.slug for t in chosen])
    hidden: dict[str, dict[str, dict[str, int]]] = {}
    for e in entries:
        if e["visibility"] == "hidden":
            counts = hidden.setdefault(e["topic"], {}).setdefault(e["exercise"], {"checks": 0, "points": 0})
            counts["checks"] += 1
            counts["points"] += e["points"]
    dest.mkdir(parents=True, exist_ok=True)
    for topic in chosen:
        _copy(kit.starter / f"{topic.slug}.py", dest / "starter" / f"{topic.slug}.py")
        for name_ in ("exercise.toml", "README.md"):
            if (topic.folder / name_).is_file():
                _copy(topic.folder / name_, dest / "exercises" / topic.slug / name_)
        for grader in sorted((kit.graders / topic.slug).glob("test_public*.py")):
            _copy(grader, dest / "graders" / topic.slug / grader.name)
        for shared in sorted((kit.graders / topic.slug).glob("_*.py")):  # helpers the public graders load
            _copy(shared, dest / "graders" / topic.slug / shared.name)
        (dest / "graders" / topic.slug / "hidden.json").write_text(
            json.dumps(hidden.get(topic.slug, {}), indent=2) + "\n", encoding="utf-8")
    total = sum(e["points"] for e in entries)
    hidden_checks = sum(c["checks"] for t in hidden.values() for c in t.values())
    hidden_points = sum(c["points"] for t in hidden.values() for c in t.values())
    slugs = [t.slug for t in chosen]
    config = (f'format_version = 1\n[assignment]\nname = {json.dumps(name)}\n'
              f'gradekit = {json.dumps(__version__)}\ninstall = {json.dumps(install)}\n'
              f'topics = {json.dumps(slugs)}\nmax_points = {total}\nlang = {json.dumps(lang)}\n')
    (dest / CONFIG).write_text(config, encoding="utf-8")
    workflow = Template((TEMPLATES / "classroom.yml").read_text(encoding="utf-8")).substitute(install=install, lang=lang)
    (dest / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
    (dest / ".github" / "workflows" / "classroom.yml").write_text(workflow, encoding="utf-8")
    readme = Template((TEMPLATES / "student_README.md").read_text(encoding="utf-8")).substitute(
        name=name, install=install, hidden_checks=hidden_checks, hidden_points=hidden_points)
    (dest / "README.md").write_text(readme, encoding="utf-8")
    (dest / ".gitignore").write_text(".venv/\n__pycache__/\n*.pyc\ngrade-results/\n.hidden-graders/\n", encoding="utf-8")
    git = ["git", "-C", str(dest), "-c", "user.name=gradekit release", "-c", "user.email=release@gradekit.invalid"]
    subprocess.run(git[:3] + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", f"{name}: gradekit {__version__} template"], check=True)
    return {"topics": slugs, "max_points": total, "hidden_checks": hidden_checks, "hidden_points": hidden_points}


def write_hidden(kit: Kit, dest: Path, topics: list[str] | None = None) -> None:
    """The hidden graders alone (``graders/<slug>/test_hidden*.py``), for a private repository."""
    dest = Path(dest)
    for topic in kit.select(topics):
        for grader in sorted((kit.graders / topic.slug).glob("test_hidden*.py")):
            _copy(grader, dest / "graders" / topic.slug / grader.name)
    (dest / "README.md").write_text(
        "# Hidden graders\n\nKeep this repository private. The classroom workflow fetches it with a read-only\n"
        "token stored as the secret GRADEKIT_HIDDEN_TOKEN, its name in the variable GRADEKIT_HIDDEN_REPO.\n",
        encoding="utf-8")
