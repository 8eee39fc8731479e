"""What the public and the hidden checks of lambdas share (released with the public graders: nothing secret)."""

ON_A_COPY = '''
def odd_numbers_on_copy(values):
    import lambdas
    data = list(values)
    lambdas.odd_numbers(data)
    return data
'''
