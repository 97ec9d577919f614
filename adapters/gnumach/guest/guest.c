/*
 * vmck guest: a freestanding GNU Mach bootstrap task that serves vm_* requests
 * read from the serial console, calling the real kernel on child tasks.
 *
 * Line protocol (ASCII, one request per line, fields separated by one space,
 * numbers in lowercase or uppercase hex without 0x):
 *   c                          task_create(self, FALSE)     -> =KR HANDLE
 *   t H                        task_terminate               -> =KR
 *   a H ADDR SIZE ANYWHERE     vm_allocate                  -> =KR ADDR
 *   d H ADDR SIZE              vm_deallocate                -> =KR
 *   p H ADDR SIZE SETMAX PROT  vm_protect                   -> =KR
 *   r H ADDR SIZE              vm_read                      -> =KR DATA   (DATA only if KR==0)
 *   h H ADDR SIZE              vm_read, answered by digest  -> =KR DIGEST (FNV-1a 64 of the bytes, 16 hex
 *                                                              digits; only if KR==0)
 *   w H ADDR DATA              vm_write                     -> =KR
 *   v BASE64                   stage data for the next "w H ADDR V" -> =0
 *   y H SRC COUNT DST          vm_copy                      -> =KR
 *   g H ADDR                   vm_region                    -> =KR ADDR SIZE PROT MAXPROT
 *   s [ISPEED]                 console tty status (optionally set the input speed index)
 *                                                       -> =KR ISPEED OSPEED BREAKC FLAGS
 *   b N                        N vm_copy calls of one page in a fresh task, as fast as the
 *                              kernel goes (the host times it: the in-guest rate) -> =KR
 *   M NONCE                    wire the shared area, stamp each page with NONCE (32 hex digits) and
 *                              its index (4 bytes, little-endian)              -> =KR SIZE
 *   mS                         serve the request lines in shared slot S (0 or 1), writing their
 *                              replies there too (layout at SHM_SLOTS)         -> =0
 *   T                          the guest's own accounting: =0 TSC IDLE op:count:ticks ... (hex;
 *                              ticks of the time stamp counter spent serving each op letter, and
 *                              IDLE blocked reading the console)
 *   q                          host_reboot (no reply)
 * DATA is either  P<len>:<pattern-hex>  (the pattern repeated/truncated to len bytes)
 *            or   B<base64>             (RFC 4648 with padding; "B" alone is empty)
 *            or   V                     (in 'w' only: the bytes staged by 'v' lines)
 *            or   Q<len>:<pattern>      (in 'w' only: len bytes of vmck's pattern number <pattern>,
 *                                        a repeated 61-byte stamp: vmck.scenario.Pattern).
 * H is a guest handle (1, 2, ... in task_create order); 0 or an unknown handle is
 * passed to the kernel as MACH_PORT_NULL; a terminated handle keeps its (dead) name.
 * A line the guest cannot parse is answered "!message".
 */
#include <mach/mach_types.h>
#include <mach/message.h>
#include <mach/mig_errors.h>
#include <device/device_types.h>
#include "mach.h"
#include "mach_host.h"
#include "device.h"
#include "mach_port.h"
#include <device/tty_status.h>

extern mach_port_t mach_reply_port(void);
extern mach_port_t mach_task_self(void);
extern mach_msg_return_t mach_msg_trap(mach_msg_header_t *, mach_msg_option_t, mach_msg_size_t,
                                       mach_msg_size_t, mach_port_t, mach_msg_timeout_t, mach_port_t);

/* ---------------- libc-ish support ---------------- */
void *memcpy(void *d, const void *s, unsigned int n)
{
	/* string instructions: a few translated ops per word under qemu's TCG, not per byte */
	void *ret = d;
	unsigned int words = n >> 2, rest = n & 3;
	__asm__ volatile("rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(rest) : : "memory");
	return ret;
}
void *memmove(void *d, const void *s, unsigned int n)
{
	char *dd = d; const char *ss = s;
	if (dd < ss) { while (n--) *dd++ = *ss++; }
	else { dd += n; ss += n; while (n--) *--dd = *--ss; }
	return d;
}
void *memset(void *d, int c, unsigned int n)
{
	char *dd = d;
	while (n--) *dd++ = (char)c;
	return d;
}
int mig_strncpy(char *dst, const char *src, int len)
{
	int i;
	if (len <= 0) return 0;
	for (i = 0; i < len - 1 && src[i]; i++) dst[i] = src[i];
	dst[i] = 0;
	return i;
}

#define MACH_SEND_INTERRUPTED_ 0x10000007
#define MACH_RCV_INTERRUPTED_  0x10004005
mach_msg_return_t mach_msg(mach_msg_header_t *msg, mach_msg_option_t option, mach_msg_size_t send_size,
                           mach_msg_size_t rcv_size, mach_port_t rcv_name, mach_msg_timeout_t timeout,
                           mach_port_t notify)
{
	mach_msg_return_t r;
	for (;;) {
		r = mach_msg_trap(msg, option, send_size, rcv_size, rcv_name, timeout, notify);
		if (r == MACH_SEND_INTERRUPTED_) continue;
		if (r == MACH_RCV_INTERRUPTED_) { option &= ~MACH_SEND_MSG; continue; }
		return r;
	}
}

static mach_port_t self_port, reply_port;
mach_port_t mig_get_reply_port(void)
{
	if (reply_port == MACH_PORT_NULL) reply_port = mach_reply_port();
	return reply_port;
}
void mig_dealloc_reply_port(mach_port_t p)
{
	/* the port may hold a stale reply: destroy it and use a fresh one next time */
	reply_port = MACH_PORT_NULL;
	if (p != MACH_PORT_NULL) (void) mach_port_destroy(self_port, p);
}
void mig_put_reply_port(mach_port_t p) { (void) p; }

/* ---------------- console I/O ---------------- */
static mach_port_t host_priv, dev_master, cons;

#define OUT_MAX (64 * 1024)
static char outbuf[OUT_MAX];
static char *obuf = outbuf;		/* where replies go: the console buffer, or a shared-memory reply area */
static unsigned int outlen, ocap = OUT_MAX;
static int oshared, ooverflow;

static void flush_out(void)
{
	unsigned int off = 0;
	while (off < outlen) {
		int n = outlen - off, written = 0;
		kern_return_t kr;
		if (n > IO_INBAND_MAX) n = IO_INBAND_MAX;
		kr = device_write_inband(cons, 0, 0, outbuf + off, n, &written);
		if (kr != KERN_SUCCESS) break;	/* nothing sensible to do */
		off += written;
	}
	outlen = 0;
}
static void put_ch(char c)
{
	if (outlen >= ocap) {
		/* a shared reply area is never flushed: the host sized it for the batch; say it overflowed */
		if (oshared) { ooverflow = 1; return; }
		flush_out();
	}
	obuf[outlen++] = c;
}
static void put_str(const char *s) { while (*s) put_ch(*s++); }
static const char hexd[] = "0123456789abcdef";
static void put_hex(unsigned int v)
{
	char t[9]; int i = 0;
	do { t[i++] = hexd[v & 15]; v >>= 4; } while (v);
	while (i) put_ch(t[--i]);
}
static void put_sp_hex(unsigned int v) { put_ch(' '); put_hex(v); }

/* Where the guest's time goes, per op letter (for the adapter's exit statistics, op 'T'): the
 * time stamp counter, which qemu's TCG derives from the host clock. */
static unsigned long long op_ticks[128], idle_ticks;
static unsigned int op_count[128];
static unsigned long long rdtsc(void)
{
	unsigned int lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}
static void put_hex64(unsigned long long v)
{
	if (v >> 32) { put_hex((unsigned int)(v >> 32)); for (int s = 28; s >= 0; s -= 4) put_ch(hexd[(v >> s) & 15]); }
	else put_hex((unsigned int)v);
}


#define IN_MAX (1024 * 1024)
static char inbuf[IN_MAX];
static unsigned int in_start, in_end;	/* unread bytes are inbuf[in_start, in_end) */

/* Returns a NUL-terminated line (without '\n'), reading more input as needed.
   Left-over bytes after the newline stay buffered for the next call. */
static char *get_line(void)
{
	unsigned int scan = in_start;
	for (;;) {
		while (scan < in_end) {
			if (inbuf[scan] == '\n') {
				char *line = inbuf + in_start;
				inbuf[scan] = 0;
				if (scan > in_start && inbuf[scan - 1] == '\r') inbuf[scan - 1] = 0;
				in_start = scan + 1;
				return line;
			}
			scan++;
		}
		/* need more input: compact, flush replies, then block reading */
		if (in_start > 0) {
			memmove(inbuf, inbuf + in_start, in_end - in_start);
			scan -= in_start; in_end -= in_start; in_start = 0;
		}
		if (in_end + IO_INBAND_MAX > IN_MAX) {	/* over-long line: drop it */
			in_start = in_end = scan = 0;
			put_str("!line too long\n");
		}
		flush_out();
		{
			io_buf_ptr_inband_t data;
			mach_msg_type_number_t cnt = IO_INBAND_MAX;	/* in: capacity */
			unsigned long long start = rdtsc();
			kern_return_t kr = device_read_inband(cons, 0, 0, IO_INBAND_MAX, data, &cnt);
			idle_ticks += rdtsc() - start;
			if (kr == KERN_SUCCESS && cnt > 0) {
				memcpy(inbuf + in_end, data, cnt);
				in_end += cnt;
			}
		}
	}
}

/* ---------------- parsing ---------------- */
static char *cur;
static int bad;

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}
static unsigned int get_num(void)
{
	unsigned int v = 0; int n = 0, d;
	if (*cur != ' ') { bad = 1; return 0; }
	cur++;
	while ((d = hexval(*cur)) >= 0) {
		v = (v << 4) | (unsigned int)d; cur++;
		if (++n > 8) { bad = 1; return 0; }
	}
	if (n == 0) bad = 1;
	return v;
}
static int at_end(void) { return *cur == 0; }

/* ---------------- data encoding ---------------- */
#define WBUF_MAX (768 * 1024)
static char wbuf[WBUF_MAX] __attribute__((aligned(4096)));

static int b64val(char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}
static const char b64d[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static unsigned int vlen;	/* bytes staged in wbuf by 'v' lines */

/* Decodes base64 at cur into wbuf + start; returns the new length or -1. */
static int decode_b64(int len)
{
	unsigned int acc = 0; int bits = 0, v;
	while (*cur && *cur != '=') {
		if ((v = b64val(*cur)) < 0) return -1;
		acc = (acc << 6) | (unsigned int)v; bits += 6; cur++;
		if (bits >= 8) {
			bits -= 8;
			if (len >= WBUF_MAX) return -1;
			wbuf[len++] = (char)(acc >> bits);
		}
	}
	while (*cur == '=') cur++;
	return len;
}

/* Fills buf[0, size) with vmck's pattern number pattern: its 61-byte stamp, repeated. */
static void fill_pattern(char *buf, unsigned int pattern, unsigned int size)
{
	unsigned long long state = 0x9E3779B97F4A7C15ULL * ((unsigned long long)pattern + 1ULL);
	unsigned int i, filled;
	char stamp[61];
	for (i = 0; i < 61; i++) {
		unsigned int v;
		state ^= state >> 29;
		state *= 0xBF58476D1CE4E5B9ULL;
		state ^= state >> 32;
		v = (unsigned int)(state & 0xFF);
		stamp[i] = (char)(v == 0 ? 1 + i : v);
	}
	filled = size < 61 ? size : 61;
	memcpy(buf, stamp, filled);
	while (filled < size) {		/* doubling: the stamp's period survives every copy */
		unsigned int n = size - filled < filled ? size - filled : filled;
		memcpy(buf + filled, buf, n);
		filled += n;
	}
}

/* vmck's generator numbers a scenario's writes 0, 1, 2, ...: the same patterns in every scenario.
 * Each pattern's bytes are made once, in a buffer of their own that is never written again, so a
 * vm_write from it costs neither the fill nor the copy-on-write fault that rewriting a buffer the
 * kernel now shares with the target would take (measured under TCG: about 25 and 33 us a page).
 * The kernel still gets every byte through a real vm_write. Slot i lives at a fixed address
 * (page 0, which 'anywhere' could give, would be C's null pointer). */
#define PCACHE 256
#define PCACHE_BASE 0x50000000
static struct { unsigned int pattern, cap; } pcache[PCACHE];	/* cap 0: empty */

static const char *pattern_bytes(unsigned int pattern, unsigned int total)
{
	unsigned int i = pattern % PCACHE, need = (total + 4095) & ~4095u;
	vm_address_t at = PCACHE_BASE + (vm_address_t)i * WBUF_MAX;
	if (need == 0) need = 4096;
	if (pcache[i].cap != 0 && pcache[i].cap >= total && pcache[i].pattern == pattern) return (const char *)at;
	if (pcache[i].cap < need) {
		if (pcache[i].cap) (void) vm_deallocate(self_port, at, pcache[i].cap);
		pcache[i].cap = 0;
		if (vm_allocate(self_port, &at, need, FALSE) != KERN_SUCCESS) {
			fill_pattern(wbuf, pattern, total);	/* no cache slot: the plain buffer */
			return wbuf;
		}
		pcache[i].cap = need;
	}
	fill_pattern((char *)at, pattern, pcache[i].cap);
	pcache[i].pattern = pattern;
	return (const char *)at;
}

/* Decodes DATA at cur into wbuf, or points *src at bytes that already hold it; returns length
   or -1. */
static int decode_data(const char **src)
{
	int len = 0;
	*src = wbuf;
	if (*cur != ' ') return -1;
	cur++;
	if (*cur == 'V') {	/* the data staged by preceding 'v' lines */
		cur++;
		len = (int)vlen;
		vlen = 0;
		return len;
	}
	if (*cur == 'P') {
		unsigned int total = 0, plen = 0, i; int n = 0, d;
		char pat[64];
		cur++;
		while ((d = hexval(*cur)) >= 0) { total = (total << 4) | d; cur++; if (++n > 8) return -1; }
		if (n == 0 || *cur != ':') return -1;
		cur++;
		while (hexval(cur[0]) >= 0 && hexval(cur[1]) >= 0) {
			if (plen >= sizeof pat) return -1;
			pat[plen++] = (char)(hexval(cur[0]) * 16 + hexval(cur[1]));
			cur += 2;
		}
		if (total > WBUF_MAX || (plen == 0 && total > 0)) return -1;
		for (i = 0; i < total; i++) wbuf[i] = pat[i % plen];
		return (int)total;
	}
	if (*cur == 'B') {
		cur++;
		return decode_b64(0);
	}
	if (*cur == 'Q') {	/* vmck's pattern: must match vmck.scenario.Pattern exactly */
		unsigned int total = 0, pattern = 0; int n = 0, d;
		cur++;
		while ((d = hexval(*cur)) >= 0) { total = (total << 4) | d; cur++; if (++n > 8) return -1; }
		if (n == 0 || *cur != ':') return -1;
		cur++; n = 0;
		while ((d = hexval(*cur)) >= 0) { pattern = (pattern << 4) | d; cur++; if (++n > 8) return -1; }
		if (n == 0 || total > WBUF_MAX) return -1;
		*src = pattern_bytes(pattern, total);
		return (int)total;
	}
	return -1;
}

static unsigned long long fnv1a64(const unsigned char *p, unsigned int n)
{
	/* h * (2^40 + 0x1b3) in 32-bit halves: two multiplies a byte where i386 code takes three */
	unsigned int lo = 0x84222325u, hi = 0xcbf29ce4u, i;
	for (i = 0; i < n; i++) {
		unsigned long long m;
		lo ^= p[i];
		m = (unsigned long long)lo * 0x1b3u;
		hi = hi * 0x1b3u + (lo << 8) + (unsigned int)(m >> 32);
		lo = (unsigned int)m;
	}
	return ((unsigned long long)hi << 32) | lo;
}

/* Nonzero when a and b hold the same n bytes (n a multiple of 4). */
static int same_words(const void *a, const void *b, unsigned int n)
{
	unsigned int words = n >> 2;
	unsigned char equal;
	if (words == 0) return 1;
	__asm__ volatile("repe cmpsl; sete %0" : "=q"(equal), "+S"(a), "+D"(b), "+c"(words) : : "memory", "cc");
	return equal;
}

/* Digests of page contents seen before, each kept with a copy of its bytes: the suite reads
 * fresh pages and pattern pages over and over, and comparing a page with a copy costs a fraction
 * of FNV's dependent multiply a byte (about 14 us a page under TCG). A hit is an exact match. */
#define DMEMO 64
#define DMEMO_MAX 4096
static struct { unsigned int len; unsigned long long digest; } dmemo[DMEMO];
static char dmemo_copy[DMEMO][DMEMO_MAX] __attribute__((aligned(4096)));

static unsigned long long digest_of(const unsigned char *p, unsigned int n)
{
	unsigned int key = n, i, slot;
	unsigned long long d;
	if (n == 0 || n > DMEMO_MAX || (n & 3)) return fnv1a64(p, n);
	for (i = 0; i < 8; i++) key = key * 31 + ((const unsigned int *)p)[(i * (n / 4 - 1)) / 7];
	slot = key % DMEMO;
	if (dmemo[slot].len == n && same_words(dmemo_copy[slot], p, n)) return dmemo[slot].digest;
	d = fnv1a64(p, n);
	memcpy(dmemo_copy[slot], p, n);
	dmemo[slot].len = n;
	dmemo[slot].digest = d;
	return d;
}

/* Writes " DIGEST": FNV-1a 64 of the bytes (vmck.scenario.ReadDigest), 16 hex digits. */
static void put_digest(const unsigned char *p, unsigned int n)
{
	unsigned long long h = digest_of(p, n);
	int shift;
	put_ch(' ');
	for (shift = 60; shift >= 0; shift -= 4) put_ch(hexd[(unsigned int)(h >> shift) & 15]);
}

/* Writes " DATA" for the given bytes. */
static void put_data(const unsigned char *p, unsigned int n)
{
	unsigned int per, i;
	put_ch(' ');
	for (per = 1; per <= 64 && per < n; per++) {
		for (i = per; i < n; i++) if (p[i] != p[i - per]) break;
		if (i == n) break;
	}
	if (n > 0 && per <= 64 && (per < n || n <= 64)) {
		if (per > n) per = n;
		put_ch('P'); put_hex(n); put_ch(':');
		for (i = 0; i < per; i++) { put_ch(hexd[p[i] >> 4]); put_ch(hexd[p[i] & 15]); }
		return;
	}
	put_ch('B');
	for (i = 0; i + 3 <= n; i += 3) {
		unsigned int v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
		put_ch(b64d[v >> 18]); put_ch(b64d[(v >> 12) & 63]);
		put_ch(b64d[(v >> 6) & 63]); put_ch(b64d[v & 63]);
	}
	if (n - i == 1) {
		unsigned int v = p[i] << 16;
		put_ch(b64d[v >> 18]); put_ch(b64d[(v >> 12) & 63]); put_ch('='); put_ch('=');
	} else if (n - i == 2) {
		unsigned int v = (p[i] << 16) | (p[i + 1] << 8);
		put_ch(b64d[v >> 18]); put_ch(b64d[(v >> 12) & 63]); put_ch(b64d[(v >> 6) & 63]); put_ch('=');
	}
}

/* ---------------- tasks ---------------- */
#define MAX_TASKS 65536
static mach_port_t tasks[MAX_TASKS];	/* tasks[h] = port name, h >= 1 */
static unsigned int ntasks;

static mach_port_t task_of(unsigned int h)
{
	if (h == 0 || h > ntasks) return MACH_PORT_NULL;
	return tasks[h];
}

/* ---------------- the shared-memory transport ----------------
 * The host maps the guest's RAM (qemu's memory backend is a file it shares). 'M NONCE' wires
 * SHM_SIZE bytes here and stamps each page with the nonce and its index, so the host can find the
 * pages in that file; 'm' then runs a whole batch of request lines written there by the host and
 * writes the replies there too, so only the 'm' line and its reply cross the serial console. */
#define SHM_SIZE (3 * 1024 * 1024)
/* Two batch slots, so the host can write one while the guest serves the other. A slot holds its
 * request length (4 bytes, little-endian) at 0 and the request lines from 8; its reply length at
 * SLOT_REQ and the reply lines from SLOT_REQ + 8. The console carries only "mS" and "=0": every
 * console character costs an emulated interrupt and a read completion, about the price of a
 * dozen vm_copy calls. */
#define SHM_SLOTS 2
#define SLOT_SIZE (SHM_SIZE / SHM_SLOTS)
#define SLOT_REQ (512 * 1024)
static vm_address_t shm_base;
static vm_size_t shm_size;	/* 0 until 'M' succeeds */

static void reply_kr(kern_return_t kr) { put_ch('='); put_hex((unsigned int)kr); }

static void serve_op(char *line);
static void serve(char *line)
{
	unsigned int op = (unsigned char)line[0] & 127;
	unsigned long long start = rdtsc();
	serve_op(line);
	op_ticks[op] += rdtsc() - start;
	op_count[op]++;
}

static void serve_op(char *line)
{
	char op = line[0];
	kern_return_t kr;
	mach_port_t t;
	cur = line + 1; bad = 0;
	switch (op) {
	case 0:
		return;		/* empty line: ignore */
	case 'c': {
		mach_port_t child = MACH_PORT_NULL;
		if (!at_end()) break;
		if (ntasks + 1 >= MAX_TASKS) { put_str("!too many tasks\n"); return; }
		kr = task_create(self_port, FALSE, &child);
		reply_kr(kr);
		if (kr == KERN_SUCCESS) { tasks[++ntasks] = child; put_sp_hex(ntasks); }
		put_ch('\n');
		return;
	}
	case 't': {
		t = task_of(get_num());
		if (bad || !at_end()) break;
		reply_kr(task_terminate(t)); put_ch('\n');
		return;
	}
	case 'a': {
		vm_address_t a; vm_size_t s; boolean_t any;
		t = task_of(get_num()); a = get_num(); s = get_num(); any = get_num();
		if (bad || !at_end()) break;
		kr = vm_allocate(t, &a, s, any);
		reply_kr(kr); put_sp_hex(a); put_ch('\n');
		return;
	}
	case 'd': {
		vm_address_t a; vm_size_t s;
		t = task_of(get_num()); a = get_num(); s = get_num();
		if (bad || !at_end()) break;
		reply_kr(vm_deallocate(t, a, s)); put_ch('\n');
		return;
	}
	case 'p': {
		vm_address_t a; vm_size_t s; boolean_t setmax; vm_prot_t prot;
		t = task_of(get_num()); a = get_num(); s = get_num(); setmax = get_num(); prot = get_num();
		if (bad || !at_end()) break;
		reply_kr(vm_protect(t, a, s, setmax, prot)); put_ch('\n');
		return;
	}
	case 'r':
	case 'h': {	/* 'h': vm_read answered by the digest of the bytes: a few bytes on the link instead of a page */
		vm_address_t a; vm_size_t s; vm_offset_t data = 0; mach_msg_type_number_t cnt = 0;
		t = task_of(get_num()); a = get_num(); s = get_num();
		if (bad || !at_end()) break;
		kr = vm_read(t, a, s, &data, &cnt);
		reply_kr(kr);
		if (kr == KERN_SUCCESS) {
			if (op == 'h')
				put_digest((const unsigned char *)data, cnt);
			else
				put_data((const unsigned char *)data, cnt);
			if (cnt) (void) vm_deallocate(self_port, data, cnt);
		}
		put_ch('\n');
		return;
	}
	case 'w': {
		vm_address_t a; int n; const char *src;
		t = task_of(get_num()); a = get_num();
		if (bad) break;
		n = decode_data(&src);
		if (n < 0 || !at_end()) { put_str("!bad data\n"); return; }
		reply_kr(vm_write(t, a, (vm_offset_t)src, n)); put_ch('\n');
		return;
	}
	case 'v': {	/* stage a base64 chunk (a multiple of 4 characters) for the next 'w ... V' */
		int n;
		if (*cur != ' ') break;
		cur++;
		n = decode_b64((int)vlen);
		if (n < 0 || !at_end()) { vlen = 0; put_str("!bad data\n"); return; }
		vlen = (unsigned int)n;
		put_str("=0\n");
		return;
	}
	case 'y': {
		vm_address_t src, dst; vm_size_t cnt;
		t = task_of(get_num()); src = get_num(); cnt = get_num(); dst = get_num();
		if (bad || !at_end()) break;
		reply_kr(vm_copy(t, src, cnt, dst)); put_ch('\n');
		return;
	}
	case 'g': {
		vm_address_t a; vm_size_t s = 0; vm_prot_t prot = 0, maxp = 0; vm_inherit_t inh = 0;
		boolean_t shared = 0; mach_port_t obj = MACH_PORT_NULL; vm_offset_t off = 0;
		t = task_of(get_num()); a = get_num();
		if (bad || !at_end()) break;
		kr = vm_region(t, &a, &s, &prot, &maxp, &inh, &shared, &obj, &off);
		if (obj != MACH_PORT_NULL) (void) mach_port_deallocate(self_port, obj);
		reply_kr(kr);
		if (kr == KERN_SUCCESS) { put_sp_hex(a); put_sp_hex(s); put_sp_hex(prot); put_sp_hex(maxp); }
		put_ch('\n');
		return;
	}
	case 's':	/* console tty status; "s" reads it, "s I" sets the input speed index */
	{
		struct tty_status ts;
		mach_msg_type_number_t cnt = TTY_STATUS_COUNT;
		unsigned int ispeed = 0; int set = 0;
		if (!at_end()) { ispeed = get_num(); set = 1; }
		if (bad || !at_end()) break;
		kr = device_get_status(cons, TTY_STATUS, (dev_status_t)&ts, &cnt);
		if (kr == KERN_SUCCESS && set) {
			ts.tt_ispeed = (int)ispeed;
			kr = device_set_status(cons, TTY_STATUS, (dev_status_t)&ts, TTY_STATUS_COUNT);
		}
		reply_kr(kr);
		put_sp_hex(ts.tt_ispeed); put_sp_hex(ts.tt_ospeed); put_sp_hex(ts.tt_breakc); put_sp_hex(ts.tt_flags);
		put_ch('\n');
		return;
	}
	case 'M': {	/* M NONCE (32 hex digits): wire the shared area and stamp its pages -> =KR SIZE */
		unsigned char nonce[16];
		unsigned int i;
		vm_address_t base = 0;
		if (*cur != ' ' || oshared) break;
		cur++;
		for (i = 0; i < 16; i++) {
			int hi = hexval(cur[0]), lo = hi < 0 ? -1 : hexval(cur[1]);
			if (lo < 0) { bad = 1; break; }
			nonce[i] = (unsigned char)(hi * 16 + lo);
			cur += 2;
		}
		if (bad || !at_end()) break;
		kr = KERN_SUCCESS;
		if (shm_size == 0) {
			/* a fixed place far from the program and its buffers (and never page 0, which
			   'anywhere' may give here and which C treats as a null pointer) */
			base = 0x40000000;
			kr = vm_allocate(self_port, &base, SHM_SIZE, FALSE);
			/* wired, so a page never moves or leaves memory while the host holds its place */
			if (kr == KERN_SUCCESS) {
				kr = vm_wire(host_priv, self_port, base, SHM_SIZE, VM_PROT_READ | VM_PROT_WRITE);
				if (kr != KERN_SUCCESS) (void) vm_deallocate(self_port, base, SHM_SIZE);
				else { shm_base = base; shm_size = SHM_SIZE; }
			}
		}
		if (kr == KERN_SUCCESS) {
			for (i = 0; i < shm_size / 4096; i++) {
				unsigned char *page = (unsigned char *)shm_base + i * 4096;
				memcpy(page, nonce, 16);
				page[16] = (unsigned char)i; page[17] = (unsigned char)(i >> 8);
				page[18] = (unsigned char)(i >> 16); page[19] = (unsigned char)(i >> 24);
			}
		}
		reply_kr(kr);
		if (kr == KERN_SUCCESS) put_sp_hex(shm_size);
		put_ch('\n');
		return;
	}
	case 'm': {	/* mS: serve the batch in shared slot S -> =0 (layout at SHM_SLOTS) */
		unsigned int slot, reqlen, replen;
		char *base, *p, *end, *saved_obuf = obuf;
		unsigned int saved_len = outlen, saved_cap = ocap;
		slot = (unsigned int)hexval(*cur);
		if (slot >= SHM_SLOTS || cur[1] != 0 || oshared || shm_size == 0) break;
		base = (char *)shm_base + slot * SLOT_SIZE;
		reqlen = *(volatile unsigned int *)base;
		if (reqlen > SLOT_REQ - 8 || (reqlen > 0 && base[8 + reqlen - 1] != '\n')) {
			put_str("!bad batch\n");
			return;
		}
		p = base + 8;
		end = p + reqlen;
		obuf = base + SLOT_REQ + 8; outlen = 0; ocap = SLOT_SIZE - SLOT_REQ - 8; oshared = 1; ooverflow = 0;
		while (p < end) {
			char *nl = p;
			while (*nl != '\n') nl++;
			*nl = 0;
			if (nl > p && nl[-1] == '\r') nl[-1] = 0;
			serve(p);
			p = nl + 1;
		}
		replen = outlen;
		obuf = saved_obuf; outlen = saved_len; ocap = saved_cap; oshared = 0;
		if (ooverflow) { put_str("!batch replies overflowed the reply area\n"); return; }
		*(volatile unsigned int *)(base + SLOT_REQ) = replen;
		put_str("=0\n");
		return;
	}
	case 'T': {	/* where the time went: =0 NOW IDLE then op:count:ticks for each op seen (hex) */
		unsigned int i;
		if (!at_end()) break;
		reply_kr(KERN_SUCCESS); put_ch(' '); put_hex64(rdtsc()); put_ch(' '); put_hex64(idle_ticks);
		for (i = 1; i < 128; i++) {
			if (!op_count[i] || i == 'T') continue;
			put_ch(' '); put_ch((char)i); put_ch(':'); put_hex(op_count[i]); put_ch(':'); put_hex64(op_ticks[i]);
		}
		put_ch('\n');
		return;
	}
	case 'b': {	/* the in-guest rate: N one-page vm_copy calls with no link in between */
		mach_port_t child = MACH_PORT_NULL;
		vm_address_t a = 0x10000;
		unsigned int n = get_num(), i;
		if (bad || !at_end()) break;
		kr = task_create(self_port, FALSE, &child);
		if (kr == KERN_SUCCESS) kr = vm_allocate(child, &a, 0x2000, FALSE);
		for (i = 0; kr == KERN_SUCCESS && i < n; i++) kr = vm_copy(child, a, 0x1000, a + 0x1000);
		if (child != MACH_PORT_NULL) (void) task_terminate(child);
		reply_kr(kr); put_ch('\n');
		return;
	}
	case 'q':
		flush_out();
		(void) host_reboot(host_priv, 0);
		put_str("!host_reboot failed\n");
		return;
	default:
		break;
	}
	put_str("!bad request\n");
}

static unsigned int atou(const char *s)
{
	unsigned int v = 0;
	while (*s >= '0' && *s <= '9') v = v * 10 + (unsigned int)(*s++ - '0');
	return v;
}

void guest_main(int *sp)
{
	int argc = sp[0];
	char **argv = (char **)(sp + 1);
	kern_return_t kr;

	self_port = mach_task_self();
	host_priv = argc > 1 ? atou(argv[1]) : 1;
	dev_master = argc > 2 ? atou(argv[2]) : 2;
	kr = device_open(dev_master, D_READ | D_WRITE, "console", &cons);
	if (kr != KERN_SUCCESS) {
		(void) host_reboot(host_priv, 0);
		for (;;) ;
	}
	put_str("\nVMCK-GNUMACH-READY 1\n");
	for (;;) serve(get_line());
}
