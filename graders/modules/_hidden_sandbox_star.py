"""Peer code of the modules checks (test_hidden.py's STAR): it runs in the sandbox, beside the student's code."""

def star_names():
    namespace = {}
    exec("from modules import *", namespace)
    return sorted(name for name in namespace if name != "__builtins__")
