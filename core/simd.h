#pragma once
// Run-time choice of the AVX-512 code paths. The build targets x86-64-v3 (AVX2); a loop that gains
// from 64-byte vectors carries an AVX-512 version compiled for that target alone, taken only when
// the CPU has it. Such a path must give exactly the output of its portable twin (the tests compare
// the two on the same input), and must pay in the whole per-story path, not only in its own stage:
// bench/pipeline_bench's BM_Analyzer against BM_AnalyzerPortable. Today there are three:
// tokenize()'s block path (pipeline/normalize.cc; its word hashes in 64-bit lanes on CPUs with Ice
// Lake's extensions), the shingle hashes of a fingerprint (pipeline/dedup.cc, the same CPUs) and
// the in-register sort of a story's hashes (core/sort.cc).
//
// The shingle hashing of Fingerprinter::fingerprint() in 64-bit lanes (vpmullq), 8 shingles at a
// time, was measured on 2026-11-30 and dropped: identical output, but BM_Analyzer went from 24.4 /
// 23.9 / 24.9 us per story without it to 26.3 / 26.0 / 26.2 with it (alternating runs). Heavy
// 512-bit instructions are known to lower the clock of Intel server cores, which would slow every
// stage. Measured again on 2026-12-01, after tokenize() began hashing its words with the same
// instruction (so the story's path pays for it anyway): faster in 6 of 6 BM_Analyzer pairs, kept.
// The cause of the first result was not measured (no PMU on the machine).

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
// VL (masks and compresses on 256-bit registers), VBMI (byte permutes across the register) and
// VBMI2 (byte compress). Skylake and Cascade Lake servers have AVX-512 without them; a path that
// needs them keeps a twin for those.
bool avx512_icl_available();

// avx512_enabled(), these available too, and not switched off on their own.
bool avx512_icl_enabled();

// For tests and benchmarks: switches off only the paths that need the Ice Lake extensions, so
// that their AVX-512 F/BW twins run and can be compared.
void set_avx512_icl_enabled(bool on);

}  // namespace wirefeed
