// Frames drawn over one static background: the background's scanlines are compressed once,
// in bands, and a frame copies the compressed band wherever its rows equal the background's
// (see png_bridge.h). No libpng call here, so no longjmp: plain status returns.
#include <stdlib.h>
#include <zlib.h>
#include "png_bridge_common.h"

/// Scanline bytes per band: 32 rows of a 640-pixel RGB frame. A band costs a block header
/// and a 5-byte sync flush, and its first rows cannot refer to the band above; smaller bands
/// let a frame reuse more. On the tutorial's 101 frames (640×480), bands of 16 rows made
/// frames 6 % larger than one stream, 32 rows 1.5 %, and 48 rows reused 10 % less.
enum { BAND_BYTES = 32 * (1 + 640 * 3) };

typedef struct background_band {
    uint8_t *data;      // deflate blocks, ending with a sync flush (byte-aligned, not final)
    size_t size;
    uint32_t adler;     // Adler-32 of the band's scanlines alone
    size_t raw_size;    // scanline bytes of the band
} background_band;

struct png_bridge_background {
    uint32_t width, height, band_rows, band_count;
    int alpha;
    size_t row_bytes;   // scanline bytes per row, filter byte included
    uint8_t *pixels;    // the background's ARGB32 rows, width * 4 bytes each, no padding
    background_band *bands;
};

void png_bridge_background_destroy(png_bridge_background *background) {
    if (background == NULL) return;
    if (background->bands != NULL) {
        for (uint32_t b = 0; b < background->band_count; b++) free(background->bands[b].data);
    }
    free(background->bands);
    free(background->pixels);
    free(background);
}

uint32_t png_bridge_background_band_rows(const png_bridge_background *background) {
    return background == NULL ? 0 : background->band_rows;
}

static int valid_options(const png_bridge_encode_options *options) {
    return options != NULL && options->compression_level >= 0 && options->compression_level <= 9
        && options->tune_good_length >= 0 && options->tune_max_lazy >= 0 && options->tune_nice_length >= 0
        && options->tune_max_chain >= 0;
}

static int start_compressor(z_stream *zs, const png_bridge_encode_options *options) {
    memset(zs, 0, sizeof *zs);
    return deflateInit2(zs, options->compression_level, Z_DEFLATED, -15, 8, options->strategy) == Z_OK;
}

/// Compresses `size` scanline bytes as an independent band: the compressor forgets all
/// earlier input (deflateReset, which also drops the tuning, set again), and the sync flush
/// ends the band on a byte boundary without ending the stream. 0 on any zlib failure.
static int compress_band(z_stream *zs, const png_bridge_encode_options *options, const uint8_t *scanlines,
                         size_t size, uint8_t *dst, size_t capacity, size_t *written) {
    if (deflateReset(zs) != Z_OK) return 0;
    if (options->tune_max_chain > 0
        && deflateTune(zs, options->tune_good_length, options->tune_max_lazy, options->tune_nice_length,
                       options->tune_max_chain) != Z_OK) return 0;
    zs->next_in = (Bytef *)scanlines;
    zs->avail_in = (uInt)size;
    zs->next_out = dst;
    // A band needs far less than 4 GB; the rest of a huge frame's buffer is not offered.
    zs->avail_out = capacity > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uInt)capacity;
    // All output fits when room is left over; a full buffer could hide pending output.
    if (deflate(zs, Z_SYNC_FLUSH) != Z_OK || zs->avail_in != 0 || zs->avail_out == 0) return 0;
    *written = (capacity > 0xFFFFFFFFu ? 0xFFFFFFFFu : capacity) - zs->avail_out;
    return 1;
}

/// Room for one band's compressed bytes, whatever its content (sync flush included).
static size_t band_bound(z_stream *zs, size_t raw_size) { return deflateBound(zs, (uLong)raw_size) + 64; }

png_bridge_status png_bridge_background_create(const uint8_t *base, uint32_t width, uint32_t height,
                                               size_t stride, const png_bridge_encode_options *options,
                                               png_bridge_background **out, png_bridge_error *error) {
    *out = NULL;
    if (base == NULL || width == 0 || height == 0 || width > PNG_UINT_31_MAX || height > PNG_UINT_31_MAX
        || stride < (size_t)width * 4 || !valid_options(options)
        || (options->color != PNG_BRIDGE_COLOR_RGB && options->color != PNG_BRIDGE_COLOR_RGBA)) {
        png_bridge_set_message(error, "invalid arguments for a frame background (the colour type must be RGB or RGBA)");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    int alpha = options->color == PNG_BRIDGE_COLOR_RGBA;
    size_t row_bytes = 1 + (size_t)width * (alpha ? 4 : 3);
    if ((size_t)width * 4 > ((size_t)1 << 40) / height || row_bytes > 0x7FFFFFFF) {
        png_bridge_set_message(error, "image too large for a frame background");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    png_bridge_background *bg = (png_bridge_background *)calloc(1, sizeof *bg);
    if (bg == NULL) {
        png_bridge_set_message(error, "out of memory for a frame background");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    bg->width = width;
    bg->height = height;
    bg->alpha = alpha;
    bg->row_bytes = row_bytes;
    bg->band_rows = row_bytes >= BAND_BYTES ? 1 : (uint32_t)(BAND_BYTES / row_bytes);
    bg->band_count = (height + bg->band_rows - 1) / bg->band_rows;
    bg->pixels = (uint8_t *)malloc((size_t)width * 4 * height);
    bg->bands = (background_band *)calloc(bg->band_count, sizeof *bg->bands);
    uint8_t *scanlines = (uint8_t *)malloc(row_bytes * bg->band_rows);
    z_stream zs;
    int started = bg->pixels != NULL && bg->bands != NULL && scanlines != NULL && start_compressor(&zs, options);
    if (!started) {
        free(scanlines);
        png_bridge_background_destroy(bg);
        png_bridge_set_message(error, "out of memory for a frame background");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    for (uint32_t y = 0; y < height; y++) {
        memcpy(bg->pixels + (size_t)y * width * 4, base + (size_t)y * stride, (size_t)width * 4);
    }
    png_bridge_status status = PNG_BRIDGE_OK;
    uint8_t *compressed = (uint8_t *)malloc(band_bound(&zs, row_bytes * bg->band_rows));
    for (uint32_t b = 0; b < bg->band_count && status == PNG_BRIDGE_OK; b++) {
        uint32_t y0 = b * bg->band_rows;
        uint32_t rows = height - y0 < bg->band_rows ? height - y0 : bg->band_rows;
        size_t raw_size = row_bytes * rows;
        size_t size = 0;
        png_bridge_argb32_filtered_rows(base + (size_t)y0 * stride, width, rows, stride, alpha, scanlines);
        if (compressed == NULL) {
            status = PNG_BRIDGE_OUT_OF_MEMORY;
        } else if (!compress_band(&zs, options, scanlines, raw_size, compressed, band_bound(&zs, raw_size), &size)) {
            status = PNG_BRIDGE_LIBPNG_ERROR;
        } else if ((bg->bands[b].data = (uint8_t *)malloc(size)) == NULL) {
            status = PNG_BRIDGE_OUT_OF_MEMORY;
        } else {
            memcpy(bg->bands[b].data, compressed, size);
            bg->bands[b].size = size;
            bg->bands[b].raw_size = raw_size;
            bg->bands[b].adler = png_bridge_adler32(1, scanlines, raw_size);
        }
    }
    deflateEnd(&zs);
    free(compressed);
    free(scanlines);
    if (status != PNG_BRIDGE_OK) {
        png_bridge_background_destroy(bg);
        png_bridge_set_message(error, status == PNG_BRIDGE_OUT_OF_MEMORY ? "out of memory compressing a frame background"
                                                                         : "zlib failed while compressing a frame background");
        return status;
    }
    *out = bg;
    return PNG_BRIDGE_OK;
}

/// Whether rows [y0, y0 + rows) of the frame equal the background's.
static int band_unchanged(const png_bridge_background *bg, const uint8_t *base, size_t stride, uint32_t y0,
                          uint32_t rows) {
    size_t row_size = (size_t)bg->width * 4;
    for (uint32_t y = y0; y < y0 + rows; y++) {
        if (memcmp(base + (size_t)y * stride, bg->pixels + (size_t)y * row_size, row_size) != 0) return 0;
    }
    return 1;
}

png_bridge_status png_bridge_encode_argb32_over(const png_bridge_background *bg, const uint8_t *base,
                                                size_t stride, const png_bridge_encode_options *options,
                                                png_bridge_buffer *out, png_bridge_error *error) {
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
    if (bg == NULL || base == NULL || stride < (size_t)bg->width * 4 || !valid_options(options)) {
        png_bridge_set_message(error, "invalid arguments to the PNG encoder");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    if (options->color != (bg->alpha ? PNG_BRIDGE_COLOR_RGBA : PNG_BRIDGE_COLOR_RGB)) {
        png_bridge_set_message(error, bg->alpha ? "the background is RGBA: frames over it must be written as RGBA"
                                                : "the background is RGB: frames over it must be written as RGB");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    z_stream zs;
    if (!start_compressor(&zs, options)) {
        png_bridge_set_message(error, "zlib could not start a compressor");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    // Room for every band recompressed (or copied), the zlib header, the final empty block
    // and the Adler-32 trailer.
    size_t capacity = 2 + 2 + 4;
    for (uint32_t b = 0; b < bg->band_count; b++) {
        size_t bound = band_bound(&zs, bg->bands[b].raw_size);
        capacity += bound > bg->bands[b].size ? bound : bg->bands[b].size;
    }
    uint8_t *dst = (uint8_t *)malloc(capacity);
    uint8_t *scanlines = (uint8_t *)malloc(bg->row_bytes * bg->band_rows);
    if (dst == NULL || scanlines == NULL) {
        free(dst);
        free(scanlines);
        deflateEnd(&zs);
        png_bridge_set_message(error, "out of memory for the compressed image");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    png_bridge_zlib_header(options->compression_level, options->strategy, dst);
    size_t position = 2;
    uint32_t checksum = 1;
    int ok = 1;
    for (uint32_t b = 0; b < bg->band_count && ok; b++) {
        const background_band *band = &bg->bands[b];
        uint32_t y0 = b * bg->band_rows;
        uint32_t rows = (uint32_t)(band->raw_size / bg->row_bytes);
        if (band_unchanged(bg, base, stride, y0, rows)) {
            memcpy(dst + position, band->data, band->size);
            position += band->size;
            checksum = (uint32_t)adler32_combine(checksum, band->adler, (z_off_t)band->raw_size);
        } else {
            size_t written = 0;
            png_bridge_argb32_filtered_rows(base + (size_t)y0 * stride, bg->width, rows, stride, bg->alpha, scanlines);
            checksum = png_bridge_adler32(checksum, scanlines, band->raw_size);
            ok = compress_band(&zs, options, scanlines, band->raw_size, dst + position, capacity - position - 6,
                               &written);
            position += written;
        }
    }
    deflateEnd(&zs);
    free(scanlines);
    if (!ok) {
        free(dst);
        png_bridge_set_message(error, "zlib failed while compressing the image");
        return PNG_BRIDGE_LIBPNG_ERROR;
    }
    // The last block: empty, fixed Huffman codes, marked final (what zlib writes for
    // Z_FINISH after a flush), then the Adler-32 of all scanlines, big-endian.
    dst[position++] = 0x03;
    dst[position++] = 0x00;
    dst[position++] = (uint8_t)(checksum >> 24);
    dst[position++] = (uint8_t)(checksum >> 16);
    dst[position++] = (uint8_t)(checksum >> 8);
    dst[position++] = (uint8_t)checksum;
    return png_bridge_write_argb32_with_idat(base, bg->width, bg->height, stride, bg->alpha, options, dst, position,
                                             out, error);
}
