#!/usr/bin/env python3
"""kill-parent.py INPUT CMD...: starts CMD (ffiguard reading INPUT, slowly), kills it by its PID
as a CI runner's timeout would, and checks that no process reading INPUT is left a moment later:
the loader child must die with its parent. Prints 'no child left' or fails."""
import os
import signal
import subprocess
import sys
import time

target = os.path.abspath(sys.argv[1])
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def readers():
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) in (proc.pid, os.getpid()):
            continue
        try:
            cmd = open("/proc/%s/cmdline" % pid, "rb").read().split(b"\0")
        except OSError:
            continue
        if any(os.path.abspath(a.decode(errors="replace")) == target for a in cmd if a):
            found.append(int(pid))
    return found


# Wait until the child exists (the parent forks it at once), then kill the parent only.
deadline = time.time() + 10
while not readers() and time.time() < deadline:
    time.sleep(0.005)
if not readers():
    sys.exit("kill-parent: the loader child never appeared (finished too fast?)")
os.kill(proc.pid, signal.SIGKILL)
proc.wait()
deadline = time.time() + 5
while readers() and time.time() < deadline:
    time.sleep(0.01)
left = readers()
if left:
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    sys.exit("kill-parent: loader child %s outlived its parent" % left)
print("no child left")
