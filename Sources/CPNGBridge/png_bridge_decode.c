// PNG decoding from memory to RGBA8, in two steps so that the caller can refuse a huge image
// (and allocate the destination itself) between reading the header and reading the pixels.
#include <stdlib.h>
#include "png_bridge_common.h"

struct png_bridge_decoder {
    png_structp png;
    png_infop info;
    png_bridge_context context;
    const uint8_t *data;
    size_t size;
    size_t position;
    /// Streaming input instead of `data`: called for each read, returns the bytes delivered.
    png_bridge_read_fn read;
    void *read_context;
    /// Streaming: set while png_read_image runs, and once libpng asked for data after the
    /// last row was stored (it would go on reading the rest of the image data).
    int reading_rows;
    int stopped_after_rows;
    uint32_t width;
    uint32_t height;
    /// 8-bit RGB without tRNS, not interlaced: libpng writes RGB rows and we add the alpha
    /// ourselves (libpng's filler loop, one byte at a time, was an eighth of a compare).
    int rgb_rows;
    /// The RGB row of `rgb_rows`, freed with the decoder (a longjmp may skip any other free).
    uint8_t *scratch;
};

/// Copies an RGB row into an RGBA row with alpha 255. Four pixels a step on little-endian
/// machines: three 32-bit loads (R0G0B0R1 G1B1R2G2 B2R3G3B3) give four 32-bit stores, about
/// ten times fewer memory operations than one byte at a time.
static void expand_rgb_row(uint8_t *restrict rgba, const uint8_t *restrict rgb, uint32_t width) {
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint32_t alpha = 0xFF000000u;
    for (; i + 4 <= width; i += 4) {
        uint32_t w0, w1, w2;
        memcpy(&w0, rgb + 3 * i, 4);
        memcpy(&w1, rgb + 3 * i + 4, 4);
        memcpy(&w2, rgb + 3 * i + 8, 4);
        uint32_t out[4] = {
            (w0 & 0x00FFFFFFu) | alpha,
            (w0 >> 24) | ((w1 & 0x0000FFFFu) << 8) | alpha,
            (w1 >> 16) | ((w2 & 0x000000FFu) << 16) | alpha,
            (w2 >> 8) | alpha,
        };
        memcpy(rgba + 4 * i, out, 16);
    }
#endif
    for (; i < width; i++) {
        rgba[4 * i] = rgb[3 * i];
        rgba[4 * i + 1] = rgb[3 * i + 1];
        rgba[4 * i + 2] = rgb[3 * i + 2];
        rgba[4 * i + 3] = 0xFF;
    }
}

/// libpng read callback: a read past the end records truncation and jumps out through png_error.
static void read_from_memory(png_structp png, png_bytep out, size_t length) {
    png_bridge_decoder *decoder = (png_bridge_decoder *)png_get_io_ptr(png);
    if (decoder->read != NULL) {
        // Every row is in the caller's buffer once libpng's row counter reached the height
        // (or, interlaced, the pass counter reached 7): whatever it asks for now is what
        // follows the last row. Stop there, in C, without reading a byte more.
        if (decoder->reading_rows) {
            int interlaced = png_get_interlace_type(png, decoder->info) != PNG_INTERLACE_NONE;
            int done = interlaced ? png_get_current_pass_number(png) >= 7
                                  : png_get_current_row_number(png) >= decoder->height;
            if (done) {
                decoder->stopped_after_rows = 1;
                png_error(png, "stopped after the last row");
            }
        }
        // The callback returns normally (it is Swift); only then may png_error jump, in C.
        size_t got = decoder->read(decoder->read_context, out, length);
        decoder->position += got;
        if (got < length) {
            decoder->context.status = PNG_BRIDGE_TRUNCATED;
            if (decoder->context.error != NULL) decoder->context.error->byte_offset = decoder->position;
            png_error(png, "unexpected end of data");
        }
        return;
    }
    if (length > decoder->size - decoder->position) {
        decoder->context.status = PNG_BRIDGE_TRUNCATED;
        if (decoder->context.error != NULL) decoder->context.error->byte_offset = decoder->size;
        png_error(png, "unexpected end of data");
    }
    memcpy(out, decoder->data + decoder->position, length);
    decoder->position += length;
}

void png_bridge_decoder_destroy(png_bridge_decoder *decoder) {
    if (decoder == NULL) return;
    png_destroy_read_struct(&decoder->png, &decoder->info, NULL);
    free(decoder->scratch);
    free(decoder);
}

static png_bridge_decoder *create(const uint8_t *data, size_t size, png_bridge_read_fn read,
                                  void *read_context, uint64_t max_pixels, int skip_adler32, uint32_t *width,
                                  uint32_t *height, png_bridge_status *status, png_bridge_error *error);

png_bridge_decoder *png_bridge_decoder_create(const uint8_t *data, size_t size, uint64_t max_pixels,
                                              uint32_t *width, uint32_t *height,
                                              png_bridge_status *status, png_bridge_error *error) {
    return create(data, size, NULL, NULL, max_pixels, 0, width, height, status, error);
}

png_bridge_decoder *png_bridge_decoder_create_with_options(const uint8_t *data, size_t size,
                                                           uint64_t max_pixels, int skip_adler32,
                                                           uint32_t *width, uint32_t *height,
                                                           png_bridge_status *status,
                                                           png_bridge_error *error) {
    return create(data, size, NULL, NULL, max_pixels, skip_adler32, width, height, status, error);
}

png_bridge_decoder *png_bridge_decoder_create_streaming(png_bridge_read_fn read, void *read_context,
                                                        uint64_t max_pixels, uint32_t *width,
                                                        uint32_t *height, png_bridge_status *status,
                                                        png_bridge_error *error) {
    return create(NULL, 0, read, read_context, max_pixels, 0, width, height, status, error);
}

png_bridge_decoder *png_bridge_decoder_create_streaming_with_options(
    png_bridge_read_fn read, void *read_context, uint64_t max_pixels, int skip_adler32, uint32_t *width,
    uint32_t *height, png_bridge_status *status, png_bridge_error *error) {
    return create(NULL, 0, read, read_context, max_pixels, skip_adler32, width, height, status, error);
}

static png_bridge_decoder *create(const uint8_t *data, size_t size, png_bridge_read_fn read,
                                  void *read_context, uint64_t max_pixels, int skip_adler32, uint32_t *width,
                                  uint32_t *height, png_bridge_status *status, png_bridge_error *error) {
    uint8_t signature[8];
    if (read != NULL) {
        // The signature is read here, so that both paths check it the same way.
        size = read(read_context, signature, 8);
        data = signature;
    }
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        // A prefix of the signature is a cut PNG; anything else is not a PNG at all.
        int prefix = size < 8 && (size == 0 || png_sig_cmp(data, 0, size) == 0);
        *status = prefix ? PNG_BRIDGE_TRUNCATED : PNG_BRIDGE_NOT_PNG;
        if (error != NULL) error->byte_offset = size;
        png_bridge_set_message(error, prefix ? "unexpected end of data" : "not a PNG signature");
        return NULL;
    }
    png_bridge_decoder *decoder = (png_bridge_decoder *)calloc(1, sizeof *decoder);
    if (decoder == NULL) {
        *status = PNG_BRIDGE_OUT_OF_MEMORY;
        png_bridge_set_message(error, "out of memory creating the decoder");
        return NULL;
    }
    decoder->context.error = error;
    decoder->context.status = PNG_BRIDGE_OK;
    decoder->data = data;
    decoder->size = size;
    decoder->read = read;
    decoder->read_context = read_context;
    if (read != NULL) {
        decoder->data = NULL;
        decoder->size = 0;
    }
    decoder->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &decoder->context, png_bridge_error_fn,
                                          png_bridge_warning_fn);
    decoder->info = decoder->png ? png_create_info_struct(decoder->png) : NULL;
    if (decoder->info == NULL) {
        png_bridge_decoder_destroy(decoder);
        *status = PNG_BRIDGE_OUT_OF_MEMORY;
        png_bridge_set_message(error, "out of memory creating the libpng reader");
        return NULL;
    }
    png_structp png = decoder->png;
    png_infop info = decoder->info;
    if (setjmp(png_jmpbuf(png))) {
        *status = decoder->context.status == PNG_BRIDGE_OK ? PNG_BRIDGE_LIBPNG_ERROR : decoder->context.status;
        png_bridge_decoder_destroy(decoder);
        return NULL;
    }
    png_set_read_fn(png, decoder, read_from_memory);
#if defined(PNG_IGNORE_ADLER32) && defined(PNG_SET_OPTION_SUPPORTED)
    // Must be set before libpng claims zlib for the first IDAT.
    if (skip_adler32) png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#else
    (void)skip_adler32;
#endif
    if (read != NULL) png_set_sig_bytes(png, 8);  // already read and checked above
    // Second line of defence after the caller's own check: libpng refuses larger dimensions.
    uint64_t limit = max_pixels < PNG_UINT_31_MAX ? max_pixels : PNG_UINT_31_MAX;
    png_set_user_limits(png, (png_uint_32)limit, (png_uint_32)limit);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info);
    png_uint_32 h = png_get_image_height(png, info);
    if ((uint64_t)w * h > max_pixels) {
        *status = PNG_BRIDGE_TOO_LARGE;
        if (error != NULL) {
            error->width = w;
            error->height = h;
        }
        png_bridge_set_message(error, "image exceeds the pixel limit");
        png_bridge_decoder_destroy(decoder);
        return NULL;
    }
    // Every colour type and depth to 8-bit RGBA with straight alpha: palette and low-depth grey
    // expand (tRNS becomes alpha), 16-bit scales with rounding, grey becomes RGB, and an opaque
    // alpha channel is added where none exists. Gamma is left alone: values are kept as stored.
    decoder->rgb_rows = png_get_color_type(png, info) == PNG_COLOR_TYPE_RGB && png_get_bit_depth(png, info) == 8
                        && !png_get_valid(png, info, PNG_INFO_tRNS)
                        && png_get_interlace_type(png, info) == PNG_INTERLACE_NONE;
    if (!decoder->rgb_rows) {
        png_set_expand(png);
        png_set_scale_16(png);
        png_set_gray_to_rgb(png);
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
        png_set_interlace_handling(png);
    }
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * (decoder->rgb_rows ? 3 : 4)) {
        png_error(png, "internal error: conversion to RGBA8 did not give 4 bytes a pixel");
    }
    decoder->width = w;
    decoder->height = h;
    *width = w;
    *height = h;
    *status = PNG_BRIDGE_OK;
    return decoder;
}

png_bridge_status png_bridge_decoder_read_rgba(png_bridge_decoder *decoder, uint8_t *destination,
                                               size_t destination_size, png_bridge_error *error) {
    if (decoder == NULL || destination == NULL
        || destination_size != (size_t)decoder->width * decoder->height * 4) {
        png_bridge_set_message(error, "destination size does not match width × height × 4");
        return PNG_BRIDGE_INVALID_ARGUMENT;
    }
    decoder->context.error = error;
    decoder->context.status = PNG_BRIDGE_OK;
    png_bytep *rows = (png_bytep *)malloc(sizeof(png_bytep) * decoder->height);
    if (rows == NULL) {
        png_bridge_set_message(error, "out of memory for row pointers");
        return PNG_BRIDGE_OUT_OF_MEMORY;
    }
    for (uint32_t y = 0; y < decoder->height; y++) rows[y] = destination + (size_t)y * decoder->width * 4;
    if (setjmp(png_jmpbuf(decoder->png))) {
        free(rows);
        decoder->reading_rows = 0;
        if (decoder->stopped_after_rows) {
            // Streaming stops inside png_read_row of the last row, after libpng stored it in
            // the scratch row (it asks for more data only when finishing the row): widen it.
            if (decoder->rgb_rows && decoder->scratch != NULL && decoder->height > 0) {
                expand_rgb_row(destination + (size_t)(decoder->height - 1) * decoder->width * 4,
                               decoder->scratch, decoder->width);
            }
            return PNG_BRIDGE_OK;
        }
        return decoder->context.status == PNG_BRIDGE_OK ? PNG_BRIDGE_LIBPNG_ERROR : decoder->context.status;
    }
    decoder->reading_rows = decoder->read != NULL;
    if (decoder->rgb_rows) {
        // One scratch row, kept in cache: libpng writes RGB into it, we widen it into place.
        decoder->scratch = (uint8_t *)malloc((size_t)decoder->width * 3);
        if (decoder->scratch == NULL) {
            free(rows);
            decoder->reading_rows = 0;
            png_bridge_set_message(error, "out of memory for a row");
            return PNG_BRIDGE_OUT_OF_MEMORY;
        }
        for (uint32_t y = 0; y < decoder->height; y++) {
            png_read_row(decoder->png, decoder->scratch, NULL);
            expand_rgb_row(rows[y], decoder->scratch, decoder->width);
        }
    } else {
        png_read_image(decoder->png, rows);
    }
    decoder->reading_rows = 0;
    // From memory, read the rest up to IEND: a file cut after the pixels, or a bad CRC there,
    // is an error too. Streaming, stop at the last row: whatever follows (more image data,
    // later chunks, junk after IEND) is never read, so it costs neither memory nor time.
    if (decoder->read == NULL) png_read_end(decoder->png, NULL);
    free(rows);
    return PNG_BRIDGE_OK;
}
