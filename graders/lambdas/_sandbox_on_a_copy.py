"""Peer code of the lambdas checks (_shared.py's ON_A_COPY): it runs in the sandbox, beside the student's code."""

def odd_numbers_on_copy(values):
    import lambdas
    data = list(values)
    lambdas.odd_numbers(data)
    return data
