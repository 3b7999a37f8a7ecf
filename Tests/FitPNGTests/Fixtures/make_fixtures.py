#!/usr/bin/env python3
"""Writes the decoder fixtures: small PNGs of every colour type and bit depth, built byte by
byte with zlib and struct (no imaging library), and next to each the RGBA8 pixels a correct
decoder must produce (NAME.rgba, raw bytes, rows top to bottom), computed here from the
synthetic pattern, independently of libpng.

Conversion rules the expectations follow (PNG spec + the decoder's documented behaviour):
  - grey of depth d < 8 scales by bit replication: v * 255 / (2^d - 1) (exact for d = 1, 2, 4);
  - 16-bit samples scale with rounding: round(v * 255 / 65535);
  - tRNS on grey/RGB: the pixel whose stored sample(s) equal the key gets alpha 0, others 255;
  - tRNS on palette: alpha per index, 255 past the end of the tRNS list.
Rows use filter types 0..4 in turn (row y uses y % 5), so every unfilter path is exercised.
Run: python3 make_fixtures.py (in this folder). Output is deterministic.
"""
import struct
import zlib

W, H = 13, 9
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp):
    """Filters each packed row with type (index % 5)."""
    out = bytearray()
    prev = bytes(len(rows[0])) if rows else b""
    for i, row in enumerate(rows):
        ftype = i % 5
        out.append(ftype)
        for j, x in enumerate(row):
            a = row[j - bpp] if j >= bpp else 0
            b = prev[j]
            c = prev[j - bpp] if j >= bpp else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ftype]
            out.append((x - pred) & 0xFF)
        prev = row
    return bytes(out)


def pack_row(samples, depth):
    """Packs a row of samples (already flattened over channels) at `depth` bits each."""
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def write_png(name, color_type, depth, pixels, channels, plte=None, trns=None, interlace=False):
    """pixels[y][x] is a tuple of `channels` stored samples."""
    bits_per_pixel = depth * channels
    bpp = max(1, bits_per_pixel // 8)
    raw = b""
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for (x0, y0, dx, dy) in passes:
        xs, ys = list(range(x0, W, dx)), list(range(y0, H, dy))
        if not xs or not ys:
            continue
        rows = [pack_row([s for x in xs for s in pixels[y][x]], depth) for y in ys]
        raw += filter_rows(rows, bpp)
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, depth, color_type, 0, 0, 1 if interlace else 0))
    if plte is not None:
        data += chunk(b"PLTE", b"".join(bytes(c) for c in plte))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    # Split the compressed stream over two IDAT chunks, as a decoder must join them.
    z = zlib.compress(raw, 9)
    half = len(z) // 2
    data += chunk(b"IDAT", z[:half]) + chunk(b"IDAT", z[half:]) + chunk(b"IEND", b"")
    with open(name + ".png", "wb") as f:
        f.write(data)


def write_expected(name, rgba):
    with open(name + ".rgba", "wb") as f:
        f.write(bytes(v for y in range(H) for x in range(W) for v in rgba[y][x]))


def sample(x, y, c, depth):
    """A deterministic pattern that reaches 0 and the maximum of the depth."""
    top = (1 << depth) - 1
    if depth == 16:
        # Mixes low bytes above and below the high byte, where truncating and rounding differ.
        return (x * 5003 + y * 7919 + c * 12345 + x * y * 257 + 0x01FF) % 65536 if (x + y) % 6 else (top if c % 2 else 0)
    return (x * 3 + y * 5 + c * 7 + x * y) % (top + 1)


def to8(v, depth):
    if depth == 16:
        return (v * 255 + 32767) // 65535
    return v * 255 // ((1 << depth) - 1)


def grey(depth, trns_value=None, interlace=False, suffix=""):
    name = f"gray{depth}{suffix}"
    px = [[(sample(x, y, 0, depth),) for x in range(W)] for y in range(H)]
    trns = struct.pack(">H", trns_value) if trns_value is not None else None
    write_png(name, 0, depth, px, 1, trns=trns, interlace=interlace)
    write_expected(name, [[(to8(p[0], depth),) * 3 + (0 if p[0] == trns_value else 255,) for p in row] for row in px])


def grey_alpha(depth):
    name = f"grayalpha{depth}"
    px = [[(sample(x, y, 0, depth), sample(x, y, 1, depth)) for x in range(W)] for y in range(H)]
    write_png(name, 4, depth, px, 2)
    write_expected(name, [[(to8(g, depth),) * 3 + (to8(a, depth),) for (g, a) in row] for row in px])


def rgb(depth, key=None, alpha=False, interlace=False, suffix=""):
    channels = 4 if alpha else 3
    name = f"{'rgba' if alpha else 'rgb'}{depth}{suffix}"
    px = [[tuple(sample(x, y, c, depth) for c in range(channels)) for x in range(W)] for y in range(H)]
    if key is not None:
        px[2][3] = key  # make sure the transparent colour occurs
    trns = struct.pack(">HHH", *key) if key is not None else None
    write_png(name, 6 if alpha else 2, depth, px, channels, trns=trns, interlace=interlace)

    def expect(p):
        colour = tuple(to8(v, depth) for v in p[:3])
        if alpha:
            return colour + (to8(p[3], depth),)
        return colour + ((0 if p == key else 255),)
    write_expected(name, [[expect(p) for p in row] for row in px])


def palette(depth, with_trns, interlace=False, suffix=""):
    name = f"palette{depth}{'_trns' if with_trns else ''}{suffix}"
    count = 1 << depth
    plte = [((i * 37) % 256, (i * 91 + 40) % 256, (255 - i * 13) % 256) for i in range(count)]
    # tRNS shorter than the palette when possible: later entries stay opaque.
    alphas = [(i * 50 + 10) % 256 for i in range(max(1, count - 1))] if with_trns else []
    px = [[(sample(x, y, 0, depth),) for x in range(W)] for y in range(H)]
    write_png(name, 3, depth, px, 1, plte=plte, trns=bytes(alphas) if with_trns else None, interlace=interlace)
    write_expected(name, [[plte[p[0]] + ((alphas[p[0]] if p[0] < len(alphas) else 255),) for p in row] for row in px])


for d in (1, 2, 4, 8, 16):
    grey(d)
grey(8, trns_value=sample(0, 0, 0, 8), suffix="_trns")
for d in (8, 16):
    grey_alpha(d)
for d in (1, 2, 4, 8):
    palette(d, False)
    palette(d, True)
for d in (8, 16):
    rgb(d)
    rgb(d, alpha=True)
rgb(8, key=(10, 20, 30), suffix="_trns")
# Adam7 interlaced variants: sub-byte grey, palette, 8-bit RGBA, 16-bit RGB.
grey(1, interlace=True, suffix="_adam7")
palette(4, True, interlace=True, suffix="_adam7")
rgb(8, alpha=True, interlace=True, suffix="_adam7")
rgb(16, interlace=True, suffix="_adam7")
