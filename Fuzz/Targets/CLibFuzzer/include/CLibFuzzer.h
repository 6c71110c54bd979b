// libFuzzer's driver entry point (provided by the toolchain with -sanitize=fuzzer), so
// that a SwiftPM executable can keep its own main and hand control to libFuzzer.
#ifndef DOCSIFT_CLIBFUZZER_H
#define DOCSIFT_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
