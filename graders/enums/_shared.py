"""What the public and the hidden checks of enums share (released with the public graders: nothing secret)."""

import ast
from gradekit.grader import call, sandbox_source


TOOLS = sandbox_source(__file__, "_sandbox_tools")


def called_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def member(cls, cls_name, name):
    return call(getattr, cls, name).as_(f"{cls_name}.{name}").result()


def attr(obj, name, label):
    return call(getattr, obj, name).as_(f"{label}.{name}")
