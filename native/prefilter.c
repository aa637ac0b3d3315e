/*
 * pushgate_prefilter: the Teddy keyword search of detectors/engine/teddy.ts as
 * a native Node addon (N-API, plain C). Same plan (buckets, nibble tables,
 * verification hash table and records, all built in TypeScript and packed by
 * teddy-native.ts), so the same candidate lanes and the same hits; but 64 text
 * positions per vector step with AVX-512BW (32 with AVX2, 16 with SSSE3), run
 * directly on the caller's buffer instead of a copy in WebAssembly memory.
 *
 * JavaScript API:
 *   kernel: 'avx512' | 'avx2' | 'ssse3' | 'none'   the best kernel this CPU runs
 *   kernels: string[]   every kernel this CPU runs, best first
 *   countByte(buf, from, to, byte) -> occurrences of byte in buf[from, to)
 *   compile(plan: Uint8Array, kernel?: string, bucketBits?: number) -> handle
 *     Validates the packed plan once (every offset, record and chain) and
 *     copies it; scans trust it afterwards. Throws when no kernel runs here.
 *     bucketBits is for tests (see buckets()).
 *   scan(handle, buf: Uint8Array, from, to, lo, hi, out: Int32Array) -> next
 *     Tests fingerprint positions q in [from, to); a keyword whose fingerprint
 *     starts at q starts at q - offset and is reported when lo <= start and
 *     start + length <= hi. Hits are written as pairs from out[1]: out[1 + 2i]
 *     the keyword index, out[2 + 2i] its start minus lo (so hi - lo must fit
 *     an Int32); the number of pairs is returned in out[0]. Returns the
 *     position to resume from: `to` when done, less when `out` had no room
 *     left for every hit one more position can have (call again from there).
 *     Positions are size_t inside: any buffer length works.
 *
 * Where the time goes, on source text with the registry's keywords (about
 * 20,000 candidate lanes and 7,000 exact fingerprints per MB, 40% of 32-byte
 * blocks with a candidate): mostly mispredicted branches, not instructions.
 * So each pass of CHUNK positions runs in three branch-poor stages: the
 * vector test of 64 positions at a time, whose candidate positions are
 * appended to an array (extract); a lookup of every candidate's fingerprint
 * in a bucketed copy of the hash table (one vector compare, no probe loop),
 * appending the ones found (follow); then, per found fingerprint, a 4-byte
 * check of each of its keywords and a full compare of the few that pass.
 *
 * Memory safety: nothing outside [0, buf.byteLength) is read. The vector loop
 * runs while its loads (p + k .. p + k + 63 for k < width, and the 4-byte key
 * load at each candidate) stay inside the buffer; the last few positions are
 * copied to a zero-padded local block and tested the same way. A keyword's
 * bytes are read only once [start, start + length) lies in [lo, hi), and only
 * those bytes.
 */
#include <node_api.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PG_X86 1
#include <immintrin.h>
#define PG_INLINE static inline __attribute__((always_inline))
#endif

/* Must match GOLDEN in teddy.ts. */
#define GOLDEN 0x9e3779b1u
#define PLAN_MAGIC 0x31544750u /* "PGT1" little-endian */
#define HEADER 64
#define MAX_WIDTH 4
#define MAX_GROUPS 4

/*
 * Packed plan (built by teddy-native.ts), little-endian u32 fields, offsets
 * from the start of the plan:
 *   0 magic, 4 width (1..4), 8 groups (1..4), 12 keyword count,
 *   16 tableBits, 20 table offset, 24 count of fingerprint widths (1..4),
 *   28..43 the widths (u32 each), 44..59 per width the buckets (bit g*8+b)
 *   holding a keyword of that width, 60 offset of the requirements (0: none);
 *   64: nibble tables, per group, per fingerprint position: low[16], high[16];
 *   table offset: 16-byte slots [key, first record, end of records, 0], then
 *   records [keyword, offset, length, next record] + (pattern, mask) u64 pairs
 *   per 8 keyword bytes. Record addresses are offsets from the plan start.
 * Requirements (optional): REQ_BYTES per keyword: u32 `within` (0: none),
 *   then 32-byte bit sets `anyOf` and `over`. A hit of a keyword with one is
 *   reported only if, among the `within` bytes after it (up to the end of the
 *   buffer the scan was given), an `anyOf` byte comes before any byte outside
 *   `over`: the engine's `requires` (engine.ts, requirementHolds), applied
 *   here so hits that cannot lead anywhere (`://` in every URL) never cross
 *   into JavaScript.
 */
#define REQ_BYTES 68

/*
 * A record as the scan checks it first: its keyword's offset and length (for
 * the bounds), and 4 of its bytes (pattern, mask) at q + d, chosen beside the
 * fingerprint, which already matched. Only records that pass are compared in
 * full, at `rec` in the plan. Keywords shorter than 4 bytes have mask 0.
 */
typedef struct {
  int32_t d;
  uint32_t pat, mask;
  uint32_t off, len;
  uint32_t rec;
} quick_t;

typedef struct plan plan_t;
typedef size_t (*kernel_fn)(const plan_t *pl, const uint8_t *buf, size_t len, size_t from, size_t to, size_t lo,
                            size_t hi, int32_t *out, size_t cap, size_t *count);

struct plan {
  uint32_t width, groups, keywords, nwidths, shift, hmask, bshift;
  uint32_t wtag[MAX_WIDTH];     /* width << 24 */
  uint32_t wkeymask[MAX_WIDTH]; /* the key bytes of that width */
  uint32_t wbuckets[MAX_WIDTH];
  size_t reserve; /* most hits one position can produce */
  kernel_fn kernel;
  const uint8_t *nib; /* groups x width x (lo[16], hi[16]) */
  const uint8_t *req; /* REQ_BYTES per keyword, or NULL */
  const uint8_t *table;
  uint8_t *bytes; /* the copied plan */
  size_t len;
  /* Quick records in table order: table slot s has quick[qstart[s] .. qstart[s + 1]). */
  quick_t *quick;
  uint32_t *qstart;
  /*
   * The table's keys again, 4 per 16-byte bucket (bucket: the top bits of
   * key * GOLDEN), so a lookup is one vector compare and no probe loop:
   * bkeys[4b + j], its records quick[brange[2 (4b + j)] .. brange[2 (4b + j) + 1]).
   * A bucket that had more than 4 keys has bover[b] set: its lookups fall back
   * to probing the table.
   */
  uint32_t *bkeys;
  uint32_t *brange;
  uint8_t *bover;
};

static inline uint32_t ld32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

#ifdef PG_X86

static inline uint16_t ld16(const uint8_t *p) {
  uint16_t v;
  memcpy(&v, p, 2);
  return v;
}
static inline uint64_t ld64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/* n in 1..7 bytes at s as a little-endian word, reading only s[0..n): two overlapping loads. */
static inline uint64_t ld_partial(const uint8_t *s, size_t n) {
  if (n >= 4) return (uint64_t)ld32(s) | ((uint64_t)ld32(s + n - 4) << (8 * (n - 4)));
  if (n >= 2) return (uint64_t)ld16(s) | ((uint64_t)ld16(s + n - 2) << (8 * (n - 2)));
  return s[0];
}

/* Full comparison of the record at `rec` (in bounds: checked by the caller) at fingerprint position q. */
/* Whether keyword kw's requirement (if any) holds after its hit ending at `end`; bytes up to buflen are read. */
static inline int requirement_holds(const plan_t *pl, uint32_t kw, const uint8_t *buf, size_t buflen, size_t end) {
  if (pl->req == NULL) return 1;
  const uint8_t *rq = pl->req + (size_t)kw * REQ_BYTES;
  const uint32_t within = ld32(rq);
  if (within == 0) return 1;
  const uint8_t *any = rq + 4, *over = rq + 36;
  const size_t stop = buflen - end < within ? buflen : end + within;
  for (size_t i = end; i < stop; i++) {
    const uint8_t c = buf[i];
    if ((any[c >> 3] >> (c & 7)) & 1) return 1;
    if (!((over[c >> 3] >> (c & 7)) & 1)) return 0;
  }
  return 0;
}

PG_INLINE size_t verify_one(const plan_t *pl, uint32_t rec, size_t q, const uint8_t *buf, size_t buflen, size_t lo,
                            int32_t *out, size_t n) {
  const uint8_t *r = pl->bytes + rec;
  const size_t start = q - ld32(r + 4);
  const uint32_t len = ld32(r + 8);
  const uint8_t *s = buf + start;
  const uint8_t *w = r + 16;
  for (size_t full = len >> 3; full > 0; full--, s += 8, w += 16) {
    if ((ld64(s) & ld64(w + 8)) != ld64(w)) return n;
  }
  if ((len & 7) != 0 && (ld_partial(s, len & 7) & ld64(w + 8)) != ld64(w)) return n;
  const uint32_t kw = ld32(r);
  if (!requirement_holds(pl, kw, buf, buflen, start + len)) return n;
  out[1 + 2 * n] = (int32_t)kw;
  out[2 + 2 * n] = (int32_t)(start - lo);
  return n + 1;
}

/* Read instead of the text by the quick check of a keyword out of bounds or shorter than 4 bytes. */
static const uint8_t ZERO4[4] = {0, 0, 0, 0};

/*
 * The records quick[a..b) at fingerprint position q: bounds and 4 bytes
 * checked without a branch, then the few that pass in full.
 */
PG_INLINE size_t verify_quick(const plan_t *pl, uint32_t a, uint32_t b, size_t q, const uint8_t *buf, size_t buflen,
                              size_t lo, size_t hi, int32_t *out, size_t n) {
  for (const quick_t *r = pl->quick + a, *e = pl->quick + b; r < e; r++) {
    /* lo <= start and start + len <= hi (positions are far below 2^63: no wrapping). */
    const int in = (q >= lo + r->off) & (q - r->off + r->len <= hi);
    /* Where to read: inside the keyword when it is in bounds, else ZERO4 (a select, not a branch). */
    const uintptr_t use = 0 - (uintptr_t)(in & (r->mask != 0));
    const uintptr_t at = (uintptr_t)buf + q + (uintptr_t)(intptr_t)r->d;
    const uint8_t *src = (const uint8_t *)((uintptr_t)ZERO4 ^ (((uintptr_t)ZERO4 ^ at) & use));
    if (in & ((ld32(src) & r->mask) == r->pat)) n = verify_one(pl, r->rec, q, buf, buflen, lo, out, n);
  }
  return n;
}

/* The table slot of `key` (linear probing from its hash), or -1. */
static inline long probe(const plan_t *pl, uint32_t key) {
  uint32_t h = (key * GOLDEN) >> pl->shift;
  for (;;) {
    const uint32_t ek = ld32(pl->table + ((size_t)h << 4));
    if (ek == key) return (long)h;
    if (ek == 0) return -1;
    h = (h + 1) & pl->hmask;
  }
}

/* Bytes past a block's first position that a block reads: width - 1 for the vectors, 3 for the key. */
#define OVERREAD 3
/* Positions per step: two 32-byte AVX2 blocks or four 16-byte SSSE3 blocks, one 64-bit candidate mask. */
#define STEP 64
/*
 * Positions per pass: the candidate lanes of up to CHUNK positions are first
 * collected (about 40% of 32-byte blocks of source text hold one, so a branch
 * per block is mispredicted all the time), then followed.
 */
#define CHUNK 2048

/*
 * Bytes ahead of the scan to prefetch. On the Intel machines CI runs on
 * (2026-12-06), the loop stalled on its loads of new cache lines without it:
 * one 3-byte-fingerprint keyword took 48 ms per 64 MB, the identifiable tier's
 * 369 keywords 46 ms; with it, 6 ms and 16 ms (countByte, a lighter loop, went
 * from 2.7 to 2.4 ms). 512 bytes ahead was too close; 2048 and 4096 did alike.
 * A prefetch never faults, so addresses past the buffer are harmless; the
 * address is formed as an integer (no out-of-bounds pointer arithmetic).
 */
#define PREFETCH 2048
#define PREFETCH_AHEAD(s) _mm_prefetch((const char *)((uintptr_t)(s) + PREFETCH), _MM_HINT_T0)

/*
 * Appends the positions off + i of the set bits i of m to cand[c..]: the
 * usual 0 to 4 without a branch (slots past the count are scratch), more in a
 * loop.
 */
PG_INLINE size_t extract(uint32_t *cand, size_t c, uint64_t m, uint32_t off) {
  const size_t count = (size_t)__builtin_popcountll(m);
  if (count > 4) {
    for (; m != 0; m &= m - 1) cand[c++] = off + (uint32_t)__builtin_ctzll(m);
    return c;
  }
  /* The top bit only matters once m is 0: a scratch slot then. */
  for (int j = 0; j < 4; j++) {
    cand[c + j] = off + (uint32_t)__builtin_ctzll(m | (1ull << 63));
    m &= m - 1;
  }
  return c + count;
}

/* Bucket bits (bit g*8+b) of the position at s, from the nibble tables: for plans with several fingerprint widths. */
PG_INLINE uint32_t bucket_bits(const plan_t *pl, const uint8_t *s, const int W,
                                                                  const int G) {
  uint32_t r = 0;
  for (int g = 0; g < G; g++) {
    uint32_t a = 0xff;
    for (int k = 0; k < W; k++) {
      const uint8_t *t = pl->nib + (size_t)(g * W + k) * 32;
      a &= (uint32_t)(t[s[k] & 15] & t[16 + (s[k] >> 4)]);
    }
    r |= a << (8 * g);
  }
  return r;
}

/* Candidates looked up per batch in follow. */
#define BATCH 256
#define SLOW 0x80000000u

/*
 * Follows the candidates cs + cand[i] (their bytes at kb + cand[i]) in order;
 * stops before one whose hits might not fit in `out`. Returns how many were
 * followed. Two passes per batch: every candidate's fingerprint is looked up
 * without a branch (a third or more of candidate lanes in source text have an
 * exact fingerprint, so "found" is unpredictable), appending the found ones;
 * then only those are compared in full. A bucket bit filter skips the widths
 * whose buckets did not fire (exact: a keyword at q sets its bucket's bit).
 */
PG_INLINE size_t follow(const plan_t *pl, const uint32_t *cand, size_t c, size_t cs,
                                                           const uint8_t *kb, const uint8_t *buf, size_t buflen, size_t lo, size_t hi,
                                                           int32_t *out, size_t cap, size_t *np, const int W,
                                                           const int G) {
  uint32_t fi[BATCH * MAX_WIDTH]; /* candidate index */
  uint32_t fs[BATCH * MAX_WIDTH]; /* bucket slot, or SLOW | width index */
  size_t n = *np;
  const uint32_t nw = pl->nwidths;
  for (size_t i0 = 0; i0 < c; i0 += BATCH) {
    const size_t i1 = c - i0 < BATCH ? c : i0 + BATCH;
    size_t k = 0;
    /*
     * Appends (i, slot) when the key is in bucket b, (i, SLOW | wi) when it is
     * not but b overflowed; writes always and counts conditionally, with
     * arithmetic instead of ?: (which compilers may turn into a branch).
     */
#define LOOKUP(KEY, WI, COUNT_IF)                                                                          \
  do {                                                                                                     \
    const uint32_t key_ = (KEY);                                                                           \
    const uint32_t b_ = (key_ * GOLDEN) >> bshift;                                                         \
    const __m128i four_ = _mm_loadu_si128((const __m128i *)(bkeys + 4 * (size_t)b_));                      \
    const uint32_t mm_ = (uint32_t)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(four_, _mm_set1_epi32((int)key_)))); \
    const uint32_t found_ = (mm_ + 15) >> 4;                                                               \
    const uint32_t sel_ = 0u - found_;                                                                     \
    fi[k] = (uint32_t)i;                                                                                   \
    fs[k] = ((4 * b_ + (uint32_t)__builtin_ctz(mm_ | 16)) & sel_) | ((SLOW | (WI)) & ~sel_);               \
    k += (found_ | bover[b_]) & (COUNT_IF);                                                                \
  } while (0)
    const uint32_t *const bkeys = pl->bkeys;
    const uint8_t *const bover = pl->bover;
    const uint32_t bshift = pl->bshift;
    if (nw == 1) {
      const uint32_t kmask = pl->wkeymask[0], tag = pl->wtag[0];
      for (size_t i = i0; i < i1; i++) LOOKUP((ld32(kb + cand[i]) & kmask) | tag, 0u, 1u);
    } else {
      for (size_t i = i0; i < i1; i++) {
        const uint8_t *ks = kb + cand[i];
        const uint32_t raw = ld32(ks);
        const uint32_t bb = bucket_bits(pl, ks, W, G);
        for (uint32_t wi = 0; wi < nw; wi++)
          LOOKUP((raw & pl->wkeymask[wi]) | pl->wtag[wi], wi, (uint32_t)((bb & pl->wbuckets[wi]) != 0));
      }
    }
#undef LOOKUP
    uint32_t last = UINT32_MAX;
    for (size_t j = 0; j < k; j++) {
      const uint32_t i = fi[j];
      if (i != last) {
        if (cap - n < pl->reserve) {
          *np = n;
          return i;
        }
        last = i;
      }
      const size_t q = cs + cand[i];
      const uint32_t slot = fs[j];
      if ((slot & SLOW) == 0) {
        n = verify_quick(pl, pl->brange[2 * (size_t)slot], pl->brange[2 * (size_t)slot + 1], q, buf, buflen, lo, hi, out, n);
      } else {
        const uint32_t wi = slot & (MAX_WIDTH - 1);
        const long t = probe(pl, (ld32(kb + cand[i]) & pl->wkeymask[wi]) | pl->wtag[wi]);
        if (t >= 0) n = verify_quick(pl, pl->qstart[t], pl->qstart[t + 1], q, buf, buflen, lo, hi, out, n);
      }
    }
  }
  *np = n;
  return c;
}

/*
 * One scan body per kernel, specialised by constant width and group count
 * (always_inline), so the tables stay in registers. `BLOCK64(s)` leaves the
 * candidate mask of the STEP positions from s in m.
 */
#define SCAN_BODY(BLOCK64)                                                                      \
  uint32_t cand[CHUNK + STEP + 8];                                                              \
  size_t n = 0;                                                                                 \
  size_t p = from;                                                                              \
  while (p < to && p + STEP + OVERREAD <= len) {                                                \
    const size_t cs = p;                                                                        \
    size_t c = 0;                                                                               \
    for (const size_t e = p + CHUNK; p < to && p < e && p + STEP + OVERREAD <= len; p += STEP) { \
      uint64_t m;                                                                               \
      PREFETCH_AHEAD(buf + p);                                                                  \
      BLOCK64(buf + p);                                                                         \
      if (to - p < STEP) m &= (1ull << (to - p)) - 1;                                           \
      c = extract(cand, c, m, (uint32_t)(p - cs));                                              \
    }                                                                                           \
    const size_t done = follow(pl, cand, c, cs, buf + cs, buf, len, lo, hi, out, cap, &n, W, G);     \
    if (done < c) {                                                                             \
      *count = n;                                                                               \
      return cs + cand[done];                                                                   \
    }                                                                                           \
  }                                                                                             \
  if (p < to) {                                                                                 \
    /* Fewer than STEP + OVERREAD bytes left: the same on a zero-padded copy. */                \
    uint8_t tail[STEP * 3];                                                                     \
    memset(tail, 0, sizeof tail);                                                               \
    memcpy(tail, buf + p, len - p);                                                             \
    const size_t cs = p;                                                                        \
    size_t c = 0;                                                                               \
    for (; p < to; p += STEP) {                                                                 \
      uint64_t m;                                                                               \
      BLOCK64(tail + (p - cs));                                                                 \
      if (to - p < STEP) m &= (1ull << (to - p)) - 1;                                           \
      c = extract(cand, c, m, (uint32_t)(p - cs));                                              \
    }                                                                                           \
    const size_t done = follow(pl, cand, c, cs, tail, buf, len, lo, hi, out, cap, &n, W, G);         \
    if (done < c) {                                                                             \
      *count = n;                                                                               \
      return cs + cand[done];                                                                   \
    }                                                                                           \
  }                                                                                             \
  *count = n;                                                                                   \
  return to;

#define AVX2_TARGET "avx2,popcnt,bmi"

__attribute__((target(AVX2_TARGET), always_inline)) static inline __m256i avx2_table(const uint8_t *t) {
  /* vpshufb looks up within each 128-bit lane: the 16-byte table in both. */
  return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

/* Candidate mask of the 32 positions from s: per group, AND over k of lo[k][s[k] & 15] & hi[k][s[k] >> 4]; OR of the groups. */
__attribute__((target(AVX2_TARGET), always_inline)) static inline uint32_t avx2_block(const uint8_t *s, const __m256i *tl,
                                                                                    const __m256i *th, const int W,
                                                                                    const int G) {
  const __m256i nib = _mm256_set1_epi8(0x0f);
  __m256i acc[MAX_GROUPS];
  for (int g = 0; g < G; g++) acc[g] = _mm256_set1_epi8(-1);
  for (int k = 0; k < W; k++) {
    const __m256i v = _mm256_loadu_si256((const __m256i *)(s + k));
    const __m256i nl = _mm256_and_si256(v, nib);
    const __m256i nh = _mm256_and_si256(_mm256_srli_epi16(v, 4), nib);
    for (int g = 0; g < G; g++)
      acc[g] = _mm256_and_si256(acc[g], _mm256_and_si256(_mm256_shuffle_epi8(tl[g * MAX_WIDTH + k], nl),
                                                         _mm256_shuffle_epi8(th[g * MAX_WIDTH + k], nh)));
  }
  __m256i any = acc[0];
  for (int g = 1; g < G; g++) any = _mm256_or_si256(any, acc[g]);
  return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(any, _mm256_setzero_si256()));
}

__attribute__((target(AVX2_TARGET), always_inline)) static inline size_t
avx2_scan(const plan_t *pl, const uint8_t *buf, size_t len, size_t from, size_t to, size_t lo, size_t hi, int32_t *out,
          size_t cap, size_t *count, const int W, const int G) {
  __m256i tl[MAX_GROUPS * MAX_WIDTH], th[MAX_GROUPS * MAX_WIDTH];
  for (int g = 0; g < G; g++) {
    for (int k = 0; k < W; k++) {
      tl[g * MAX_WIDTH + k] = avx2_table(pl->nib + (size_t)(g * W + k) * 32);
      th[g * MAX_WIDTH + k] = avx2_table(pl->nib + (size_t)(g * W + k) * 32 + 16);
    }
  }
#define AVX2_BLOCK64(s) m = (uint64_t)avx2_block((s), tl, th, W, G) | ((uint64_t)avx2_block((s) + 32, tl, th, W, G) << 32)
  SCAN_BODY(AVX2_BLOCK64)
}

__attribute__((target("ssse3"), always_inline)) static inline uint32_t ssse3_block(const uint8_t *s, const __m128i *tl,
                                                                                  const __m128i *th, const int W,
                                                                                  const int G) {
  const __m128i nib = _mm_set1_epi8(0x0f);
  __m128i acc[MAX_GROUPS];
  for (int g = 0; g < G; g++) acc[g] = _mm_set1_epi8(-1);
  for (int k = 0; k < W; k++) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(s + k));
    const __m128i nl = _mm_and_si128(v, nib);
    const __m128i nh = _mm_and_si128(_mm_srli_epi16(v, 4), nib);
    for (int g = 0; g < G; g++)
      acc[g] = _mm_and_si128(acc[g], _mm_and_si128(_mm_shuffle_epi8(tl[g * MAX_WIDTH + k], nl),
                                                   _mm_shuffle_epi8(th[g * MAX_WIDTH + k], nh)));
  }
  __m128i any = acc[0];
  for (int g = 1; g < G; g++) any = _mm_or_si128(any, acc[g]);
  return 0xffffu & ~(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(any, _mm_setzero_si128()));
}

__attribute__((target("ssse3"), always_inline)) static inline size_t
ssse3_scan(const plan_t *pl, const uint8_t *buf, size_t len, size_t from, size_t to, size_t lo, size_t hi,
           int32_t *out, size_t cap, size_t *count, const int W, const int G) {
  __m128i tl[MAX_GROUPS * MAX_WIDTH], th[MAX_GROUPS * MAX_WIDTH];
  for (int g = 0; g < G; g++) {
    for (int k = 0; k < W; k++) {
      tl[g * MAX_WIDTH + k] = _mm_loadu_si128((const __m128i *)(pl->nib + (size_t)(g * W + k) * 32));
      th[g * MAX_WIDTH + k] = _mm_loadu_si128((const __m128i *)(pl->nib + (size_t)(g * W + k) * 32 + 16));
    }
  }
#define SSSE3_BLOCK64(s)                                                                                     \
  m = (uint64_t)ssse3_block((s), tl, th, W, G) | ((uint64_t)ssse3_block((s) + 16, tl, th, W, G) << 16) |      \
      ((uint64_t)ssse3_block((s) + 32, tl, th, W, G) << 32) | ((uint64_t)ssse3_block((s) + 48, tl, th, W, G) << 48)
  SCAN_BODY(SSSE3_BLOCK64)
}

/*
 * AVX-512BW: the same test on 64 positions per instruction, with the
 * candidate mask straight from a byte test (no movemask), and 32 vector
 * registers, so the tables of 3 or 4 groups stay in registers (AVX2 spills
 * them past 2 groups). vpshufb still looks up within each 128-bit lane.
 */
#define AVX512_TARGET "avx512f,avx512bw,avx2,popcnt,bmi"

__attribute__((target(AVX512_TARGET), always_inline)) static inline uint64_t avx512_block(const uint8_t *s, const __m512i *tl,
                                                                                         const __m512i *th, const int W,
                                                                                         const int G) {
  const __m512i nib = _mm512_set1_epi8(0x0f);
  __m512i acc[MAX_GROUPS];
  for (int g = 0; g < G; g++) acc[g] = _mm512_set1_epi8(-1);
  for (int k = 0; k < W; k++) {
    const __m512i v = _mm512_loadu_si512((const void *)(s + k));
    const __m512i nl = _mm512_and_si512(v, nib);
    const __m512i nh = _mm512_and_si512(_mm512_srli_epi16(v, 4), nib);
    for (int g = 0; g < G; g++)
      acc[g] = _mm512_and_si512(acc[g], _mm512_and_si512(_mm512_shuffle_epi8(tl[g * MAX_WIDTH + k], nl),
                                                         _mm512_shuffle_epi8(th[g * MAX_WIDTH + k], nh)));
  }
  __m512i any = acc[0];
  for (int g = 1; g < G; g++) any = _mm512_or_si512(any, acc[g]);
  return (uint64_t)_mm512_test_epi8_mask(any, any);
}

__attribute__((target(AVX512_TARGET), always_inline)) static inline size_t
avx512_scan(const plan_t *pl, const uint8_t *buf, size_t len, size_t from, size_t to, size_t lo, size_t hi, int32_t *out,
            size_t cap, size_t *count, const int W, const int G) {
  __m512i tl[MAX_GROUPS * MAX_WIDTH], th[MAX_GROUPS * MAX_WIDTH];
  for (int g = 0; g < G; g++) {
    for (int k = 0; k < W; k++) {
      tl[g * MAX_WIDTH + k] = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(pl->nib + (size_t)(g * W + k) * 32)));
      th[g * MAX_WIDTH + k] = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(pl->nib + (size_t)(g * W + k) * 32 + 16)));
    }
  }
#define AVX512_BLOCK64(s) m = avx512_block((s), tl, th, W, G)
  SCAN_BODY(AVX512_BLOCK64)
}

#define DEFINE_VARIANT(ISA, TARGET, W, G)                                                                         \
  __attribute__((target(TARGET))) static size_t ISA##_scan_##W##_##G(                                             \
      const plan_t *pl, const uint8_t *buf, size_t len, size_t from, size_t to, size_t lo, size_t hi, int32_t *out, \
      size_t cap, size_t *count) {                                                                                \
    return ISA##_scan(pl, buf, len, from, to, lo, hi, out, cap, count, W, G);                                     \
  }

#define DEFINE_GROUP(ISA, TARGET, G)                                                                                  \
  DEFINE_VARIANT(ISA, TARGET, 1, G)                                                                                  \
  DEFINE_VARIANT(ISA, TARGET, 2, G)                                                                                  \
  DEFINE_VARIANT(ISA, TARGET, 3, G)                                                                                  \
  DEFINE_VARIANT(ISA, TARGET, 4, G)

#define DEFINE_ISA(ISA, TARGET)                                                                                      \
  DEFINE_GROUP(ISA, TARGET, 1)                                                                                       \
  DEFINE_GROUP(ISA, TARGET, 2)                                                                                       \
  DEFINE_GROUP(ISA, TARGET, 3)                                                                                       \
  DEFINE_GROUP(ISA, TARGET, 4)                                                                                       \
  static const kernel_fn ISA##_kernels[MAX_GROUPS][MAX_WIDTH] = {                                                    \
      {ISA##_scan_1_1, ISA##_scan_2_1, ISA##_scan_3_1, ISA##_scan_4_1},                                              \
      {ISA##_scan_1_2, ISA##_scan_2_2, ISA##_scan_3_2, ISA##_scan_4_2},                                              \
      {ISA##_scan_1_3, ISA##_scan_2_3, ISA##_scan_3_3, ISA##_scan_4_3},                                              \
      {ISA##_scan_1_4, ISA##_scan_2_4, ISA##_scan_3_4, ISA##_scan_4_4},                                              \
  };

DEFINE_ISA(avx512, AVX512_TARGET)
DEFINE_ISA(avx2, AVX2_TARGET)
DEFINE_ISA(ssse3, "ssse3")

#endif /* PG_X86 */

enum { K_NONE = 0, K_SSSE3 = 1, K_AVX2 = 2, K_AVX512 = 3 };
static const char *const KERNEL_NAMES[] = {"none", "ssse3", "avx2", "avx512"};
static int best_kernel = K_NONE;

static int detect_kernel(void) {
#ifdef PG_X86
  __builtin_cpu_init();
  /* libgcc's checks include the OS's support (XGETBV) for the wider registers. */
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx2") &&
      __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("bmi"))
    return K_AVX512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("bmi")) return K_AVX2;
  if (__builtin_cpu_supports("ssse3")) return K_SSSE3;
#endif
  return K_NONE;
}

static kernel_fn kernel_for(int kernel, uint32_t width, uint32_t groups) {
#ifdef PG_X86
  if (kernel == K_AVX512) return avx512_kernels[groups - 1][width - 1];
  if (kernel == K_AVX2) return avx2_kernels[groups - 1][width - 1];
  if (kernel == K_SSSE3) return ssse3_kernels[groups - 1][width - 1];
#else
  (void)kernel;
  (void)width;
  (void)groups;
#endif
  return NULL;
}

/* ---- N-API glue ---- */

static const napi_type_tag PLAN_TAG = {0x7075736867617465ull, 0x5445444459504c4eull};

#define CHECK(call)                                                      \
  do {                                                                   \
    if ((call) != napi_ok) {                                             \
      napi_throw_error(env, "PREFILTER_NATIVE_NAPI", "N-API call failed"); \
      return NULL;                                                       \
    }                                                                    \
  } while (0)

static napi_value fail(napi_env env, const char *code, const char *msg) {
  napi_throw_error(env, code, msg);
  return NULL;
}

static void free_plan(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  plan_t *pl = (plan_t *)data;
  free(pl->bytes);
  free(pl->bkeys);
  free(pl->brange);
  free(pl->bover);
  free(pl->quick);
  free(pl->qstart);
  free(pl);
}

/*
 * The quick check of the record at `rec`: the 4 keyword bytes that overlap
 * the fingerprint least, nearest to it.
 */
static void quick_record(const plan_t *pl, uint32_t rec, quick_t *q) {
  const uint8_t *r = pl->bytes + rec;
  const uint32_t off = ld32(r + 4), len = ld32(r + 8);
  const uint32_t fend = off + (pl->width < len - off ? pl->width : len - off);
  q->off = off;
  q->len = len;
  q->rec = rec;
  q->d = 0;
  q->pat = q->mask = 0;
  if (len < 4) return;
  uint32_t best = 0, bestCost = UINT32_MAX;
  for (uint32_t a = 0; a + 4 <= len; a++) {
    const uint32_t ovl = (a + 4 < fend ? a + 4 : fend) > (a > off ? a : off) ? (a + 4 < fend ? a + 4 : fend) - (a > off ? a : off) : 0;
    const uint32_t dist = a + 4 <= off ? off - (a + 4) : a >= fend ? a - fend : 0;
    const uint32_t cost = ovl * 1024 + dist;
    if (cost < bestCost) {
      bestCost = cost;
      best = a;
    }
  }
  for (uint32_t i = 0; i < 4; i++) {
    const uint32_t at = best + i;
    const uint8_t *word = r + 16 + (size_t)(at / 8) * 16;
    q->pat |= (uint32_t)word[at % 8] << (8 * i);
    q->mask |= (uint32_t)word[8 + at % 8] << (8 * i);
  }
  q->d = (int32_t)best - (int32_t)off;
}

/*
 * Fills bkeys, brange, bover from the (validated) table: twice as many key
 * slots as the table first, more if some bucket overflows, and if one still
 * does, overflow flags.
 */
static const char *buckets(plan_t *pl, uint32_t bits, uint32_t forced) {
  const size_t slots = (size_t)1 << bits;
  /* Quick records, in table order; qstart[s]: the first of slot s's. */
  size_t records = 0;
  for (size_t s = 0; s < slots; s++) {
    const uint8_t *e = pl->table + s * 16;
    if (ld32(e) == 0) continue;
    for (uint32_t r = ld32(e + 4); r < ld32(e + 8); r = ld32(pl->bytes + r + 12)) records++;
  }
  if (records >= UINT32_MAX / 2) return "too many records";
  pl->quick = (quick_t *)calloc(records + 1, sizeof(quick_t));
  uint32_t *qstart = pl->qstart = (uint32_t *)calloc(slots + 1, 4);
  if (pl->quick == NULL || qstart == NULL) return "out of memory";
  size_t nq = 0;
  for (size_t s = 0; s < slots; s++) {
    const uint8_t *e = pl->table + s * 16;
    qstart[s] = (uint32_t)nq;
    if (ld32(e) == 0) continue;
    for (uint32_t r = ld32(e + 4); r < ld32(e + 8); r = ld32(pl->bytes + r + 12)) quick_record(pl, r, &pl->quick[nq++]);
  }
  qstart[slots] = (uint32_t)nq;
  for (uint32_t bb = forced != 0 ? forced : bits - 1 > 0 ? bits - 1 : 1;; bb++) {
    const size_t nb = (size_t)1 << bb;
    uint32_t *keys = (uint32_t *)calloc(nb * 4, 4);
    uint32_t *range = (uint32_t *)calloc(nb * 8, 4);
    uint8_t *over = (uint8_t *)calloc(nb, 1);
    if (keys == NULL || range == NULL || over == NULL) {
      free(keys);
      free(range);
      free(over);
      return "out of memory";
    }
    int overflow = 0;
    for (size_t s = 0; s < slots; s++) {
      const uint8_t *e = pl->table + s * 16;
      const uint32_t key = ld32(e);
      if (key == 0) continue;
      const size_t b = (key * GOLDEN) >> (32 - bb);
      size_t j = 0;
      while (j < 4 && keys[4 * b + j] != 0) j++;
      if (j == 4) {
        over[b] = 1;
        overflow = 1;
        continue;
      }
      keys[4 * b + j] = key;
      range[2 * (4 * b + j)] = qstart[s];
      range[2 * (4 * b + j) + 1] = qstart[s + 1];
    }
    if (!overflow || forced != 0 || bb >= bits + 1 || bb >= 24) {
      pl->bkeys = keys;
      pl->brange = range;
      pl->bover = over;
      pl->bshift = 32 - bb;
      return NULL;
    }
    free(keys);
    free(range);
    free(over);
  }
}

/* Every offset and chain of the packed plan checked once, so the scan can trust it. Returns an error message or NULL. */
static const char *validate(plan_t *pl, uint32_t forced_bucket_bits) {
  const uint8_t *b = pl->bytes;
  const size_t len = pl->len;
  if (len < HEADER || ld32(b) != PLAN_MAGIC) return "not a packed plan (magic)";
  pl->width = ld32(b + 4);
  pl->groups = ld32(b + 8);
  pl->keywords = ld32(b + 12);
  const uint32_t bits = ld32(b + 16);
  const uint32_t toff = ld32(b + 20);
  pl->nwidths = ld32(b + 24);
  if (pl->width < 1 || pl->width > MAX_WIDTH) return "fingerprint width must be 1..4";
  if (pl->groups < 1 || pl->groups > MAX_GROUPS) return "bucket groups must be 1..4";
  if (pl->keywords > (1u << 30)) return "too many keywords";
  if (bits < 1 || bits > 24) return "table bits must be 1..24";
  if (pl->nwidths < 1 || pl->nwidths > MAX_WIDTH) return "width count must be 1..4";
  const size_t nib_bytes = (size_t)pl->groups * pl->width * 32;
  if (HEADER + nib_bytes > toff || (toff & 15) != 0) return "table offset";
  const size_t slots = (size_t)1 << bits;
  const size_t tend = toff + slots * 16;
  if (tend > len) return "table past the plan's end";
  pl->nib = b + HEADER;
  pl->table = b + toff;
  const uint32_t roff = ld32(b + 60);
  if (roff != 0) {
    if (roff < tend || (size_t)roff + (size_t)pl->keywords * REQ_BYTES > len) return "requirements past the plan's end";
    pl->req = b + roff;
  }
  pl->shift = 32 - bits;
  pl->hmask = (uint32_t)(slots - 1);
  for (uint32_t wi = 0; wi < pl->nwidths; wi++) {
    const uint32_t w = ld32(b + 28 + 4 * wi);
    if (w < 1 || w > pl->width) return "fingerprint width out of range";
    pl->wtag[wi] = w << 24;
    pl->wkeymask[wi] = w >= 4 ? 0xffffffffu : ((1u << (8 * w)) - 1);
    pl->wbuckets[wi] = ld32(b + 44 + 4 * wi);
  }
  size_t empty = 0;
  size_t reserve = 0;
  size_t most[MAX_WIDTH] = {0};
  for (size_t s = 0; s < slots; s++) {
    const uint8_t *e = pl->table + s * 16;
    const uint32_t key = ld32(e);
    if (key == 0) {
      empty++;
      continue;
    }
    size_t r = ld32(e + 4);
    const size_t rend = ld32(e + 8);
    if (r < tend || r > rend || rend > len) return "record range";
    size_t count = 0;
    while (r < rend) {
      if (rend - r < 16) return "record header";
      const uint32_t kw = ld32(b + r), off = ld32(b + r + 4), klen = ld32(b + r + 8), next = ld32(b + r + 12);
      if (kw >= pl->keywords) return "record keyword index";
      if (klen < 1 || klen > (1u << 30) || off >= klen) return "record length or offset";
      if ((size_t)next != r + 16 + (size_t)((klen + 7) / 8) * 16 || next > rend) return "record chain";
      r = next;
      count++;
    }
    for (uint32_t wi = 0; wi < pl->nwidths; wi++) {
      if ((key & 0xff000000u) == pl->wtag[wi] && count > most[wi]) most[wi] = count;
    }
  }
  /* Probing stops at an empty slot. */
  if (empty == 0) return "table has no empty slot";
  for (uint32_t wi = 0; wi < pl->nwidths; wi++) reserve += most[wi];
  pl->reserve = reserve;
  return buckets(pl, bits, forced_bucket_bits);
}

static napi_value Compile(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int kernel = best_kernel;
  if (argc >= 2) {
    napi_valuetype t;
    CHECK(napi_typeof(env, argv[1], &t));
    if (t == napi_string) {
      char name[16];
      size_t got = 0;
      CHECK(napi_get_value_string_utf8(env, argv[1], name, sizeof name, &got));
      if (strcmp(name, "avx512") == 0) kernel = K_AVX512;
      else if (strcmp(name, "avx2") == 0) kernel = K_AVX2;
      else if (strcmp(name, "ssse3") == 0) kernel = K_SSSE3;
      else return fail(env, "PREFILTER_NATIVE_KERNEL", "unknown kernel name");
      if (kernel > best_kernel) return fail(env, "PREFILTER_NATIVE_KERNEL", "this CPU does not run that kernel");
    } else if (t != napi_undefined) {
      return fail(env, "PREFILTER_NATIVE_ARG", "kernel must be a string");
    }
  }
  if (kernel == K_NONE) return fail(env, "PREFILTER_NATIVE_UNAVAILABLE", "no native kernel for this CPU");
  /* For tests: a bucket count (log2, 1..16) small enough to overflow, so the fallback lookups run. */
  uint32_t forced = 0;
  if (argc >= 3) {
    napi_valuetype t;
    CHECK(napi_typeof(env, argv[2], &t));
    if (t == napi_number) {
      CHECK(napi_get_value_uint32(env, argv[2], &forced));
      if (forced < 1 || forced > 16) return fail(env, "PREFILTER_NATIVE_ARG", "bucket bits must be 1..16");
    } else if (t != napi_undefined) {
      return fail(env, "PREFILTER_NATIVE_ARG", "bucket bits must be a number");
    }
  }
  bool is_ta = false;
  if (argc < 1 || napi_is_typedarray(env, argv[0], &is_ta) != napi_ok || !is_ta)
    return fail(env, "PREFILTER_NATIVE_ARG", "plan must be a Uint8Array");
  napi_typedarray_type type;
  size_t length;
  void *data;
  CHECK(napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL));
  if (type != napi_uint8_array) return fail(env, "PREFILTER_NATIVE_ARG", "plan must be a Uint8Array");
  if (length > ((size_t)1 << 31)) return fail(env, "PREFILTER_NATIVE_PLAN", "plan too large");
  plan_t *pl = (plan_t *)calloc(1, sizeof *pl);
  if (pl == NULL) return fail(env, "PREFILTER_NATIVE_NOMEM", "out of memory");
  pl->bytes = (uint8_t *)malloc(length > 0 ? length : 1);
  if (pl->bytes == NULL) {
    free(pl);
    return fail(env, "PREFILTER_NATIVE_NOMEM", "out of memory");
  }
  if (length > 0) memcpy(pl->bytes, data, length);
  pl->len = length;
  const char *err = validate(pl, forced);
  if (err != NULL) {
    free_plan(env, pl, NULL);
    return fail(env, "PREFILTER_NATIVE_PLAN", err);
  }
  pl->kernel = kernel_for(kernel, pl->width, pl->groups);
  napi_value handle;
  if (napi_create_external(env, pl, free_plan, NULL, &handle) != napi_ok) {
    free_plan(env, pl, NULL);
    return fail(env, "PREFILTER_NATIVE_NAPI", "N-API call failed");
  }
  CHECK(napi_type_tag_object(env, handle, &PLAN_TAG));
  return handle;
}

static int get_pos(napi_env env, napi_value v, int64_t *out) {
  return napi_get_value_int64(env, v, out) == napi_ok;
}

static napi_value Scan(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 7) return fail(env, "PREFILTER_NATIVE_ARG", "scan(handle, buf, from, to, lo, hi, out)");
  bool tagged = false;
  if (napi_check_object_type_tag(env, argv[0], &PLAN_TAG, &tagged) != napi_ok || !tagged)
    return fail(env, "PREFILTER_NATIVE_ARG", "not a compiled plan");
  plan_t *pl;
  CHECK(napi_get_value_external(env, argv[0], (void **)&pl));

  bool is_ta = false;
  napi_typedarray_type type;
  size_t len, cap32;
  void *data, *odata;
  if (napi_is_typedarray(env, argv[1], &is_ta) != napi_ok || !is_ta)
    return fail(env, "PREFILTER_NATIVE_ARG", "buf must be a Uint8Array");
  CHECK(napi_get_typedarray_info(env, argv[1], &type, &len, &data, NULL, NULL));
  if (type != napi_uint8_array) return fail(env, "PREFILTER_NATIVE_ARG", "buf must be a Uint8Array");
  if (napi_is_typedarray(env, argv[6], &is_ta) != napi_ok || !is_ta)
    return fail(env, "PREFILTER_NATIVE_ARG", "out must be an Int32Array");
  CHECK(napi_get_typedarray_info(env, argv[6], &type, &cap32, &odata, NULL, NULL));
  if (type != napi_int32_array) return fail(env, "PREFILTER_NATIVE_ARG", "out must be an Int32Array");

  int64_t from, to, lo, hi;
  if (!get_pos(env, argv[2], &from) || !get_pos(env, argv[3], &to) || !get_pos(env, argv[4], &lo) ||
      !get_pos(env, argv[5], &hi))
    return fail(env, "PREFILTER_NATIVE_ARG", "from, to, lo and hi must be numbers");
  if (from < 0 || from > to || (uint64_t)to > len || lo < 0 || lo > hi || (uint64_t)hi > len)
    return fail(env, "PREFILTER_NATIVE_RANGE", "need 0 <= from <= to <= buf.length and 0 <= lo <= hi <= buf.length");
  if (hi - lo > INT32_MAX) return fail(env, "PREFILTER_NATIVE_RANGE", "hi - lo must fit an Int32");
  if (cap32 < 1 || (cap32 - 1) / 2 < pl->reserve)
    return fail(env, "PREFILTER_NATIVE_RANGE", "out is too small for the hits of one position");

  int32_t *out = (int32_t *)odata;
  size_t count = 0;
  size_t next = (size_t)to;
  if (from < to && pl->keywords > 0)
    next = pl->kernel(pl, (const uint8_t *)data, len, (size_t)from, (size_t)to, (size_t)lo, (size_t)hi, out,
                      (cap32 - 1) / 2, &count);
  out[0] = (int32_t)count;
  napi_value result;
  CHECK(napi_create_double(env, (double)next, &result));
  return result;
}

/*
 * countByte(buf, from, to, byte) -> occurrences of `byte` in buf[from, to).
 * The engine counts newlines for line numbers over every scanned byte; this
 * runs at memory speed on the caller's buffer (count-byte.ts copies into
 * WebAssembly memory first). Per-lane 8-bit counters are summed into 64-bit
 * ones (psadbw) every 255 blocks, before they can wrap.
 */
static uint64_t count_scalar(const uint8_t *s, size_t n, uint8_t byte) {
  uint64_t c = 0;
  for (size_t i = 0; i < n; i++) c += s[i] == byte;
  return c;
}

#ifdef PG_X86
__attribute__((target(AVX2_TARGET))) static uint64_t count_avx2(const uint8_t *s, size_t n, uint8_t byte) {
  const __m256i needle = _mm256_set1_epi8((char)byte);
  __m256i total = _mm256_setzero_si256();
  size_t i = 0;
  while (n - i >= 32) {
    size_t blocks = (n - i) / 32;
    if (blocks > 255) blocks = 255;
    __m256i acc = _mm256_setzero_si256();
    for (size_t b = 0; b < blocks; b++, i += 32) {
      PREFETCH_AHEAD(s + i);
      __m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
      acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, needle));
    }
    total = _mm256_add_epi64(total, _mm256_sad_epu8(acc, _mm256_setzero_si256()));
  }
  uint64_t lanes[4];
  _mm256_storeu_si256((__m256i *)lanes, total);
  return lanes[0] + lanes[1] + lanes[2] + lanes[3] + count_scalar(s + i, n - i, byte);
}
#endif

static napi_value CountByte(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 4) return fail(env, "PREFILTER_NATIVE_ARG", "countByte(buf, from, to, byte)");
  bool is_ta = false;
  napi_typedarray_type type;
  size_t len;
  void *data;
  if (napi_is_typedarray(env, argv[0], &is_ta) != napi_ok || !is_ta)
    return fail(env, "PREFILTER_NATIVE_ARG", "buf must be a Uint8Array");
  CHECK(napi_get_typedarray_info(env, argv[0], &type, &len, &data, NULL, NULL));
  if (type != napi_uint8_array) return fail(env, "PREFILTER_NATIVE_ARG", "buf must be a Uint8Array");
  int64_t from, to;
  uint32_t byte;
  if (!get_pos(env, argv[1], &from) || !get_pos(env, argv[2], &to) || napi_get_value_uint32(env, argv[3], &byte) != napi_ok)
    return fail(env, "PREFILTER_NATIVE_ARG", "from, to and byte must be numbers");
  if (from < 0 || from > to || (uint64_t)to > len || byte > 255)
    return fail(env, "PREFILTER_NATIVE_RANGE", "need 0 <= from <= to <= buf.length and 0 <= byte <= 255");
  const uint8_t *s = (const uint8_t *)data + from;
  size_t n = (size_t)(to - from);
  uint64_t count;
#ifdef PG_X86
  if (best_kernel >= K_AVX2) count = count_avx2(s, n, (uint8_t)byte);
  else count = count_scalar(s, n, (uint8_t)byte);
#else
  count = count_scalar(s, n, (uint8_t)byte);
#endif
  napi_value result;
  CHECK(napi_create_double(env, (double)count, &result));
  return result;
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  best_kernel = detect_kernel();
  napi_value v;
  if (napi_create_string_utf8(env, KERNEL_NAMES[best_kernel], NAPI_AUTO_LENGTH, &v) != napi_ok ||
      napi_set_named_property(env, exports, "kernel", v) != napi_ok)
    return NULL;
  napi_value list;
  if (napi_create_array(env, &list) != napi_ok) return NULL;
  uint32_t i = 0;
  for (int k = best_kernel; k > K_NONE; k--) {
    if (napi_create_string_utf8(env, KERNEL_NAMES[k], NAPI_AUTO_LENGTH, &v) != napi_ok ||
        napi_set_element(env, list, i++, v) != napi_ok)
      return NULL;
  }
  if (napi_set_named_property(env, exports, "kernels", list) != napi_ok) return NULL;
  napi_value fn;
  if (napi_create_function(env, "compile", NAPI_AUTO_LENGTH, Compile, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "compile", fn) != napi_ok)
    return NULL;
  if (napi_create_function(env, "scan", NAPI_AUTO_LENGTH, Scan, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "scan", fn) != napi_ok)
    return NULL;
  if (napi_create_function(env, "countByte", NAPI_AUTO_LENGTH, CountByte, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "countByte", fn) != napi_ok)
    return NULL;
  return exports;
}
