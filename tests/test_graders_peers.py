"""Peer code, what a check runs in the sandbox beside the student's code, lives in real files next to its graders.

``graders/<slug>/_sandbox_*.py`` ships with the public graders; ``_hidden_sandbox_*.py`` only with the
hidden ones.  Graders read them as text (``sandbox_source``) and never import them.
"""

from __future__ import annotations

import ast
import re

import pytest

from gradekit.grader import grader_module, sandbox_source

from conftest import ROOT

GRADERS = ROOT / "graders"
PEERS = sorted([*GRADERS.glob("*/_sandbox_*.py"), *GRADERS.glob("*/_hidden_sandbox_*.py")])
NAMED = re.compile(r'sandbox_source\(__file__, "(_(?:hidden_)?sandbox_\w+)"\)')


def test_the_kit_keeps_its_peer_code_in_files():
    assert len(PEERS) >= 30


@pytest.mark.parametrize("peer", PEERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_peer_file_is_python_and_named_by_a_grader_of_its_topic(peer):
    ast.parse(peer.read_text(encoding="utf-8"), filename=str(peer))
    users = [g for g in peer.parent.glob("*.py") if peer.stem in NAMED.findall(g.read_text(encoding="utf-8"))]
    assert users, f"no grader of {peer.parent.name} sends {peer.name}"
    if peer.name.startswith("_hidden_"):
        # A public grader naming it would break in every student's template, where the file is not.
        assert all(g.name.startswith("test_hidden") for g in users), users


@pytest.mark.parametrize("grader", sorted(GRADERS.glob("*/*.py")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_graders_import_only_the_author_api_and_peers_only_the_standard_library_and_the_child(grader):
    tree = ast.parse(grader.read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in imported if m.split(".")[0] == "gradekit"}
    if "sandbox_" in grader.name:
        assert ours <= {m for m in ours if m.startswith("gradekit.sandbox.child")}, ours
    else:
        assert ours <= {"gradekit.grader", "gradekit.grader.structure"}, ours


def test_peer_code_is_read_never_imported_and_named_by_the_rule(tmp_path):
    grader = tmp_path / "test_public.py"
    (tmp_path / "_sandbox_probe.py").write_text("def probe():\n    return 1\n", encoding="utf-8")
    assert sandbox_source(str(grader), "_sandbox_probe") == "def probe():\n    return 1\n"
    with pytest.raises(ValueError, match="never import it"):
        grader_module(str(grader), "_sandbox_probe")
    with pytest.raises(ValueError, match="_sandbox_<what>.py"):
        sandbox_source(str(grader), "probe")
