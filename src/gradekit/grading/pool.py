"""The sandboxes of one grading session, started ahead of need and closed as soon as they are done.

Checks arrive ordered by submission, then topic (``grading.manifest.sort_key``), so the pool
needs no reference counts: a check of a new topic means the previous topic is over, and a new
submission means the previous submission is.  What is over is closed at once, so nothing a
topic started runs on beside the next topic's checks (they share the submission's fork server).

Starting a child is most of a topic's first check, so the pool forks the next few topics' children
while the current topic is graded, and boots the next submission's fork server while this one is.

This process is a subreaper: whatever a submission's sandboxes leave behind when its fork server is
killed comes here, and is swept when that submission is done.
"""

from __future__ import annotations

from pathlib import Path

from gradekit.grading.contract import Plan
from gradekit.sandbox import proctree
from gradekit.sandbox.forkserver import ForkServer, SubmissionChanged
from gradekit.sandbox.isolation import Isolation
from gradekit.sandbox.portable import PortableServer
from gradekit.sandbox.topic import Limits, Sandbox, server_for

#: Children started ahead of the topic being graded.
PRESTART = 2


class SandboxPool:
    def __init__(self, plan: Plan, isolation: Isolation, slugs: tuple[str, ...]):
        self.plan = plan
        self.isolation = isolation
        self.slugs = slugs              # every topic of the kit: a child refuses to import the others' files
        self.boxes: dict[tuple[str, str], Sandbox] = {}
        self.servers: dict[str, ForkServer | PortableServer] = {}
        self.current: str | None = None
        self.current_topic: str | None = None

    def box(self, sub_id: str, slug: str, timeout: float) -> Sandbox:
        """The sandbox of one submission's topic, for a check whose requests may take ``timeout`` seconds."""
        if sub_id != self.current:
            self.close_submission()
            self.current = sub_id
            self.prestart_next_submission(sub_id)
        if slug != self.current_topic:
            for (sub, other), box in list(self.boxes.items()):
                if other == self.current_topic:
                    box.close()
                    del self.boxes[(sub, other)]
            self.current_topic = slug
        key = (sub_id, slug)
        if key not in self.boxes:
            self.boxes[key] = self.new_box(sub_id, slug)
        self.prestart(sub_id, slug)
        box = self.boxes[key]
        box.timeout = timeout
        return box

    def server(self, sub_id: str) -> ForkServer | PortableServer:
        """The submission's fork server (or spawner), started on first use and kept for its topics."""
        if sub_id not in self.servers:
            sub = self.plan.submission(sub_id)
            self.servers[sub_id] = server_for(Path(sub.path), self.isolation, Limits(), self.slugs, sub.digest)
        return self.servers[sub_id]

    def new_box(self, sub_id: str, slug: str) -> Sandbox:
        return Sandbox(Path(self.plan.submission(sub_id).path), slug, timeout=self.plan.timeout,
                       other_topics=self.slugs, server=self.server(sub_id))

    def prestart(self, sub_id: str, slug: str) -> None:
        """Fork the children of the next few topics now, so they come up during this topic's checks."""
        wanted = self.plan.topics_of(sub_id)
        if slug not in wanted:
            return
        start = wanted.index(slug) + 1
        for nxt in wanted[start:start + PRESTART]:
            if (sub_id, nxt) not in self.boxes:
                box = self.boxes[(sub_id, nxt)] = self.new_box(sub_id, nxt)
                try:
                    box.start()
                except SubmissionChanged:
                    pass   # the topic's own checks fail with it, when they load it

    def prestart_next_submission(self, sub_id: str) -> None:
        """Boot the next submission's fork server while this one is graded."""
        ids = [s.id for s in self.plan.submissions]
        nxt = ids.index(sub_id) + 1
        if nxt < len(ids):
            self.server(ids[nxt]).start()

    def close_submission(self) -> None:
        """The current submission is done: its sandboxes and fork server go, with whatever they started."""
        for box in self.boxes.values():
            box.close()
        self.boxes.clear()
        if self.current in self.servers:
            self.servers.pop(self.current).close()
        self.current = None
        self.current_topic = None
        proctree.sweep_strays()

    def close(self) -> None:
        self.close_submission()
        for server in self.servers.values():
            server.close()
        self.servers.clear()
        proctree.sweep_strays()
