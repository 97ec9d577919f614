/* Minimal mig_support.h shim for the freestanding vmck guest. */
#ifndef VMCK_MIG_SUPPORT_H
#define VMCK_MIG_SUPPORT_H
#include <mach/port.h>
#include <mach/message.h>
extern mach_port_t mig_get_reply_port(void);
extern void mig_dealloc_reply_port(mach_port_t);
extern void mig_put_reply_port(mach_port_t);
extern int mig_strncpy(char *dst, const char *src, int len);
extern void *memcpy(void *, const void *, unsigned int);
extern void *memset(void *, int, unsigned int);
extern mach_msg_return_t mach_msg(mach_msg_header_t *, mach_msg_option_t, mach_msg_size_t,
                                  mach_msg_size_t, mach_port_t, mach_msg_timeout_t, mach_port_t);
#endif
