"""The Jinja2 environment shared by the HTML and Markdown renderers.

Autoescaping is on for HTML templates, and no template marks student text
``|safe``.  Markdown templates have no autoescaping to lean on, so they pass
every value that can come from a submission or a roster through one of the
``render.safe`` filters: ``md`` (text inside a line), ``md_code`` (an inline
code span) or ``md_fence`` (a block).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote


def url_segment(text) -> str:
    """``text`` as one segment of a relative URL: no scheme, no folder, no query can come out of it."""
    return quote(str(text), safe="")


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from gradekit.render.safe import md_code, md_fence, md_text

    env = Environment(loader=FileSystemLoader(Path(__file__).resolve().parents[1] / "templates"),
                      autoescape=select_autoescape(["html", "html.j2"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda x, y: f"{(100 * x / y) if y else 0:.0f}%"
    env.filters["md"] = lambda x: md_text("" if x is None else str(x))
    env.filters["md_code"] = lambda x: md_code("" if x is None else str(x))
    env.filters["md_fence"] = lambda x: md_fence("" if x is None else str(x))
    env.filters["url_segment"] = url_segment
    return env
