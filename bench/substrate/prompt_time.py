#!/usr/bin/env python3
"""Time from starting a program on a pseudo-terminal until its prompt appears.

Usage: prompt_time.py RUNS PROMPT_TEXT COMMAND [ARG...]
Prints one line per run (seconds) and then "median SECONDS". Each run types Ctrl-D once the
prompt is there, so the program leaves by itself.
"""
import fcntl
import os
import pty
import struct
import termios
import select
import statistics
import sys
import time


def one_run(prompt, argv):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    # a real terminal has a size; JLine lays the prompt out to it
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + 30
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if prompt in seen:
            elapsed = time.perf_counter() - start
            break
    try:
        os.write(fd, b"\x04")
    except OSError:
        pass
    # drain until the child is gone
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 2)
            if not ready or not os.read(fd, 4096):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit("prompt %r never appeared; saw %r" % (prompt, seen[-200:]))
    return elapsed


def main():
    runs = int(sys.argv[1])
    prompt = sys.argv[2].encode()
    argv = sys.argv[3:]
    one_run(prompt, argv)  # warm-up: page cache, first-build work
    times = []
    for _ in range(runs):
        t = one_run(prompt, argv)
        times.append(t)
        print("%.4f" % t)
    print("median %.4f" % statistics.median(times))


if __name__ == "__main__":
    main()
