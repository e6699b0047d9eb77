#ifndef SALESDOJO_CEDITLINE_SHIM_H
#define SALESDOJO_CEDITLINE_SHIM_H

#include <stdio.h>
#include <string.h>
#include <locale.h>
#include <langinfo.h>

#include <editline/readline.h>

// Swift 6 strict concurrency rejects direct access to mutable C globals, so every
// global libedit reads is set through one of these static inline setters.

static inline void dojo_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void dojo_rl_set_attempted_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void dojo_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void dojo_rl_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void dojo_rl_set_catch_signals(int v) { rl_catch_signals = v; }

/// Makes sure the C library decodes UTF-8: the user's locale, or C.UTF-8 when that is not UTF-8.
/// Without it libedit returns empty strings for Chinese input.
static inline int dojo_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") != NULL) return 1;
    return setlocale(LC_ALL, "en_US.UTF-8") != NULL;
}

#endif
