#ifndef SALESDOJO_CEDITLINE_SHIM_H
#define SALESDOJO_CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

// Swift 6 strict concurrency rejects direct access to mutable C globals, so every
// global libedit reads is set through one of these static inline setters.

static inline void dojo_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void dojo_rl_set_attempted_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void dojo_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void dojo_rl_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void dojo_rl_set_catch_signals(int v) { rl_catch_signals = v; }
static inline const char *dojo_rl_line_buffer(void) { return rl_line_buffer; }
static inline void dojo_rl_set_instream(FILE *f) { rl_instream = f; }
static inline void dojo_rl_set_outstream(FILE *f) { rl_outstream = f; }

#endif
