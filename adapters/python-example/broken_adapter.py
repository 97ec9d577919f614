#!/usr/bin/env python3
"""vm_adapter.py with one deliberate bug, for testing vmck itself (how it judges and shrinks a
broken implementation behind a slow link). Never a template: see vm_adapter.py for that.

Usage: python3 broken_adapter.py BUG, where BUG is
  overlap          pages copied front to back (bcopy, not memmove): an overlapping copy with the
                   destination above the source re-reads pages it already overwrote
  after-40-copies  a per-task table of recent copies fills up after 40 copies; every later copy
                   stops one page short
"""

import sys

import vm_adapter
from vm_adapter import PAGE


class ForwardCopyTask(vm_adapter.Task):
    def move(self, source, count, dest):
        for done in range(0, count, PAGE):
            self.write_bytes(dest + done, self.read_bytes(source + done, min(PAGE, count - done)))


class LastPageDroppedTask(vm_adapter.Task):
    HEALTHY_COPIES = 40

    def __init__(self):
        super().__init__()
        self.copies = 0

    def move(self, source, count, dest):
        self.copies += 1
        if self.copies > self.HEALTHY_COPIES:
            count -= PAGE
        if count > 0:
            super().move(source, count, dest)


BUGS = {"overlap": ForwardCopyTask, "after-40-copies": LastPageDroppedTask}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in BUGS:
        sys.stderr.write("usage: broken_adapter.py %s\n" % "|".join(sorted(BUGS)))
        sys.exit(2)
    vm_adapter.Task = BUGS[sys.argv[1]]  # Adapter creates tasks through the module's name
    vm_adapter.main()
