#!/usr/bin/env python3
"""Smoke test of the gnumach adapter against the real GNU Mach 1.8 kernel.

Starts adapters/gnumach/vmck-gnumach, exercises every op, checks the answers the
real kernel is known to give, runs pipelined batches and prints timings.
Exit status 0 only if every check passes.  Python 3 standard library only.
Usage: adapters/gnumach/smoke.py [--adapter PATH] [--copies N] [--random-pages N]
(VMCK_GNUMACH_TRANSPORT and the adapter's other variables pass through to it.)
"""
import argparse
import base64
import json
import os
import random
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = 0x1000
INVALID_DEST = 0x10000003


class Client:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def batch(self, reqs):
        """Writes all requests at once (pipelined), then reads the responses in order."""
        ids = []
        lines = []
        for r in reqs:
            r = dict(r, id=self.next_id)
            ids.append(self.next_id)
            self.next_id += 1
            lines.append(json.dumps(r))
        # Written from a thread while the responses are read, as vmck does (spec/PROTOCOL.md): a
        # client that writes a large batch before reading stalls once the adapter's replies fill
        # the pipe, and over the shm transport they come back faster than a batch is written.
        data = ("\n".join(lines) + "\n").encode()

        def send():
            self.p.stdin.write(data)
            self.p.stdin.flush()
        writer = threading.Thread(target=send, daemon=True)
        writer.start()
        out = []
        for i in ids:
            ln = self.p.stdout.readline()
            if not ln:
                raise SystemExit("adapter closed its stdout (exit status %s) while waiting for id %d"
                                 % (self.p.wait(), i))
            resp = json.loads(ln)
            if resp.get("id") != i:
                raise SystemExit("out-of-order response: expected id %d, got %r" % (i, resp))
            out.append(resp)
        writer.join()
        return out

    def one(self, req):
        return self.batch([req])[0]


def hx(v):
    return "0x%x" % v


def b64(data):
    return base64.b64encode(data).decode()


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def eq(self, what, got, want):
        if got == want:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s: got %r, want %r" % (what, got, want))

    def kr(self, what, resp, want):
        self.eq(what + " kr", resp.get("kr"), want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapter", default=os.path.join(HERE, "vmck-gnumach"))
    ap.add_argument("--copies", type=int, default=2000, help="pipelined vm_copy calls for the rate figure")
    ap.add_argument("--random-pages", type=int, default=0,
                    help="also write, copy and read back N random (non-periodic) pages in one pipelined batch")
    args = ap.parse_args()
    t0 = time.monotonic()
    c = Client([args.adapter])
    ck = Checker()

    # ---- hello (answered once the guest is ready: measures boot)
    h = c.one({"op": "hello"})
    t_boot = time.monotonic() - t0
    ck.eq("hello protocol", h.get("protocol"), 1)
    ck.eq("hello page_size", h.get("page_size"), 4096)  # an integer (spec/PROTOCOL.md)
    ck.eq("hello address_bits", h.get("address_bits"), 32)
    ck.eq("hello min/max present", ("min_address" in h, "max_address" in h), (True, True))
    print("hello: %s" % json.dumps(h))

    t1 = time.monotonic()
    r = c.one({"op": "task_create"})
    ck.kr("task_create", r, 0)
    T = r["task"]
    SRC, DST, RO, NONE, GONE = 0x10000, 0x20000, 0x30000, 0x40000, 0x50000
    pat = b"vmck-gnumach!" * 400
    page_a = pat[:PAGE]
    rnd = random.Random(1234)
    page_b = bytes(rnd.getrandbits(8) for _ in range(PAGE))
    res = c.batch([
        {"op": "vm_allocate", "task": T, "address": hx(SRC), "size": hx(2 * PAGE), "anywhere": False},
        {"op": "vm_allocate", "task": T, "address": hx(DST), "size": hx(2 * PAGE), "anywhere": False},
        {"op": "vm_allocate", "task": T, "address": hx(RO), "size": hx(PAGE), "anywhere": False},
        {"op": "vm_allocate", "task": T, "address": hx(NONE), "size": hx(PAGE), "anywhere": False},
        {"op": "vm_allocate", "task": T, "address": hx(GONE), "size": hx(PAGE), "anywhere": False},
        {"op": "vm_write", "task": T, "address": hx(SRC), "data": b64(page_a)},
        {"op": "vm_write", "task": T, "address": hx(SRC + PAGE), "data": b64(page_b)},
        {"op": "vm_protect", "task": T, "address": hx(RO), "size": hx(PAGE), "set_maximum": False, "new_protection": 1},
        {"op": "vm_protect", "task": T, "address": hx(NONE), "size": hx(PAGE), "set_maximum": False, "new_protection": 0},
        {"op": "vm_deallocate", "task": T, "address": hx(GONE), "size": hx(PAGE)},
    ])
    for i, r in enumerate(res):
        ck.kr("setup step %d" % i, r, 0)
    ck.eq("vm_allocate fixed address", res[0].get("address"), hx(SRC))

    res = c.batch([
        {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(2 * PAGE), "dest_address": hx(DST)},
        {"op": "vm_read", "task": T, "address": hx(DST), "size": hx(2 * PAGE)},
        {"op": "vm_read", "task": T, "address": hx(DST + 5), "size": hx(11)},
        {"op": "vm_copy", "task": T, "source_address": hx(SRC + 1), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(0x800), "dest_address": hx(DST)},
        {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(DST + 8)},
        {"op": "vm_copy", "task": T, "source_address": hx(0x12345), "count": hx(0), "dest_address": hx(0x777)},
        {"op": "vm_copy", "task": T, "source_address": hx(GONE), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_copy", "task": T, "source_address": hx(0), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(GONE)},
        {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(RO)},
        {"op": "vm_copy", "task": T, "source_address": hx(NONE), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_region", "task": T, "address": hx(RO)},
        {"op": "vm_region", "task": T, "address": hx(NONE)},
        {"op": "vm_protect", "task": T, "address": hx(RO), "size": hx(PAGE), "set_maximum": True, "new_protection": 1},
        {"op": "vm_protect", "task": T, "address": hx(RO), "size": hx(PAGE), "set_maximum": False, "new_protection": 3},
        {"op": "vm_region", "task": T, "address": hx(RO)},
        {"op": "vm_protect", "task": T, "address": hx(0x900000), "size": hx(PAGE), "set_maximum": False, "new_protection": 1},
        {"op": "vm_write", "task": T, "address": hx(DST + 4), "data": b64(page_a)},
        {"op": "vm_write", "task": T, "address": hx(GONE), "data": b64(page_a)},
        {"op": "vm_read", "task": T, "address": hx(GONE), "size": hx(PAGE)},
        {"op": "vm_copy", "task": 987654, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_copy", "task": T, "source_address": hx(1 << 32), "count": hx(PAGE), "dest_address": hx(DST)},
        {"op": "vm_allocate", "task": T, "address": hx(0), "size": hx(PAGE), "anywhere": True},
        {"op": "vm_region", "task": T, "address": hx(0xbffff000)},
    ])
    names = ["aligned copy", "read dst", "read unaligned", "unaligned src", "unaligned count", "unaligned dst",
             "count 0", "unallocated (freed) src", "page 0 src", "unallocated dst", "read-only dst",
             "VM_PROT_NONE src", "region RO", "region NONE", "set max READ", "protect above max",
             "region RO after set max", "protect hole", "vm_write unaligned", "vm_write unallocated",
             "vm_read unallocated", "unknown task", "src >= 2^32", "allocate anywhere", "region above all"]
    # None: no kernel answer exists; the adapter says the value is unrepresentable (spec/PROTOCOL.md)
    want = [0, 0, 0, 4, 4, 4, 0, 1, 1, 1, 2, 2, 0, 0, 0, 2, 0, 0, 4, 1, 1, INVALID_DEST, None, 0, 3]
    for n, r, w in zip(names, res, want):
        if w is None:
            ck.eq(n, r.get("error"), "unrepresentable")
        else:
            ck.kr(n, r, w)
    ck.eq("copied contents", base64.b64decode(res[1].get("data", "")), page_a + page_b)
    ck.eq("unaligned read contents", base64.b64decode(res[2].get("data", "")), page_a[5:16])
    ck.eq("region RO prot/max", (res[12].get("address"), res[12].get("protection"), res[12].get("max_protection")),
          (hx(RO), 1, 7))
    ck.eq("region NONE prot/max", (res[13].get("protection"), res[13].get("max_protection")), (0, 7))
    ck.eq("region RO after set max", (res[16].get("protection"), res[16].get("max_protection")), (1, 1))
    # destination unchanged by the failed copies
    r = c.one({"op": "vm_read", "task": T, "address": hx(DST), "size": hx(2 * PAGE)})
    ck.eq("dst unchanged after failed copies", base64.b64decode(r.get("data", "")), page_a + page_b)
    # arbitrary (non-periodic) data of every base64 padding length, and size 0
    sizes = [0, 1, 2, 3, 4, 5, 0x65, 0x41, 0x42]
    res = c.batch([{"op": "vm_read", "task": T, "address": hx(DST + PAGE + 7), "size": hx(s)} for s in sizes])
    for s, r in zip(sizes, res):
        ck.kr("vm_read size %d" % s, r, 0)
        ck.eq("vm_read size %d contents" % s, base64.b64decode(r.get("data", "")), page_b[7:7 + s])
    t_ops = time.monotonic() - t1

    # ---- pipelined batch of >= 200 mixed requests incl. 4 KiB page writes (periodic and arbitrary)
    t2 = time.monotonic()
    reqs, checks = [], []
    base = 0x100000
    reqs.append({"op": "vm_allocate", "task": T, "address": hx(base), "size": hx(64 * PAGE), "anywhere": False})
    checks.append((0, None))
    pages = {}
    for i in range(32):
        if i % 4 == 3:
            data = bytes(rnd.getrandbits(8) for _ in range(PAGE))
        else:
            unit = bytes([(i * 7 + k) & 0xff for k in range(1 + i % 61)])
            data = (unit * (PAGE // len(unit) + 1))[:PAGE]
        pages[i] = data
        reqs.append({"op": "vm_write", "task": T, "address": hx(base + i * PAGE), "data": b64(data)})
        checks.append((0, None))
    for i in range(32):
        reqs.append({"op": "vm_copy", "task": T, "source_address": hx(base + i * PAGE), "count": hx(PAGE),
                     "dest_address": hx(base + (32 + i) * PAGE)})
        checks.append((0, None))
    for i in range(32):
        reqs.append({"op": "vm_read", "task": T, "address": hx(base + (32 + i) * PAGE), "size": hx(PAGE)})
        checks.append((0, pages[i]))
    while len(reqs) < 230:
        k = len(reqs)
        reqs.append({"op": "vm_copy", "task": T, "source_address": hx(base + (k % 32) * PAGE + (k % 2)),
                     "count": hx(PAGE), "dest_address": hx(base + (32 + k % 32) * PAGE)})
        checks.append((4 if k % 2 else 0, None))
    nbytes = sum(len(json.dumps(r)) + 1 for r in reqs)
    res = c.batch(reqs)
    t_batch = time.monotonic() - t2
    bad = 0
    for i, (r, (kr, data)) in enumerate(zip(res, checks)):
        if r.get("kr") != kr or (data is not None and base64.b64decode(r.get("data", "")) != data):
            bad += 1
            if bad <= 5:
                print("FAIL: batch request %d (%s): %r" % (i, reqs[i]["op"], str(r)[:200]))
    ck.eq("pipelined batch of %d requests all correct" % len(reqs), bad, 0)

    # ---- vm_copy rate
    t3 = time.monotonic()
    n = args.copies
    res = c.batch([{"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE),
                    "dest_address": hx(DST + PAGE * (k % 2))} for k in range(n)])
    t_copy = time.monotonic() - t3
    ck.eq("%d pipelined vm_copy all kr 0" % n, sum(1 for r in res if r.get("kr") != 0), 0)

    # ---- optional stress: random pages go through the base64 path and the staged 'v' lines
    t_rand = None
    if args.random_pages:
        N = args.random_pages
        rb = 0x1000000
        ck.kr("stress allocate", c.one({"op": "vm_allocate", "task": T, "address": hx(rb), "size": hx(2 * N * PAGE),
                                        "anywhere": False}), 0)
        rpages = [bytes(rnd.getrandbits(8) for _ in range(PAGE)) for _ in range(N)]
        sreqs = []
        for i, pg in enumerate(rpages):
            sreqs.append({"op": "vm_write", "task": T, "address": hx(rb + i * PAGE), "data": b64(pg)})
            sreqs.append({"op": "vm_copy", "task": T, "source_address": hx(rb + i * PAGE), "count": hx(PAGE),
                          "dest_address": hx(rb + (N + i) * PAGE)})
        for i in range(N):
            sreqs.append({"op": "vm_read", "task": T, "address": hx(rb + (N + i) * PAGE), "size": hx(PAGE)})
        t5 = time.monotonic()
        res = c.batch(sreqs)
        t_rand = time.monotonic() - t5
        bad = sum(1 for r in res[:2 * N] if r.get("kr") != 0)
        bad += sum(1 for i, r in enumerate(res[2 * N:]) if base64.b64decode(r.get("data", "")) != rpages[i])
        ck.eq("random-page stress: %d requests all correct" % len(sreqs), bad, 0)
        t6 = time.monotonic()
        r = c.one({"op": "vm_read", "task": T, "address": hx(rb), "size": hx(N * PAGE)})
        t_bigread = time.monotonic() - t6
        ck.eq("random-page stress: one %d KiB vm_read" % (N * 4), base64.b64decode(r.get("data", "")), b"".join(rpages))
        print("random-page stress: %d requests (%d random pages written, copied, read) %.2f s; "
              "one %d KiB vm_read of random data %.2f s (%.0f KiB/s)"
              % (len(sreqs), N, t_rand, N * 4, t_bigread, N * 4 / t_bigread))

    # ---- a vm_read whose reply could not fit a shared-memory batch slot: it crosses the console
    big = 0x180000
    ck.kr("large allocate", c.one({"op": "vm_allocate", "task": T, "address": hx(0x4000000), "size": hx(big),
                                   "anywhere": False}), 0)
    r = c.one({"op": "vm_read", "task": T, "address": hx(0x4000000), "size": hx(big)})
    ck.eq("a %d KiB vm_read of fresh memory is zeros" % (big // 1024), base64.b64decode(r.get("data", "")), bytes(big))

    # ---- non-pipelined round trips (one request, wait for its reply)
    t4 = time.monotonic()
    nseq = 20
    for k in range(nseq):
        r = c.one({"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(DST)})
        ck.kr("sequential vm_copy %d" % k, r, 0)
    t_seq = (time.monotonic() - t4) / nseq

    # ---- task_terminate and quit
    res = c.batch([{"op": "task_terminate", "task": T},
                   {"op": "vm_copy", "task": T, "source_address": hx(SRC), "count": hx(PAGE), "dest_address": hx(DST)},
                   {"op": "task_terminate", "task": T}])
    ck.kr("task_terminate", res[0], 0)
    ck.kr("vm_copy on terminated task", res[1], INVALID_DEST)
    ck.kr("task_terminate twice", res[2], INVALID_DEST)
    q = c.one({"op": "quit"})
    ck.eq("quit response", q, {"id": q.get("id")})
    try:
        rc = c.p.wait(timeout=15)
    except subprocess.TimeoutExpired:
        c.p.kill()
        rc = "timeout"
    ck.eq("adapter exit status", rc, 0)
    total = time.monotonic() - t0

    print("timings: boot to first answer %.2f s; checked ops %.2f s; pipelined batch of %d requests "
          "(%d bytes of JSON) %.2f s (%.2f ms/request); %d pipelined vm_copy %.2f s = %.0f calls/s; "
          "non-pipelined round trip %.1f ms; whole smoke run %.2f s"
          % (t_boot, t_ops, len(reqs), nbytes, t_batch, 1000 * t_batch / len(reqs), n, t_copy,
             n / t_copy if t_copy else 0, 1000 * t_seq, total))
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 0 if ck.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
