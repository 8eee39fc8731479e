# mutant-of: hex_color
# mistake: uses %02X, which gives upper-case letters

def hex_color(r, g, b):
    for value in (r, g, b):
        if value < 0 or value > 255:
            raise ValueError(f'color value out of range 0..255: {value}')
    return '#%02X%02X%02X' % (r, g, b)
