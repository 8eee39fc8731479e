"""What the public and the hidden checks of sets share (released with the public graders: nothing secret)."""

COUNT_PROBE = '''
import sets


def probe(items):
    return sets.unique_count(items), items
'''
