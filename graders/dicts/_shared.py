"""What the public and the hidden checks of dicts share (released with the public graders: nothing secret)."""

INVERT_PROBE = '''
import dicts


def probe(d):
    return dicts.invert(d), d
'''
