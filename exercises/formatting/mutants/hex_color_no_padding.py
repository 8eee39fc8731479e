# mutant-of: hex_color
# mistake: uses %x without a width, so 8 becomes '8' instead of '08'

def hex_color(r, g, b):
    for value in (r, g, b):
        if value < 0 or value > 255:
            raise ValueError(f'color value out of range 0..255: {value}')
    return '#%x%x%x' % (r, g, b)
