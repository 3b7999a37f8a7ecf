// PNG encoding into a growable malloc'd buffer.
#include <stdlib.h>
#include <zlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "png_bridge_common.h"

void png_bridge_buffer_free(png_bridge_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
    buffer->capacity = 0;
}

/// libpng write callback. A failed allocation calls png_error, which jumps to the setjmp of
/// the encode function below (still C frames only).
static void write_to_buffer(png_structp png, png_bytep data, size_t length) {
    png_bridge_buffer *buffer = (png_bridge_buffer *)png_get_io_ptr(png);
    if (length > SIZE_MAX - buffer->size) png_error(png, "out of memory: PNG larger than the address space");
    size_t needed = buffer->size + length;
    if (needed > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < needed) capacity = capacity > SIZE_MAX / 2 ? needed : capacity * 2;
        uint8_t *grown = (uint8_t *)realloc(buffer->data, capacity);
        if (grown == NULL) png_error(png, "out of memory while growing the PNG buffer");
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, data, length);
    buffer->size = needed;
}

static void flush_nothing(png_structp png) { (void)png; }

/// Where the encoder takes its rows from.
typedef enum { SOURCE_RGBA, SOURCE_ARGB32 } source_kind;

static int rgba_is_opaque(const uint8_t *pixels, uint32_t width, uint32_t height) {
    size_t count = (size_t)width * height;
    for (size_t i = 0; i < count; i++) if (pixels[i * 4 + 3] != 255) return 0;
    return 1;
}

static int argb32_is_opaque(const uint8_t *base, uint32_t width, uint32_t height, size_t stride) {
    for (uint32_t y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(base + (size_t)y * stride);
        for (uint32_t x = 0; x < width; x++) if ((row[x] >> 24) != 0xFF) return 0;
    }
    return 1;
}

/// One ARGB32 row to straight RGB or RGBA bytes, the way Cairo's write_to_png un-premultiplies.
static void argb32_row_to_bytes(const uint32_t *row, uint32_t width, int alpha, uint8_t *out) {
    for (uint32_t x = 0; x < width; x++) {
        uint32_t p = row[x];
        uint32_t a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        if (a != 0xFF) {
            if (a == 0) {
                r = g = b = 0;
            } else {
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
        }
        *out++ = (uint8_t)r;
        *out++ = (uint8_t)g;
        *out++ = (uint8_t)b;
        if (alpha) *out++ = (uint8_t)a;
    }
}

/// `argb32_row_to_bytes` for RGB output, with a fast path for runs of four opaque pixels
/// (a plot frame is opaque everywhere): no division, no per-pixel branch, twelve byte stores
/// that compilers merge. Same bytes as the general function.
static void argb32_row_to_rgb(const uint32_t *row, uint32_t width, uint8_t *out) {
    uint32_t x = 0;
    for (; x + 4 <= width; x += 4) {
        uint32_t p0 = row[x], p1 = row[x + 1], p2 = row[x + 2], p3 = row[x + 3];
        if ((p0 & p1 & p2 & p3) >= 0xFF000000u) {
            out[0] = (uint8_t)(p0 >> 16), out[1] = (uint8_t)(p0 >> 8), out[2] = (uint8_t)p0;
            out[3] = (uint8_t)(p1 >> 16), out[4] = (uint8_t)(p1 >> 8), out[5] = (uint8_t)p1;
            out[6] = (uint8_t)(p2 >> 16), out[7] = (uint8_t)(p2 >> 8), out[8] = (uint8_t)p2;
            out[9] = (uint8_t)(p3 >> 16), out[10] = (uint8_t)(p3 >> 8), out[11] = (uint8_t)p3;
        } else {
            argb32_row_to_bytes(row + x, 4, 0, out);
        }
        out += 12;
    }
    if (x < width) argb32_row_to_bytes(row + x, width - x, 0, out);
}

/// Adler-32 (RFC 1950) of `n` bytes continuing from `adler`: zlib's value, computed 32 bytes
/// at a time with SSE2 where available (zlib 1.2's own loop is scalar and took about 15 % of a
/// frame's compression time). Blocks of at most 5536 bytes keep every sum exact before the
/// modulo, as zlib's NMAX does.
uint32_t png_bridge_adler32(uint32_t adler, const uint8_t *p, size_t n) {
    const uint32_t base = 65521;
    uint64_t a = adler & 0xffff, b = adler >> 16;
    while (n > 0) {
        size_t chunk = n < 5536 ? n : 5536;
        n -= chunk;
#if defined(__SSE2__)
        size_t blocks = chunk / 32;
        if (blocks > 0) {
            const __m128i zero = _mm_setzero_si128();
            const __m128i w0 = _mm_setr_epi16(32, 31, 30, 29, 28, 27, 26, 25);
            const __m128i w1 = _mm_setr_epi16(24, 23, 22, 21, 20, 19, 18, 17);
            const __m128i w2 = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
            const __m128i w3 = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
            __m128i sums = zero, prefix = zero, weighted = zero;
            for (size_t k = 0; k < blocks; k++, p += 32) {
                __m128i d0 = _mm_loadu_si128((const __m128i *)p);
                __m128i d1 = _mm_loadu_si128((const __m128i *)(p + 16));
                prefix = _mm_add_epi32(prefix, sums);
                sums = _mm_add_epi32(sums, _mm_add_epi32(_mm_sad_epu8(d0, zero), _mm_sad_epu8(d1, zero)));
                weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpacklo_epi8(d0, zero), w0));
                weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpackhi_epi8(d0, zero), w1));
                weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpacklo_epi8(d1, zero), w2));
                weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpackhi_epi8(d1, zero), w3));
            }
            uint32_t s[4], q[4], w[4];
            _mm_storeu_si128((__m128i *)s, sums);
            _mm_storeu_si128((__m128i *)q, prefix);
            _mm_storeu_si128((__m128i *)w, weighted);
            uint64_t sum = (uint64_t)s[0] + s[1] + s[2] + s[3];
            uint64_t pre = (uint64_t)q[0] + q[1] + q[2] + q[3];
            uint64_t wsum = (uint64_t)w[0] + w[1] + w[2] + w[3];
            b += 32 * (a * blocks + pre) + wsum;
            a += sum;
            chunk -= blocks * 32;
        }
#endif
        while (chunk--) {
            a += *p++;
            b += a;
        }
        a %= base;
        b %= base;
    }
    return (uint32_t)((b << 16) | a);
}

void png_bridge_argb32_filtered_rows(const uint8_t *base, uint32_t width, uint32_t rows, size_t stride, int alpha,
                                     uint8_t *out) {
    size_t row_bytes = 1 + (size_t)width * (alpha ? 4 : 3);
    for (uint32_t r = 0; r < rows; r++) {
        uint8_t *row = out + (size_t)r * row_bytes;
        row[0] = 0;  // filter type NONE
        const uint32_t *pixels = (const uint32_t *)(base + (size_t)r * stride);
        if (alpha) argb32_row_to_bytes(pixels, width, 1, row + 1);
        else argb32_row_to_rgb(pixels, width, row + 1);
    }
}

void png_bridge_zlib_header(int level, int strategy, uint8_t out[2]) {
    unsigned level_flags = (strategy >= Z_HUFFMAN_ONLY || level < 2) ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
    unsigned header = (0x78u << 8) | (level_flags << 6);
    header += 31 - header % 31;
    out[0] = (uint8_t)(header >> 8);
    out[1] = (uint8_t)header;
}

/// True when the bridge compresses the rows itself: ARGB32 input, no row filter, tuning asked.
static int wants_direct_deflate(source_kind kind, const png_bridge_encode_options *options) {
    return kind == SOURCE_ARGB32 && options->filters == PNG_BRIDGE_FILTER_NONE && options->tune_max_chain > 0
        && options->tune_good_length >= 0 && options->tune_max_lazy >= 0 && options->tune_nice_length >= 0;
}

/// The IDAT payload (one zlib stream) of ARGB32 rows with filter NONE, compressed with zlib
/// directly so that deflateTune can be applied (libpng does not expose it). Rows are converted
/// in blocks of about 64 KB: one deflate call per block instead of libpng's call per row and
/// its extra row copy. Same window (15 bits) and memory level (8) as libpng's defaults.
/// No longjmp here: plain status returns; `*out` is malloc'd on success.
static png_bridge_status deflate_argb32_rows(const uint8_t *base, uint32_t width, uint32_t height, size_t stride,
                                             int alpha, const png_bridge_encode_options *options,
                                             uint8_t **out, size_t *out_size, png_bridge_error *error) {
    *out = NULL;
    *out_size = 0;
    size_t row_bytes = 1 + (size_t)width * (alpha ? 4 : 3);
    if (row_bytes > ((size_t)1 << 40) / height) {
        png_bridge_set_message(error, "image too large for the PNG encoder");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    size_t total = row_bytes * height;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    // Raw deflate (negative window bits): the zlib header and the Adler-32 trailer are written
    // here, byte for byte what zlib would write, with the faster checksum above.
    if (deflateInit2(&zs, options->compression_level, Z_DEFLATED, -15, 8, options->strategy) != Z_OK) {
        png_bridge_set_message(error, "zlib could not start a compressor");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    if (deflateTune(&zs, options->tune_good_length, options->tune_max_lazy, options->tune_nice_length,
                    options->tune_max_chain) != Z_OK) {
        deflateEnd(&zs);
        png_bridge_set_message(error, "zlib rejected the deflate tuning");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    size_t bound = deflateBound(&zs, (uLong)total) + 6;  // + zlib header and trailer
    if (bound > 0xFFFFFFFFu) {
        deflateEnd(&zs);
        png_bridge_set_message(error, "image too large for one zlib call; use tuning only below 4 GB");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    size_t block_rows = row_bytes >= 65536 ? 1 : 65536 / row_bytes;
    uint8_t *block = (uint8_t *)malloc(row_bytes * block_rows);
    uint8_t *dst = (uint8_t *)malloc(bound);
    if (block == NULL || dst == NULL) {
        free(block);
        free(dst);
        deflateEnd(&zs);
        png_bridge_set_message(error, "out of memory for the compressed image");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    // deflateBound room for the whole image: every deflate call consumes all its input, and
    // Z_FINISH ends the stream in one call.
    png_bridge_zlib_header(options->compression_level, options->strategy, dst);
    zs.next_out = dst + 2;
    zs.avail_out = (uInt)(bound - 6);
    uint32_t checksum = 1;
    int result = Z_OK;
    for (uint32_t y = 0; y < height && result == Z_OK;) {
        uint32_t rows = (uint32_t)(height - y < block_rows ? height - y : block_rows);
        png_bridge_argb32_filtered_rows(base + (size_t)y * stride, width, rows, stride, alpha, block);
        y += rows;
        checksum = png_bridge_adler32(checksum, block, rows * row_bytes);
        zs.next_in = block;
        zs.avail_in = (uInt)(rows * row_bytes);
        if (y < height) {
            result = deflate(&zs, Z_NO_FLUSH);
            if (result == Z_OK && zs.avail_in != 0) result = Z_BUF_ERROR;
        } else {
            result = deflate(&zs, Z_FINISH) == Z_STREAM_END ? Z_OK : Z_BUF_ERROR;
        }
    }
    size_t produced = 2 + (bound - 6 - zs.avail_out);
    dst[produced++] = (uint8_t)(checksum >> 24);
    dst[produced++] = (uint8_t)(checksum >> 16);
    dst[produced++] = (uint8_t)(checksum >> 8);
    dst[produced++] = (uint8_t)checksum;
    free(block);
    deflateEnd(&zs);
    if (result != Z_OK) {
        free(dst);
        png_bridge_set_message(error, "zlib failed while compressing the image");
        return PNG_BRIDGE_LIBPNG_ERROR;
    }
    *out = dst;
    *out_size = produced;
    return PNG_BRIDGE_OK;
}

static int resolve_alpha(source_kind kind, const uint8_t *base, uint32_t width, uint32_t height, size_t stride,
                         int color) {
    switch (color) {
    case PNG_BRIDGE_COLOR_RGB: return 0;
    case PNG_BRIDGE_COLOR_RGBA: return 1;
    default:
        return kind == SOURCE_RGBA ? !rgba_is_opaque(base, width, height)
                                   : !argb32_is_opaque(base, width, height, stride);
    }
}

/// Writes the PNG: header, pHYs and text chunks, then either `idat` (a complete zlib stream,
/// when not NULL; it is freed here) as one IDAT, or the rows of `base` compressed by libpng.
static png_bridge_status write_png(source_kind kind, const uint8_t *base, uint32_t width, uint32_t height,
                                   size_t stride, int alpha, const png_bridge_encode_options *options,
                                   uint8_t *idat, size_t idat_size, png_bridge_buffer *out,
                                   png_bridge_error *error) {
    png_bridge_context context = { error, PNG_BRIDGE_OK };
    // Allocated before setjmp so that the jump target sees the same pointer (no volatile needed).
    uint8_t *row_buffer = NULL;
    if (kind == SOURCE_ARGB32 && idat == NULL) {
        row_buffer = (uint8_t *)malloc((size_t)width * 4);
        if (row_buffer == NULL) {
            png_bridge_set_message(error, "out of memory for a row buffer");
            return PNG_BRIDGE_OUT_OF_MEMORY;
        }
    }
    int direct = idat != NULL;
    png_text *texts = NULL;
    if (options->text_count > 0) {
        texts = (png_text *)calloc(options->text_count, sizeof *texts);
        if (texts == NULL) {
            free(row_buffer);
            free(idat);
            png_bridge_set_message(error, "out of memory for text chunks");
            return PNG_BRIDGE_OUT_OF_MEMORY;
        }
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, png_bridge_error_fn,
                                              png_bridge_warning_fn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(row_buffer);
        free(texts);
        free(idat);
        png_bridge_set_message(error, "out of memory creating the libpng writer");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row_buffer);
        free(texts);
        free(idat);
        png_bridge_buffer_free(out);
        return context.status == PNG_BRIDGE_OK ? PNG_BRIDGE_LIBPNG_ERROR : context.status;
    }
    png_set_write_fn(png, out, write_to_buffer, flush_nothing);
    png_set_compression_level(png, options->compression_level);
    png_set_compression_strategy(png, options->strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, options->filters);
    png_set_IHDR(png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (options->pixels_per_meter > 0) {
        png_set_pHYs(png, info, options->pixels_per_meter, options->pixels_per_meter, PNG_RESOLUTION_METER);
    }
    if (options->text_count > 0) {
        for (size_t i = 0; i < options->text_count; i++) {
            texts[i].compression = options->texts[i].international ? PNG_ITXT_COMPRESSION_NONE : PNG_TEXT_COMPRESSION_NONE;
            texts[i].key = (png_charp)options->texts[i].key;
            texts[i].text = (png_charp)options->texts[i].value;
            texts[i].text_length = strlen(options->texts[i].value);
        }
        png_set_text(png, info, texts, (int)options->text_count);
    }
    png_write_info(png, info);
    if (direct) {
        // One IDAT holding the whole zlib stream (any IDAT split is equally valid PNG), then IEND.
        png_write_chunk(png, (png_const_bytep) "IDAT", idat, idat_size);
        png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    } else if (kind == SOURCE_RGBA) {
        // Rows go to libpng as they are; for RGB output libpng strips the 4th byte itself.
        if (!alpha) png_set_filler(png, 0, PNG_FILLER_AFTER);
        for (uint32_t y = 0; y < height; y++) png_write_row(png, base + (size_t)y * width * 4);
    } else {
        for (uint32_t y = 0; y < height; y++) {
            const uint32_t *pixels = (const uint32_t *)(base + (size_t)y * stride);
            if (alpha) argb32_row_to_bytes(pixels, width, 1, row_buffer);
            else argb32_row_to_rgb(pixels, width, row_buffer);
            png_write_row(png, row_buffer);
        }
    }
    if (!direct) png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row_buffer);
    free(texts);
    free(idat);
    return PNG_BRIDGE_OK;
}

static png_bridge_status encode(source_kind kind, const uint8_t *base, uint32_t width, uint32_t height,
                                size_t stride, const png_bridge_encode_options *options,
                                png_bridge_buffer *out, png_bridge_error *error) {
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
    if (base == NULL || width == 0 || height == 0 || width > PNG_UINT_31_MAX || height > PNG_UINT_31_MAX
        || options == NULL || options->compression_level < 0 || options->compression_level > 9
        || (kind == SOURCE_ARGB32 && stride < (size_t)width * 4)) {
        png_bridge_set_message(error, "invalid arguments to the PNG encoder");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    int alpha = resolve_alpha(kind, base, width, height, stride, options->color);
    // The direct path compresses before libpng starts, so no longjmp can cross it.
    uint8_t *idat = NULL;
    size_t idat_size = 0;
    if (wants_direct_deflate(kind, options)) {
        png_bridge_status status = deflate_argb32_rows(base, width, height, stride, alpha, options, &idat,
                                                       &idat_size, error);
        if (status != PNG_BRIDGE_OK) return status;
    }
    return write_png(kind, base, width, height, stride, alpha, options, idat, idat_size, out, error);
}

png_bridge_status png_bridge_write_argb32_with_idat(const uint8_t *base, uint32_t width, uint32_t height,
                                                    size_t stride, int alpha,
                                                    const png_bridge_encode_options *options, uint8_t *idat,
                                                    size_t idat_size, png_bridge_buffer *out,
                                                    png_bridge_error *error) {
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
    return write_png(SOURCE_ARGB32, base, width, height, stride, alpha, options, idat, idat_size, out, error);
}

png_bridge_status png_bridge_encode_rgba(const uint8_t *pixels, uint32_t width, uint32_t height,
                                         const png_bridge_encode_options *options,
                                         png_bridge_buffer *out, png_bridge_error *error) {
    return encode(SOURCE_RGBA, pixels, width, height, (size_t)width * 4, options, out, error);
}

png_bridge_status png_bridge_encode_argb32(const uint8_t *base, uint32_t width, uint32_t height,
                                           size_t stride, const png_bridge_encode_options *options,
                                           png_bridge_buffer *out, png_bridge_error *error) {
    return encode(SOURCE_ARGB32, base, width, height, stride, options, out, error);
}
