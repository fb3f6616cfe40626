#pragma once
// Run-time choice of the AVX-512 code paths. The build targets x86-64-v3 (AVX2); a loop that gains
// from 64-byte vectors carries an AVX-512 version compiled for that target alone, taken only when
// the CPU has it. Such a path must give exactly the output of its portable twin (the tests compare
// the two on the same input), and must pay in the whole per-story path, not only in its own stage:
// bench/pipeline_bench's BM_Analyzer against BM_AnalyzerPortable. Today there are two: tokenize()'s
// block path (pipeline/normalize.cc; its word hashes in 64-bit lanes on CPUs with Ice Lake's
// extensions) and the in-register sort of a story's hashes (core/sort.cc).
//
// Measured and dropped (2026-11-30): the shingle hashing of Fingerprinter::fingerprint() with
// 64-bit lane multiplies (vpmullq), 8 shingles at a time. Its output was identical, but
// BM_Analyzer went from 24.4 / 23.9 / 24.9 us per story without it to 26.3 / 26.0 / 26.2 with it
// (alternating runs): heavy 512-bit instructions are known to lower the core's clock on Intel
// server parts, which would slow every stage; the cause was not measured further.

namespace wirefeed {

// The CPU has AVX-512 F and BW, and BMI1/BMI2 (checked once; false off x86-64). A new path that
// needs more (DQ, VL...) adds it here.
bool avx512_available();

// Whether the AVX-512 paths run: available and not switched off. Process-wide.
bool avx512_enabled();

// For tests and benchmarks, which measure and compare the portable paths. Has no effect when the
// CPU lacks AVX-512.
void set_avx512_enabled(bool on);

// The CPU also has the AVX-512 extensions of Ice Lake and later: DQ (64-bit lane multiplies),
// VBMI (byte permutes across the register) and VBMI2 (byte compress). Skylake and Cascade Lake
// servers have AVX-512 without them; a path that needs them keeps a twin for those.
bool avx512_icl_available();

// avx512_enabled(), these available too, and not switched off on their own.
bool avx512_icl_enabled();

// For tests and benchmarks: switches off only the paths that need the Ice Lake extensions, so
// that their AVX-512 F/BW twins run and can be compared.
void set_avx512_icl_enabled(bool on);

}  // namespace wirefeed
