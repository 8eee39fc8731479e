# mutant-of: hex_color
# mistake: only rejects values above 255, not negative ones

def hex_color(r, g, b):
    for value in (r, g, b):
        if value > 255:
            raise ValueError(f'color value out of range 0..255: {value}')
    return '#%02x%02x%02x' % (r, g, b)
