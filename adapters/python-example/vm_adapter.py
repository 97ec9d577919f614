#!/usr/bin/env python3
"""A vmck protocol v1 adapter: an independent, in-memory model of GNU Mach's vm_copy.

It exists to show how small an adapter can be, and to give vmck a second implementation
written without looking at the reference model. Standard library only.

Memory is a dict of pages (page number -> Page). A task is a dict handle -> address space.
See spec/PROTOCOL.md for the wire contract; run with `python3 vm_adapter.py`.
"""

import base64
import json
import sys

PAGE = 4096
MIN_ADDRESS = 0x1000
MAX_ADDRESS = 0xC0000000  # exclusive
ADDRESS_BITS = 32

KERN_SUCCESS = 0
KERN_INVALID_ADDRESS = 1
KERN_PROTECTION_FAILURE = 2
KERN_NO_SPACE = 3
KERN_INVALID_ARGUMENT = 4
MACH_SEND_INVALID_DEST = 0x10000003  # what a call on a dead task port gets

READ, WRITE, EXECUTE = 1, 2, 4
DEFAULT_PROT, ALL_PROT = READ | WRITE, READ | WRITE | EXECUTE


def trunc_page(a):
    return a & ~(PAGE - 1)


def round_page(a):
    return (a + PAGE - 1) & ~(PAGE - 1)


def aligned(a):
    return a % PAGE == 0


class Page:
    __slots__ = ("data", "prot", "max_prot")

    def __init__(self):
        self.data = bytearray(PAGE)  # new memory is zero-filled
        self.prot = DEFAULT_PROT
        self.max_prot = ALL_PROT


class Task:
    def __init__(self):
        self.pages = {}  # page number -> Page

    def page_range(self, start, size):
        """Page numbers covering [start, start+size), or None if the range leaves the address space."""
        end = start + size
        if end > 1 << ADDRESS_BITS:
            return None
        return range(trunc_page(start) // PAGE, round_page(end) // PAGE)

    def walk(self, start, size, needed):
        """GNU Mach's map walk: first hole -> KERN_INVALID_ADDRESS, first page lacking `needed` -> KERN_PROTECTION_FAILURE."""
        pages = self.page_range(start, size)
        if pages is None:
            return KERN_INVALID_ADDRESS
        for n in pages:
            page = self.pages.get(n)
            if page is None:
                return KERN_INVALID_ADDRESS
            if page.prot & needed != needed:
                return KERN_PROTECTION_FAILURE
        return KERN_SUCCESS

    def read_bytes(self, start, size):
        out = bytearray()
        address = start
        while address < start + size:
            offset = address % PAGE
            chunk = min(PAGE - offset, start + size - address)
            out += self.pages[address // PAGE].data[offset:offset + chunk]
            address += chunk
        return bytes(out)

    def write_bytes(self, start, data):
        address, i = start, 0
        while i < len(data):
            offset = address % PAGE
            chunk = min(PAGE - offset, len(data) - i)
            self.pages[address // PAGE].data[offset:offset + chunk] = data[i:i + chunk]
            address += chunk
            i += chunk

    # ----- the calls ------------------------------------------------------------------------

    def vm_allocate(self, address, size, anywhere):
        if size == 0:
            return KERN_SUCCESS, 0
        if anywhere:
            size = round_page(size)
            address = self.find_space(size)
            if address is None:
                return KERN_NO_SPACE, 0
        else:
            # the pages the byte range touches, as GNU Mach rounds it
            address, size = trunc_page(address), round_page(address + size) - trunc_page(address)
            if address < MIN_ADDRESS or address + size > MAX_ADDRESS:
                return KERN_INVALID_ADDRESS, 0
            if any(n in self.pages for n in range(address // PAGE, (address + size) // PAGE)):
                return KERN_NO_SPACE, 0
        for n in range(address // PAGE, (address + size) // PAGE):
            self.pages[n] = Page()
        return KERN_SUCCESS, address

    def find_space(self, size):
        """First fit from the bottom of the user range."""
        candidate = MIN_ADDRESS
        for n in sorted(self.pages):
            if n * PAGE >= candidate + size:
                break
            candidate = max(candidate, (n + 1) * PAGE)
        return candidate if candidate + size <= MAX_ADDRESS else None

    def vm_deallocate(self, address, size):
        if size == 0:
            return KERN_SUCCESS
        pages = self.page_range(address, size)
        if pages is None:
            return KERN_INVALID_ADDRESS
        for n in pages:
            self.pages.pop(n, None)  # holes are fine
        return KERN_SUCCESS

    def vm_protect(self, address, size, set_maximum, new_prot):
        if new_prot & ~ALL_PROT:
            return KERN_INVALID_ARGUMENT
        if size == 0:
            return KERN_SUCCESS
        pages = self.page_range(address, size)
        if pages is None:
            return KERN_INVALID_ADDRESS
        present = [self.pages[n] for n in pages if n in self.pages]  # holes are skipped
        if any(new_prot & ~p.max_prot for p in present):
            return KERN_PROTECTION_FAILURE  # a maximum is never raised; nothing changes
        for p in present:
            if set_maximum:
                p.max_prot = new_prot
                p.prot &= new_prot
            else:
                p.prot = new_prot
        return KERN_SUCCESS

    def vm_read(self, address, size):
        if size == 0:
            return KERN_SUCCESS, b""
        kr = self.walk(address, size, READ)
        return (kr, self.read_bytes(address, size) if kr == KERN_SUCCESS else None)

    def vm_write(self, address, data):
        if not (aligned(address) and aligned(len(data))):
            return KERN_INVALID_ARGUMENT  # vm_write moves whole pages
        if not data:
            return KERN_SUCCESS
        kr = self.walk(address, len(data), WRITE)
        if kr == KERN_SUCCESS:
            self.write_bytes(address, data)
        return kr

    def vm_copy(self, source, count, dest):
        # GNU Mach order: count 0, source walk, alignment, destination walk.
        if count == 0:
            return KERN_SUCCESS
        if round_page(source + count) >= 1 << ADDRESS_BITS:
            # vm_map_copyin: the source's page-rounded end wraps to 0 (vmck found this one missing).
            return KERN_INVALID_ADDRESS
        kr = self.walk(source, count, READ)
        if kr != KERN_SUCCESS:
            return kr
        if not (aligned(source) and aligned(count) and aligned(dest)):
            return KERN_INVALID_ARGUMENT
        kr = self.walk(dest, count, WRITE)
        if kr != KERN_SUCCESS:
            return kr
        self.move(source, count, dest)
        return KERN_SUCCESS

    def move(self, source, count, dest):
        """The copy itself, once every check passed."""
        self.write_bytes(dest, self.read_bytes(source, count))  # read first: memmove semantics

    def vm_region(self, address):
        above = [n for n in self.pages if n >= address // PAGE]
        if not above:
            return {"kr": KERN_NO_SPACE}
        first = min(above)
        page = self.pages[first]

        def same(n):
            return n in self.pages and (self.pages[n].prot, self.pages[n].max_prot) == (page.prot, page.max_prot)

        while same(first - 1):  # the region holding the address starts where its protections start
            first -= 1
        last = first
        while same(last + 1):
            last += 1
        return {"kr": KERN_SUCCESS, "address": hex(first * PAGE), "size": hex((last - first + 1) * PAGE),
                "protection": page.prot, "max_protection": page.max_prot}


# ----- protocol v1 --------------------------------------------------------------------------

class Malformed(Exception):
    pass


def hex_arg(request, name):
    value = request.get(name)
    if not isinstance(value, str) or not value.startswith("0x"):
        raise Malformed("%s must be a 0x hex string" % name)
    try:
        return int(value[2:], 16)
    except ValueError:
        raise Malformed("%s is not hex: %r" % (name, value))


class Adapter:
    def __init__(self):
        self.tasks = {}
        self.next_handle = 1

    def task(self, request):
        return self.tasks.get(request.get("task"))

    def handle(self, request):
        op = request.get("op")
        if op == "hello":
            return {"protocol": 1, "name": "python-example (GNU Mach semantics)", "version": "1.0",
                    "page_size": PAGE, "min_address": hex(MIN_ADDRESS), "max_address": hex(MAX_ADDRESS),
                    "address_bits": ADDRESS_BITS}
        if op == "task_create":
            handle, self.next_handle = self.next_handle, self.next_handle + 1
            self.tasks[handle] = Task()
            return {"kr": KERN_SUCCESS, "task": handle}
        if op == "quit":
            return {}
        ops = {"task_terminate", "vm_allocate", "vm_deallocate", "vm_protect", "vm_read", "vm_write",
               "vm_copy", "vm_region"}
        if op not in ops:
            return {"error": "unsupported", "message": "unknown op %r" % (op,)}
        task = self.task(request)
        if task is None:
            return {"kr": MACH_SEND_INVALID_DEST}
        if op == "task_terminate":
            del self.tasks[request["task"]]
            return {"kr": KERN_SUCCESS}
        if op == "vm_allocate":
            kr, address = task.vm_allocate(hex_arg(request, "address"), hex_arg(request, "size"),
                                           bool(request.get("anywhere")))
            return {"kr": kr, "address": hex(address)}
        if op == "vm_deallocate":
            return {"kr": task.vm_deallocate(hex_arg(request, "address"), hex_arg(request, "size"))}
        if op == "vm_protect":
            return {"kr": task.vm_protect(hex_arg(request, "address"), hex_arg(request, "size"),
                                          bool(request.get("set_maximum")), int(request["new_protection"]))}
        if op == "vm_read":
            kr, data = task.vm_read(hex_arg(request, "address"), hex_arg(request, "size"))
            response = {"kr": kr}
            if kr == KERN_SUCCESS:
                response["data"] = base64.b64encode(data).decode("ascii")
            return response
        if op == "vm_write":
            data = base64.b64decode(request.get("data", ""), validate=True)
            return {"kr": task.vm_write(hex_arg(request, "address"), data)}
        if op == "vm_copy":
            return {"kr": task.vm_copy(hex_arg(request, "source_address"), hex_arg(request, "count"),
                                       hex_arg(request, "dest_address"))}
        return task.vm_region(hex_arg(request, "address"))


def main():
    adapter = Adapter()
    out = sys.stdout
    for line in sys.stdin:  # requests may arrive pipelined: just answer them in order
        if not line.strip():
            continue
        request_id, quit = None, False
        try:
            request = json.loads(line)
            request_id = request.get("id") if isinstance(request, dict) else None
            if not isinstance(request, dict) or not isinstance(request_id, int):
                raise Malformed("a request is a JSON object with an integer id")
            response = adapter.handle(request)
            quit = request.get("op") == "quit"
        except (ValueError, KeyError, TypeError, Malformed) as e:
            response = {"error": "malformed", "message": str(e)}
        response = dict({"id": request_id}, **response)
        out.write(json.dumps(response) + "\n")
        out.flush()
        if quit:
            return


if __name__ == "__main__":
    main()
