#ifndef DISCO_FUZZER_DRIVER_H
#define DISCO_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own `main` (compiler-rt's
/// FuzzerInterface.h): runs the fuzzing loop with the command line's flags and corpus folders.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
