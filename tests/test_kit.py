"""Course files: a malformed exercise.toml is named by file and key, never a traceback."""

import pytest

from gradekit.course.kit import KitError, load_kit

from conftest import run_grade


def test_minikit_loads(minikit):
    kit = load_kit(minikit)
    (alpha,) = kit.topics
    assert alpha.slug == "alpha" and [e.name for e in alpha.exercises] == ["double", "greet"]
    assert alpha.title.get("zh") == "阿尔法" and {m.exercise for m in alpha.mutants} == {"double", "greet"}


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("format_version = 1", "format_version = 9"), "format_version: 9 is not supported"),
    (lambda t: t.replace("format_version = 1\n", ""), "missing key 'format_version'"),
    (lambda t: t.replace('en = "Alpha"', 'en = ""'), "title.en: missing or empty"),
    (lambda t: t.replace('name = "greet"', 'name = "gr eet"'), "exercises[1].name"),
    (lambda t: t.replace('name = "greet"', 'name = "double"'), "exercises[1].name: 'double' appears twice"),
    (lambda t: t.replace('hints = [{ zh = "用 print。", en = "Use print." }]', "hints = []"), "exercises[1].hints: give at least one hint"),
    (lambda t: t.replace('{ zh = "用 print。", en = "Use print." }', '{ zh = "用 print。" }'), "exercises[1].hints[0].en"),
    (lambda t: t + "\ncolour = 'red'\n", "unknown key(s) colour"),
    (lambda t: t.replace("order = 1", "order = [1 2]"), "not valid TOML"),
    (lambda t: t.replace("order = 1", 'order = "1"'), "order: expected int"),
])
def test_malformed_exercise_toml_names_file_and_key(minikit, edit, message):
    path = minikit / "exercises" / "alpha" / "exercise.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KitError, match=".*".join(map(__import__("re").escape, ["exercises/alpha/exercise.toml", message]))):
        load_kit(minikit)
    proc = run_grade("check", "--kit", minikit)
    assert proc.returncode == 2
    assert "exercises/alpha/exercise.toml" in proc.stderr and "Traceback" not in proc.stderr


def test_mutant_without_header_is_named(minikit):
    (minikit / "exercises" / "alpha" / "mutants" / "bad.py").write_text("def double(x):\n    return x\n")
    with pytest.raises(KitError, match="mutants/bad.py: missing header comment '# mutant-of: ...'"):
        load_kit(minikit)


def test_mutant_naming_an_unknown_exercise(minikit):
    (minikit / "exercises" / "alpha" / "mutants" / "bad.py").write_text("# mutant-of: triple\n# mistake: x\n")
    with pytest.raises(KitError, match="names 'triple', which is not an exercise of alpha"):
        load_kit(minikit)


def test_slug_may_not_shadow_the_stdlib(minikit):
    (minikit / "exercises" / "alpha").rename(minikit / "exercises" / "json")
    with pytest.raises(KitError, match="would shadow the standard-library module"):
        load_kit(minikit)


def test_files_saved_on_windows_with_a_bom_and_crlf_load(minikit):
    # Notepad and some Windows editors save UTF-8 with a byte-order mark and CRLF line ends.
    for path in [minikit / "exercises" / "alpha" / "exercise.toml",
                 *sorted((minikit / "exercises" / "alpha" / "mutants").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    kit = load_kit(minikit)
    alpha = next(t for t in kit.topics if t.slug == "alpha")
    assert alpha.exercises and all(m.exercise for m in alpha.mutants)


def test_the_old_kind_key_is_named_for_deletion(minikit):
    toml = minikit / "exercises" / "alpha" / "exercise.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("order =", 'kind = "script"\norder =', 1), encoding="utf-8")
    with pytest.raises(KitError, match="exercise.toml: kind: no longer used .* delete the line"):
        load_kit(minikit)
