// Shared by the bridge's .c files: error capture for libpng's error callback.
#ifndef PNG_BRIDGE_COMMON_H
#define PNG_BRIDGE_COMMON_H

#include <png.h>
#include <string.h>
#include <stdio.h>
#include "png_bridge.h"

/// Per-call context reached from libpng callbacks through the error pointer.
typedef struct png_bridge_context {
    png_bridge_error *error;
    png_bridge_status status;   // set by the callbacks before they jump
} png_bridge_context;

void png_bridge_set_message(png_bridge_error *error, const char *message);

/// libpng error callback: records the message, classifies it, and jumps back to the setjmp
/// of the bridge function that is running (never into Swift).
void png_bridge_error_fn(png_structp png, png_const_charp message);

/// Warnings are not errors; libpng's warnings are dropped.
void png_bridge_warning_fn(png_structp png, png_const_charp message);

/// Adler-32 (RFC 1950) of `n` bytes continuing from `adler`, zlib's value, SSE2 where available.
uint32_t png_bridge_adler32(uint32_t adler, const uint8_t *p, size_t n);

/// `rows` ARGB32 rows (`stride` bytes apart) as PNG scanlines with filter type NONE: one
/// filter byte then RGB or RGBA (`alpha`), un-premultiplied as Cairo's PNG writer does.
void png_bridge_argb32_filtered_rows(const uint8_t *base, uint32_t width, uint32_t rows, size_t stride, int alpha,
                                     uint8_t *out);

/// The two-byte zlib header zlib itself writes for `level` and `strategy` (32 KB window).
void png_bridge_zlib_header(int level, int strategy, uint8_t out[2]);

/// Writes an ARGB32 image's PNG (header, pHYs, text) around `idat`, a complete zlib stream
/// of its scanlines, which this takes ownership of (freed here, even on failure).
png_bridge_status png_bridge_write_argb32_with_idat(const uint8_t *base, uint32_t width, uint32_t height,
                                                    size_t stride, int alpha,
                                                    const png_bridge_encode_options *options, uint8_t *idat,
                                                    size_t idat_size, png_bridge_buffer *out,
                                                    png_bridge_error *error);

#endif
