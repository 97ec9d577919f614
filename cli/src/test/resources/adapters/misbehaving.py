#!/usr/bin/env python3
"""A protocol v1 adapter that behaves until the first vm_copy request, then misbehaves as argv[1] says.

Modes: hang, late, exit, nonjson, hugeline, wrongid, krstring, errorreply (on vm_copy);
liethenexit (answers every vm_copy with success, a lie vmck must catch, then exits at the 200th);
stderrflood (50 MB of stderr at hello, then behaves); spawn (starts `sleep 1000`, reports its pid
as the hello version, then behaves).
"""
import json
import subprocess
import sys
import time

mode = sys.argv[1]
out = sys.stdout


def send(obj):
    out.write(json.dumps(obj) + "\n")
    out.flush()


next_task = 1
copies = 0
for line in sys.stdin:
    request = json.loads(line)
    rid, op = request["id"], request["op"]
    if op == "hello":
        version = "1"
        if mode == "stderrflood":
            chunk = ("flood " * 170 + "\n") * 100  # ~100 KB of lines
            for _ in range(500):
                sys.stderr.write(chunk)
            sys.stderr.flush()
        if mode == "spawn":
            version = str(subprocess.Popen(["sleep", "1000"]).pid)
        send({"id": rid, "protocol": 1, "name": "misbehaving-" + mode, "version": version, "page_size": 4096,
              "min_address": "0x1000", "max_address": "0xc0000000", "address_bits": 32})
    elif op == "task_create":
        send({"id": rid, "kr": 0, "task": next_task})
        next_task += 1
    elif op == "quit":
        send({"id": rid})
        break
    elif op == "vm_copy" and mode == "liethenexit":
        copies += 1
        if copies >= 200:
            sys.stderr.write("misbehaving on purpose: exiting after %d copies\n" % copies)
            sys.exit(9)
        send({"id": rid, "kr": 0})
    elif op == "vm_copy" and mode not in ("stderrflood", "spawn"):
        sys.stderr.write("misbehaving on purpose: %s\n" % mode)
        sys.stderr.flush()
        if mode == "hang":
            time.sleep(1000)
        elif mode == "late":
            time.sleep(4)
            send({"id": rid, "kr": 0})
        elif mode == "exit":
            sys.exit(7)
        elif mode == "nonjson":
            out.write("this is not json\n")
            out.flush()
        elif mode == "hugeline":
            block = "x" * (1 << 20)
            for _ in range(100):
                out.write(block)
            out.write("\n")
            out.flush()
        elif mode == "wrongid":
            send({"id": rid + 1, "kr": 0})
        elif mode == "krstring":
            send({"id": rid, "kr": "0"})
        elif mode == "errorreply":
            send({"id": rid, "error": "unsupported", "message": "no vm_copy here"})
        time.sleep(1000)  # whatever happened, never answer again
    elif op == "vm_read":
        send({"id": rid, "kr": 0, "data": ""})
    elif op == "vm_region":
        send({"id": rid, "kr": 3, "address": "0x0", "size": "0x0", "protection": 0, "max_protection": 0})
    else:
        send({"id": rid, "kr": 0, "address": "0x0"})
