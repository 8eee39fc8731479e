"""Peer code of the default_args checks (test_public.py's SAME_LIST): it runs in the sandbox, beside the student's code."""

import default_args


def same_list(items):
    result = default_args.add_end(items)
    return {'result': result, 'same': result is items}
