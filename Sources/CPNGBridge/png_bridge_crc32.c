// The CRC-32 of whole files (the PNG chunk CRC, zlib's `crc32`), for `render-fit merge`, which
// reads every frame of every shard before it writes anything: zlib's table-driven loop was the
// largest single cost of a 10,000-frame merge.
//
// On x86-64 processors with PCLMULQDQ the buffer is folded 64 bytes at a step by carry-less
// multiplication (Gopal et al., "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ
// Instruction", Intel, 2009), then reduced to 32 bits by Barrett reduction. The constants are
// x^k mod P(x) for the reflected polynomial 0xEDB88320, bit-reflected and shifted left by one
// as the paper's reflected variant needs:
//   k1 = x^(4*128+32) mod P, k2 = x^(4*128-32) mod P   (fold by 512 bits)
//   k3 = x^(128+32) mod P,   k4 = x^(128-32) mod P     (fold by 128 bits)
//   k5 = x^64 mod P                                     (fold 64 bits to 32)
//   P' = P, mu = floor(x^64 / P)                        (Barrett reduction)
// Other processors, short buffers and the last bytes (under 16) go through zlib, which computes
// the same function, so the value never depends on the machine.
#include <zlib.h>
#include "png_bridge_common.h"

#if defined(__x86_64__)
#include <immintrin.h>

// One 128-bit fold: x's halves multiplied by the two constants of k, added.
__attribute__((target("pclmul,sse4.1")))
static inline __m128i png_bridge_fold(__m128i x, __m128i k) {
    return _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11));
}

// The CRC register (not inverted) after `count` bytes, `count` a multiple of 16 and at least 64.
__attribute__((target("pclmul,sse4.1")))
static uint32_t png_bridge_crc32_folded(uint32_t state, const uint8_t *bytes, size_t count) {
    const __m128i k1k2 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4);
    const __m128i k3k4 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
    const __m128i k5 = _mm_set_epi64x(0, 0x163cd6124);
    const __m128i poly = _mm_set_epi64x(0x1f7011641, 0x1db710641);
    const __m128i mask32 = _mm_set_epi32(0, 0, 0, -1);

    __m128i x1 = _mm_loadu_si128((const __m128i *)bytes);
    __m128i x2 = _mm_loadu_si128((const __m128i *)(bytes + 16));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(bytes + 32));
    __m128i x4 = _mm_loadu_si128((const __m128i *)(bytes + 48));
    x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)state));
    bytes += 64;
    count -= 64;
    // Four independent lanes keep the multiplier busy.
    while (count >= 64) {
        x1 = _mm_xor_si128(png_bridge_fold(x1, k1k2), _mm_loadu_si128((const __m128i *)bytes));
        x2 = _mm_xor_si128(png_bridge_fold(x2, k1k2), _mm_loadu_si128((const __m128i *)(bytes + 16)));
        x3 = _mm_xor_si128(png_bridge_fold(x3, k1k2), _mm_loadu_si128((const __m128i *)(bytes + 32)));
        x4 = _mm_xor_si128(png_bridge_fold(x4, k1k2), _mm_loadu_si128((const __m128i *)(bytes + 48)));
        bytes += 64;
        count -= 64;
    }
    x1 = _mm_xor_si128(png_bridge_fold(x1, k3k4), x2);
    x1 = _mm_xor_si128(png_bridge_fold(x1, k3k4), x3);
    x1 = _mm_xor_si128(png_bridge_fold(x1, k3k4), x4);
    while (count >= 16) {
        x1 = _mm_xor_si128(png_bridge_fold(x1, k3k4), _mm_loadu_si128((const __m128i *)bytes));
        bytes += 16;
        count -= 16;
    }
    // 128 bits to 64 (k4 times the low half, added to the high half), which also appends the
    // 32 zero bits that the reduction expects.
    x1 = _mm_xor_si128(_mm_clmulepi64_si128(k3k4, x1, 0x01), _mm_srli_si128(x1, 8));
    // 64 bits to 32.
    __m128i high = _mm_srli_si128(x1, 4);
    x1 = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(x1, mask32), k5, 0x00), high);
    // Barrett reduction: the remainder of x1 modulo P.
    __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x1, mask32), poly, 0x10);
    t = _mm_clmulepi64_si128(_mm_and_si128(t, mask32), poly, 0x00);
    x1 = _mm_xor_si128(x1, t);
    return (uint32_t)_mm_extract_epi32(x1, 1);
}

static int png_bridge_has_pclmul(void) {
    static int known = -1;
    int has = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (has < 0) {
        __builtin_cpu_init();
        has = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
        __atomic_store_n(&known, has, __ATOMIC_RELAXED);
    }
    return has;
}
#endif

// zlib's crc32, fed in slices because it takes uInt lengths.
static uint32_t png_bridge_crc32_zlib(uint32_t crc, const uint8_t *bytes, size_t count) {
    uLong c = crc;
    while (count > 0) {
        uInt n = count > 0x40000000u ? 0x40000000u : (uInt)count;
        c = crc32(c, bytes, n);
        bytes += n;
        count -= n;
    }
    return (uint32_t)c;
}

uint32_t png_bridge_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
#if defined(__x86_64__)
    if (count >= 64 && png_bridge_has_pclmul()) {
        size_t folded = count & ~(size_t)15;
        crc = ~png_bridge_crc32_folded(~crc, bytes, folded);
        bytes += folded;
        count -= folded;
    }
#endif
    return png_bridge_crc32_zlib(crc, bytes, count);
}
