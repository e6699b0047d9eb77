#include "terminal_support.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <editline/readline.h>

static volatile sig_atomic_t last_signal = 0;
static volatile sig_atomic_t in_readline = 0;
static pthread_t main_thread;

static void record_signal(int signo) { last_signal = signo; }
static void ignore_signal(int signo) { (void)signo; }

void dojo_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
    // Over a file-size limit a write should fail with EFBIG (reported like a full disk), not kill us.
    signal(SIGXFSZ, SIG_IGN);
    // A parent may have started us with these blocked; they are how the session ends cleanly.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

int dojo_take_signal(void) {
    int signo = last_signal;
    last_signal = 0;
    return signo;
}

static void *relay(void *unused) {
    (void)unused;
    for (;;) {
        usleep(20000);
        if (last_signal != 0 && in_readline) pthread_kill(main_thread, SIGUSR1);
    }
    return NULL;
}

void dojo_start_signal_relay(void) {
    static int started = 0;
    if (started) return;
    started = 1;
    main_thread = pthread_self();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ignore_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGUSR1, &action, NULL);
    // The relay blocks the real signals so the kernel delivers them to the main thread.
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    pthread_t thread;
    if (pthread_create(&thread, NULL, relay, NULL) == 0) pthread_detach(thread);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void dojo_set_in_readline(int value) { in_readline = value; }

/* Ctrl-C as a key inside readline. libedit re-reads its terminal modes at every readline call
   (tty_init), so the edit-mode change is made in the pre-input hook, after that and before the
   terminal is switched to edit mode: there Ctrl-C stops generating SIGINT and reaches the key map,
   where the bound function can see whether the line holds text. */
static volatile int interrupt_key_state = 0;

static int interrupt_key(int count, int key) {
    (void)count;
    (void)key;
    interrupt_key_state = rl_end > 0 ? 2 : 1;
    rl_done = 1;
    return 0;
}

static int make_ctrl_c_a_key(void) {
    rl_parse_and_bind("setty -d -isig");
    return 0;
}

void dojo_use_ctrl_c_key(void) {
    rl_pre_input_hook = make_ctrl_c_a_key;
    rl_add_defun("dojo-interrupt", interrupt_key, 3);
}

int dojo_take_ctrl_c_key(void) {
    int state = interrupt_key_state;
    interrupt_key_state = 0;
    return state;
}
