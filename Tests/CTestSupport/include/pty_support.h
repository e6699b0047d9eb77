#ifndef SALESDOJO_PTY_SUPPORT_H
#define SALESDOJO_PTY_SUPPORT_H

#include <sys/types.h>

/// Starts `path` with `argv`/`envp` in directory `dir` on a new pseudo-terminal of rows×cols that
/// becomes its controlling terminal. Returns the child's pid (or -1) and the master side in *master_out.
pid_t dojo_spawn_pty(const char *path, char *const argv[], char *const envp[], const char *dir,
                     unsigned short rows, unsigned short cols, int *master_out);

/// Runs `path` with `argv`/`envp`, stdin/stdout/stderr to /dev/null, waits for it and returns its exit
/// status (or -1); *peak_kb receives the program's own peak resident set size in KiB (VmHWM after exec).
int dojo_run_peak_rss(const char *path, char *const argv[], char *const envp[], long *peak_kb);

#endif
