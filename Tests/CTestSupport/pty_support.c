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
#include <errno.h>
#include <stdio.h>
#include <string.h>

/// The program's own high-water RSS (VmHWM) from /proc, or -1 once it has exited.
static long dojo_vmhwm_kb(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *file = fopen(path, "r");
    if (file == NULL) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, file) != NULL) {
        if (strncmp(line, "VmHWM:", 6) == 0) { kb = strtol(line + 6, NULL, 10); break; }
    }
    fclose(file);
    return kb;
}

/// Runs a program with stdin/stdout/stderr on /dev/null and reports its peak resident memory.
///
/// Not `wait4`'s ru_maxrss: a forked child starts as a copy of the test runner, and the kernel keeps that
/// copy's high-water mark in the child's maxrss across exec, so the figure would include whatever the test
/// process held at the time (other tests run in parallel). Instead the program's own VmHWM is polled from
/// /proc once exec has happened (a close-on-exec pipe closes then) until it exits.
int dojo_run_peak_rss(const char *path, char *const argv[], char *const envp[], long *peak_kb) {
    int exec_pipe[2];
    if (pipe2(exec_pipe, O_CLOEXEC) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        close(exec_pipe[0]);
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); }
        execve(path, argv, envp);
        _exit(127);
    }
    close(exec_pipe[1]);
    char byte;
    while (read(exec_pipe[0], &byte, 1) < 0 && errno == EINTR) {}
    close(exec_pipe[0]);
    long peak = 0;
    int status = 0;
    for (;;) {
        long kb = dojo_vmhwm_kb(pid);
        if (kb > peak) peak = kb;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return -1;
        usleep(2000);
    }
    *peak_kb = peak;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
