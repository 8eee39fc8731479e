"""A grading session kept warm: one pytest process, graders collected once, a round of checks per save.

Watch mode grades one student's file again on every save.  Started afresh each
time, a grading session spends most of its time before the first check: the
interpreter, pytest and its plugins, collecting the graders, and the sandbox's
start (bubblewrap, the fork server).  With this plugin loaded (``-p
gradekit.grading.rounds --gradekit-rounds-fd FD``, next to ``gradekit.grading.plugin``)
the session collects once and then, instead of running its checks, waits on
the pipe ``FD`` for rounds: ``{"round": n, "topics": [...], "seed": s}`` runs
the collected checks of those topics, in the order collection gave them (every
public check before any hidden one), exactly as a fresh session would run
them, and sends one sealed record of the round on the stream
(``--gradekit-stream-fd``): the checks run and their sealed outcomes, the shape
``plugin.announce`` sends, with the round's number.  ``{"op": "exit"}`` or the
pipe's end ends the session.

The walls are those of a fresh session, every round:

- student code still runs only in sandbox children, never here;
- each round grades with a fork server of its own, which has never forked a
  child before: the one that served the last round is killed with everything
  its topics started when the round ends, and a new one is started right away,
  so its start (bubblewrap, the interpreter, the child's imports) is paid while
  the student reads the result.  It reads nothing of the submission until the
  round's first check forks a child, after the save: every round's children run
  the files as they are when the round starts, never an older copy;
- topics within a round are kept apart as in any session (``plugin.GradingState``).

One submission only (watch mode grades the student's own folder).
"""

from __future__ import annotations

import json
import os

import pytest

from gradekit.grading import plugin
from gradekit.grading.seal import seal


def pytest_addoption(parser):
    parser.getgroup("gradekit").addoption(
        "--gradekit-rounds-fd", type=int, metavar="FD",
        help="pipe of rounds to grade (JSON lines); the session collects once and grades a round per line")


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    fd = session.config.getoption("--gradekit-rounds-fd")
    if fd is None:
        return None
    if session.testsfailed:
        # Graders that failed to collect: end here, as pytest's own loop does; a fresh session says why.
        raise session.Interrupted(f"{session.testsfailed} error(s) during collection")
    state: plugin.GradingState = session.config.stash[plugin.STATE]
    if len(state.submissions) != 1:
        raise pytest.UsageError("--gradekit-rounds-fd grades one submission")
    sub_id = next(iter(state.submissions))
    items = [it for it in session.items if getattr(it, "_gk_entry", None) is not None]
    state.last_check = {}   # rounds announce themselves (``finish``), not the plugin
    state.server(sub_id).start()
    with os.fdopen(fd, "rb") as commands:
        for line in commands:
            try:
                command = json.loads(line)
                number, topics, seed = int(command["round"]), list(command["topics"]), int(command["seed"])
            except (ValueError, KeyError, TypeError):
                break   # "exit", or anything else: the session ends
            if not set(topics) <= set(state.slugs):
                break
            run_round(session, state, sub_id, items, number, topics, seed)
    return True


def run_round(session, state: plugin.GradingState, sub_id: str, items: list, number: int, topics: list[str],
              seed: int) -> None:
    """Grade ``topics`` once with a fresh fork server, send the sealed record, start the next round's server."""
    chosen = [it for it in items if it._gk_entry["topic"] in topics]
    order = [s for s in state.slugs if s in topics]
    state.seed = seed
    state.plan["seed"] = seed
    state.plan["topics"] = order
    state.submissions[sub_id]["topics"] = order   # what ``prestart`` forks ahead: this round's topics only
    state.pending.pop(sub_id, None)
    state.outcomes = []
    for item in chosen:
        item._gk_result = None   # written afresh by ``plugin.record``
        item._gk_boxes = []
    try:
        for i, item in enumerate(chosen):
            nextitem = chosen[i + 1] if i + 1 < len(chosen) else None
            item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            if session.shouldfail or session.shouldstop:
                raise session.Interrupted(str(session.shouldfail or session.shouldstop))
        finish(state, sub_id, number, chosen, topics)
    finally:
        # The round's sandboxes and fork server go, with whatever they started; a new fork server boots now,
        # while the student reads the result, and forks nothing until the next round's first check.
        state.close_all()
        state.current = None
        state.server(sub_id).start()


def finish(state: plugin.GradingState, sub_id: str, number: int, chosen: list, topics: list[str]) -> None:
    manifest = state.manifest or {}
    record = {"round": number, "submission": sub_id, "checks": [it._gk_entry for it in chosen],
              "tests": state.pending.pop(sub_id, []), "isolation": manifest.get("isolation", {}),
              "hidden_not_run": {k: v for k, v in manifest.get("hidden_not_run", {}).items() if k in topics}}
    if state.stream is None:
        raise pytest.UsageError("--gradekit-rounds-fd needs --gradekit-stream-fd")
    state.stream.write(json.dumps({"record": record, "mac": seal(state.key, record)},
                                  ensure_ascii=False).encode("utf-8") + b"\n")
    state.stream.flush()
