#ifndef SALESDOJO_TERMINAL_SUPPORT_H
#define SALESDOJO_TERMINAL_SUPPORT_H

/// Installs SIGINT, SIGTERM and SIGHUP handlers that only record the signal (no SA_RESTART, so a
/// blocking read returns EINTR and the REPL decides what to do), and ignores SIGPIPE.
void dojo_install_signal_handlers(void);

/// The signal recorded since the last call (0 for none), clearing it.
int dojo_take_signal(void);

/// Starts (once) a thread that nudges the main thread with SIGUSR1 while it is inside readline and
/// a signal is pending: libedit retries a read interrupted once, so one SIGTERM alone would leave
/// readline waiting for a key.
void dojo_start_signal_relay(void);

/// Marks whether the main thread is blocked in readline.
void dojo_set_in_readline(int value);

/// Inside readline, makes Ctrl-C a key instead of SIGINT (call after rl_initialize): it ends the
/// read, and `dojo_take_ctrl_c_key` tells whether the line held text.
void dojo_use_ctrl_c_key(void);

/// Whether Ctrl-C ended the last read: 0 no, 1 on an empty line, 2 on a line with text. Clears it.
int dojo_take_ctrl_c_key(void);

#endif
