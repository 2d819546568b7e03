"""test/lib/png.py — read and write 8-bit RGB / RGBA PNG files with the
Python standard library only (zlib), for the browser checks of the report
(test/integration/report_browser.sh) and its screenshots (doc/img/screenshots.sh).
"""
import struct
import zlib


def read_png(path):
    """(width, height, bytes per pixel, rows): rows are the unfiltered pixel bytes."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError(f'{path}: not a PNG')
    pos, header, idat = 8, None, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        if kind == b'IHDR':
            header = data[pos + 8:pos + 8 + length]
        elif kind == b'IDAT':
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', header)
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError(f'{path}: only 8-bit RGB or RGBA, not interlaced')
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if f == 2:
            line = bytearray((x + y) & 255 for x, y in zip(line, prev))
        elif f != 0:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                if f == 1:
                    line[x] = (line[x] + a) & 255
                elif f == 3:
                    line[x] = (line[x] + (a + b) // 2) & 255
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def write_png(path, w, h, bpp, rows):
    """Writes rows (unfiltered pixel bytes, w * bpp each) as a PNG."""
    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body))
    ihdr = struct.pack('>IIBBBBB', w, h, 8, 2 if bpp == 3 else 6, 0, 0, 0)
    raw = b''.join(b'\x00' + r for r in rows[:h])
    with open(path, 'wb') as out:
        out.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def colours(w, bpp, rows, width=None):
    """{rgb bytes: pixel count} over the first `width` columns."""
    counts = {}
    for r in rows:
        for x in range(0, min(width or w, w) * bpp, bpp):
            px = r[x:x + 3]
            counts[px] = counts.get(px, 0) + 1
    return counts
