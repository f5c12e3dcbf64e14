// The declaration in include/FuzzerDriver.h is all this module is; libFuzzer itself is linked
// by -sanitize=fuzzer.
#include "FuzzerDriver.h"
