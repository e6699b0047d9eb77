#ifndef SALESDOJO_FUZZ_DRIVER_H
#define SALESDOJO_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (flags, corpus folders, -merge, -runs…) on `test`. SwiftPM gives every
/// executable its own entry point (`<Target>_main`), so libFuzzer's `main` is not used; each
/// target's entry point calls this instead.
int dojo_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
