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
(``--gradekit-stream-fd``): the checks run and their sealed outcomes, a
``contract.Record`` carrying the round's number.  ``{"op": "exit"}`` or the
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
- topics within a round are kept apart as in any session (``grading.pool``).

One submission only (watch mode grades the student's own folder).
"""

from __future__ import annotations

import json
import os

import pytest

from gradekit.grading import plugin
from gradekit.grading.contract import Entry


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
    if len(state.plan.submissions) != 1:
        raise pytest.UsageError("--gradekit-rounds-fd grades one submission")
    if state.stream is None:
        raise pytest.UsageError("--gradekit-rounds-fd needs --gradekit-stream-fd")
    sub_id = state.plan.submissions[0].id
    items = [(it, entry) for it in session.items if (entry := plugin.entry_of(it)) is not None]
    state.pool.server(sub_id).start()
    with os.fdopen(fd, "rb") as commands:
        for line in commands:
            try:
                command = json.loads(line)
                number, topics, seed = int(command["round"]), list(command["topics"]), int(command["seed"])
            except (ValueError, KeyError, TypeError):
                break   # "exit", or anything else: the session ends
            if not set(topics) <= set(state.collector.slugs):
                break
            run_round(session, state, sub_id, items, number, topics, seed)
    return True


def run_round(session, state: plugin.GradingState, sub_id: str, items: list[tuple[pytest.Item, Entry]], number: int,
              topics: list[str], seed: int) -> None:
    """Grade ``topics`` once with a fresh fork server, send the sealed record, start the next round's server."""
    chosen = [(it, entry) for it, entry in items if entry.topic in topics]
    state.begin_round(sub_id, topics, seed)
    try:
        for i, (item, _) in enumerate(chosen):
            nextitem = chosen[i + 1][0] if i + 1 < len(chosen) else None
            item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            if session.shouldfail or session.shouldstop:
                raise session.Interrupted(str(session.shouldfail or session.shouldstop))
        manifest = state.manifest_of(sub_id, [entry for _, entry in chosen])
        manifest.hidden_not_run = {k: v for k, v in manifest.hidden_not_run.items() if k in topics}
        state.send("record", state.record(sub_id, manifest, round=number).to_json())
    finally:
        # The round's sandboxes and fork server go, with whatever they started; a new fork server boots now,
        # while the student reads the result, and forks nothing until the next round's first check.
        state.pool.close_submission()
        state.pool.server(sub_id).start()
