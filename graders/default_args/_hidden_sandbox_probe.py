"""Peer code of the default_args checks (test_hidden.py's PROBE): it runs in the sandbox, beside the student's code."""

import default_args

def probe():
    # values are copied right after each call: a shared list keeps changing later
    first = default_args.add_end()
    first.append('mine')
    second = default_args.add_end()
    second_now = list(second) if isinstance(second, list) else second
    third = default_args.add_end()
    third_now = list(third) if isinstance(third, list) else third
    return {'second': second_now, 'third': third_now,
            'shared': first is second or second is third}

def same_list(items):
    result = default_args.add_end(items)
    return {'result': result, 'items': items, 'same': result is items}
