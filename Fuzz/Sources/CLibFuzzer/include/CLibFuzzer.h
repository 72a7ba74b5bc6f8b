// libFuzzer's driver entry point (compiler-rt's FuzzerDriver.cpp). SwiftPM links every executable
// target's entry point as `main`, so the fuzz targets start libFuzzer through this call instead of
// relying on libFuzzer's own main.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
