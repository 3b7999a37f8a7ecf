// A small C layer over libpng for Swift.
//
// libpng reports errors with longjmp. Every libpng call that can jump is made inside one of
// the functions below, each of which owns its own setjmp, so a jump never crosses a Swift
// frame. Every function returns a png_bridge_status and, on failure, fills the
// caller-provided png_bridge_error with a message.
#ifndef PNG_BRIDGE_H
#define PNG_BRIDGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum png_bridge_status {
    PNG_BRIDGE_OK = 0,
    /// The input does not start with the PNG signature.
    PNG_BRIDGE_NOT_PNG = 1,
    /// The input ended before the image did; `byte_offset` holds the input's length.
    PNG_BRIDGE_TRUNCATED = 2,
    /// A chunk's CRC did not match; `chunk` names it.
    PNG_BRIDGE_CRC_MISMATCH = 3,
    /// width × height exceeds the caller's pixel limit; `width` and `height` hold the claim.
    PNG_BRIDGE_TOO_LARGE = 4,
    /// Any other libpng error; `message` is libpng's own text.
    PNG_BRIDGE_LIBPNG_ERROR = 5,
    PNG_BRIDGE_OUT_OF_MEMORY = 6,
    PNG_BRIDGE_INVALID_ARGUMENT = 7,
} png_bridge_status;

/// Filled by the bridge on failure; the caller owns the storage.
typedef struct png_bridge_error {
    char message[256];
    /// Four-letter chunk name for CRC errors (NUL-terminated), empty otherwise.
    char chunk[5];
    uint64_t byte_offset;
    uint32_t width;
    uint32_t height;
} png_bridge_error;

/// Row filter masks (the values of libpng's PNG_FILTER_*), OR-able.
enum {
    PNG_BRIDGE_FILTER_NONE = 0x08,
    PNG_BRIDGE_FILTER_SUB = 0x10,
    PNG_BRIDGE_FILTER_UP = 0x20,
    PNG_BRIDGE_FILTER_AVG = 0x40,
    PNG_BRIDGE_FILTER_PAETH = 0x80,
    PNG_BRIDGE_FILTER_ALL = 0xF8,
};

/// zlib strategies (the values of zlib's Z_*).
enum {
    PNG_BRIDGE_STRATEGY_DEFAULT = 0,
    PNG_BRIDGE_STRATEGY_FILTERED = 1,
    PNG_BRIDGE_STRATEGY_HUFFMAN_ONLY = 2,
    PNG_BRIDGE_STRATEGY_RLE = 3,
    PNG_BRIDGE_STRATEGY_FIXED = 4,
};

/// Which colour type the encoder writes.
enum {
    /// RGB when every pixel is opaque, RGBA otherwise.
    PNG_BRIDGE_COLOR_AUTOMATIC = 0,
    /// Always RGB (alpha dropped).
    PNG_BRIDGE_COLOR_RGB = 1,
    /// Always RGBA.
    PNG_BRIDGE_COLOR_RGBA = 2,
};

/// One text chunk: Latin-1 keyword (1–79 bytes) and a UTF-8 value. `international` != 0
/// writes iTXt (for values outside Latin-1), else tEXt.
typedef struct png_bridge_text {
    const char *key;
    const char *value;
    int international;
} png_bridge_text;

typedef struct png_bridge_encode_options {
    int compression_level;      // 0...9
    int filters;                // PNG_BRIDGE_FILTER_* mask
    int strategy;               // PNG_BRIDGE_STRATEGY_*
    int color;                  // PNG_BRIDGE_COLOR_*
    const png_bridge_text *texts;
    size_t text_count;
    uint32_t pixels_per_meter;  // 0: no pHYs chunk
    /// zlib's deflateTune parameters (good_length, max_lazy, nice_length, max_chain); a
    /// max_chain of 0 keeps the level's own. Honoured only for ARGB32 input with the NONE
    /// filter, which the bridge then compresses itself (one zlib stream, one IDAT chunk).
    int tune_good_length;
    int tune_max_lazy;
    int tune_nice_length;
    int tune_max_chain;
} png_bridge_encode_options;

/// A malloc'd byte buffer owned by the caller once returned; free it with png_bridge_buffer_free.
typedef struct png_bridge_buffer {
    uint8_t *data;
    size_t size;
    size_t capacity;
} png_bridge_buffer;

void png_bridge_buffer_free(png_bridge_buffer *buffer);

/// Encodes straight-alpha RGBA8 pixels (rows top to bottom, `width * 4` bytes a row).
/// On success `out` holds the PNG and the caller frees it with png_bridge_buffer_free.
png_bridge_status png_bridge_encode_rgba(const uint8_t *pixels, uint32_t width, uint32_t height,
                                         const png_bridge_encode_options *options,
                                         png_bridge_buffer *out, png_bridge_error *error);

/// Encodes Cairo's CAIRO_FORMAT_ARGB32 data (one native-endian uint32 a pixel, alpha in the
/// high byte, colour premultiplied by alpha; rows `stride` bytes apart), un-premultiplying
/// as Cairo's own PNG writer does: c = (c·255 + a/2) / a.
png_bridge_status png_bridge_encode_argb32(const uint8_t *base, uint32_t width, uint32_t height,
                                           size_t stride, const png_bridge_encode_options *options,
                                           png_bridge_buffer *out, png_bridge_error *error);

/// The static background of a sequence of frames (an animation's axes and point cloud),
/// kept compressed in bands of rows so that frames drawn over it re-compress only the bands
/// they change. Each band is an independent run of deflate blocks: the compressor is reset
/// before it and sync-flushed after it, so a band's bytes depend only on its own rows and
/// can be copied into any frame whose rows there equal the background's. Read-only once
/// made: several threads may encode over one background at once.
typedef struct png_bridge_background png_bridge_background;

/// Copies and compresses `base` (ARGB32, as for png_bridge_encode_argb32) with `options`'
/// level and tuning (a deeper search pays here: it is done once). `options->color` must be
/// PNG_BRIDGE_COLOR_RGB or PNG_BRIDGE_COLOR_RGBA, and the frames will be written so.
png_bridge_status png_bridge_background_create(const uint8_t *base, uint32_t width, uint32_t height,
                                               size_t stride, const png_bridge_encode_options *options,
                                               png_bridge_background **out, png_bridge_error *error);

void png_bridge_background_destroy(png_bridge_background *background);

/// Rows per band of `background` (for tests and measurements).
uint32_t png_bridge_background_band_rows(const png_bridge_background *background);

/// Encodes a frame of the background's size and colour type like png_bridge_encode_argb32,
/// but its IDAT reuses the background's compressed bands where the frame's rows equal the
/// background's; the other bands are compressed with `options`' level and tuning. The PNG
/// decodes to exactly the frame's pixels.
png_bridge_status png_bridge_encode_argb32_over(const png_bridge_background *background, const uint8_t *base,
                                                size_t stride, const png_bridge_encode_options *options,
                                                png_bridge_buffer *out, png_bridge_error *error);

/// An in-progress decode of a PNG held in memory (the memory must outlive the decoder).
typedef struct png_bridge_decoder png_bridge_decoder;

/// Reads the signature and header, refuses images whose width × height exceeds `max_pixels`
/// (before any pixel memory is allocated) and sets up conversion to RGBA8. Returns NULL on
/// failure with `error` filled and the status in `*status`.
png_bridge_decoder *png_bridge_decoder_create(const uint8_t *data, size_t size, uint64_t max_pixels,
                                              uint32_t *width, uint32_t *height,
                                              png_bridge_status *status, png_bridge_error *error);

/// As `png_bridge_decoder_create`; with `skip_adler32` non-zero, zlib's Adler-32 of the image
/// data is neither computed nor checked. Every chunk's CRC-32 is still checked, and it already
/// covers every compressed byte. Used where decode speed matters.
png_bridge_decoder *png_bridge_decoder_create_with_options(const uint8_t *data, size_t size,
                                                           uint64_t max_pixels, int skip_adler32,
                                                           uint32_t *width, uint32_t *height,
                                                           png_bridge_status *status,
                                                           png_bridge_error *error);

/// Supplies up to `length` bytes of a streamed PNG into `out`; returns how many it supplied
/// (fewer only at the end of the input or on a read error). Must return normally.
typedef size_t (*png_bridge_read_fn)(void *context, uint8_t *out, size_t length);

/// Like `png_bridge_decoder_create`, reading the PNG through `read` as libpng needs it.
/// `png_bridge_decoder_read_rgba` then stops after the last row: nothing after it is read.
png_bridge_decoder *png_bridge_decoder_create_streaming(png_bridge_read_fn read, void *read_context,
                                                        uint64_t max_pixels, uint32_t *width,
                                                        uint32_t *height, png_bridge_status *status,
                                                        png_bridge_error *error);

/// As `png_bridge_decoder_create_streaming`, with the options of
/// `png_bridge_decoder_create_with_options`.
png_bridge_decoder *png_bridge_decoder_create_streaming_with_options(
    png_bridge_read_fn read, void *read_context, uint64_t max_pixels, int skip_adler32, uint32_t *width,
    uint32_t *height, png_bridge_status *status, png_bridge_error *error);

/// Decodes the whole image into `destination` (`width * height * 4` bytes, straight alpha),
/// then reads to IEND so that a cut or corrupt tail is reported. Call once.
png_bridge_status png_bridge_decoder_read_rgba(png_bridge_decoder *decoder, uint8_t *destination,
                                               size_t destination_size, png_bridge_error *error);

void png_bridge_decoder_destroy(png_bridge_decoder *decoder);

/// The CRC-32 of `count` bytes continued from `crc` (0 to start), the same value as zlib's
/// `crc32` (the PNG chunk CRC), for checking whole files: folded 64 bytes at a step with
/// carry-less multiplication on x86-64 processors that have it, zlib's otherwise.
uint32_t png_bridge_crc32(uint32_t crc, const uint8_t *bytes, size_t count);

#ifdef __cplusplus
}
#endif

#endif
