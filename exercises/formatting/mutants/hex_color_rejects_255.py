# mutant-of: hex_color
# mistake: off by one: rejects 255, the largest valid value

def hex_color(r, g, b):
    for value in (r, g, b):
        if value < 0 or value >= 255:
            raise ValueError(f'color value out of range 0..255: {value}')
    return '#%02x%02x%02x' % (r, g, b)
