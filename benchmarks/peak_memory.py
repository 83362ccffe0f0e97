"""A command run in a fresh process, with the peak resident memory of its whole process tree."""

from __future__ import annotations

import subprocess
import threading
import time

import psutil


def run_sampled(command: list[str], **popen) -> tuple[subprocess.CompletedProcess, int]:
    """Run `command`; return its completed process and the peak RSS in bytes of it and every
    process it started (kernels, Ray's raylet and workers), sampled every 0.2 s."""
    child = subprocess.Popen(command, text=True, **popen)
    peak = 0

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass  # a process ended while it was read
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, errors = child.communicate()
    sampler.join()
    return subprocess.CompletedProcess(command, child.returncode, output, errors), peak
