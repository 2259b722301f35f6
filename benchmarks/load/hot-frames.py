#!/usr/bin/env python3
"""Sums a dotnet-trace speedscope file (pipeline.sh TRACE=...) by frame: the share of busy sampled time each frame was on
the stack (inclusive) and at its top (exclusive). Busy: samples of threads running managed code (the CPU_TIME
pseudo-frame, charged to its caller), except those spinning in a wait. Native time (UNMANAGED_CODE_TIME) is left out:
in these samples it cannot be told apart from threads parked in epoll or a semaphore.

  python3 benchmarks/load/hot-frames.py artifacts/load/trace-production-PUT-ucp-checkout-sessions-id-.speedscope.json [top] [filter]
"""
import json
import sys
from collections import defaultdict

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
needle = sys.argv[3] if len(sys.argv) > 3 else ""
doc = json.load(open(path))
frames = [f["name"] for f in doc["shared"]["frames"]]
# Threads parked in the thread pool or in epoll are waiting, not working: their time is left out.
# RunFinalizers: while a trace session is open the runtime's finalizer thread keeps destroying dynamic methods; without
# one its CPU time stays at zero in the same scenarios, so it is the tracer's cost, not the host's.
IDLE = ("WaitHandle", "LowLevelLifoSemaphore", "Monitor.Wait", "Thread.Sleep", "SocketAsyncEngine.EventLoop",
        "WaitForSignal", "SemaphoreSlim.Wait", "TimerQueue", "LowLevelLock", "RunFinalizers", "PollGC")
PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME"}

inclusive, exclusive = defaultdict(float), defaultdict(float)
total = 0.0
idle_frames = {i for i, name in enumerate(frames) if any(w in name for w in IDLE)}
for profile in doc["profiles"]:
    stack = []
    last = None
    for event in profile["events"]:
        at = event["at"]
        if last is not None and len(stack) > 1 and frames[stack[-1]] == "CPU_TIME" and not idle_frames.intersection(stack):
            span = at - last
            total += span
            exclusive[frames[stack[-2]]] += span
            for frame in set(stack):
                inclusive[frames[frame]] += span
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            while stack and stack.pop() != event["frame"]:
                pass

def show(title, table):
    print(f"{title} (of {total:.0f} ms sampled)")
    rows = [(t, name) for name, t in table.items() if needle in name and name not in PSEUDO]
    for t, name in sorted(rows, reverse=True)[:top]:
        print(f"{100 * t / total:6.2f}%  {name[:160]}")

show("exclusive", exclusive)
print()
show("inclusive", inclusive)
