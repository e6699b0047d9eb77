#define _GNU_SOURCE
#include "pty_support.h"

#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

pid_t dojo_spawn_pty(const char *path, char *const argv[], char *const envp[], const char *dir,
                     unsigned short rows, unsigned short cols, int *master_out) {
    struct winsize size = { .ws_row = rows, .ws_col = cols, .ws_xpixel = 0, .ws_ypixel = 0 };
    int master = -1;
    pid_t pid = forkpty(&master, NULL, NULL, &size);
    if (pid < 0) return -1;
    if (pid == 0) {
        // In the child only async-signal-safe calls until exec. The test runner's thread may block or
        // ignore signals; the program under test must start with the defaults, as from a shell.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int signo = 1; signo < 32; signo++) signal(signo, SIG_DFL);
        if (dir != NULL && chdir(dir) != 0) _exit(126);
        execve(path, argv, envp);
        _exit(127);
    }
    *master_out = master;
    return pid;
}

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

int dojo_run_peak_rss(const char *path, char *const argv[], char *const envp[], long *peak_kb) {
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
        execve(path, argv, envp);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) return -1;
    *peak_kb = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
