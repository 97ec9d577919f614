/* Entry point and Mach trap stubs (i386, GNU Mach: lcall $7,$0 with eax = -trap). */
	.text
	.globl _start
_start:
	movl	%esp, %eax		/* eax -> argc, argv[], NULL, envp[], NULL */
	andl	$-16, %esp
	subl	$12, %esp
	pushl	%eax
	call	guest_main
1:	hlt				/* never reached: guest_main does host_reboot */
	jmp	1b

#define TRAP(name, num)		\
	.globl name;		\
name:				\
	movl	$-num, %eax;	\
	lcall	$7, $0;		\
	ret

TRAP(mach_msg_trap, 25)
TRAP(mach_reply_port, 26)
TRAP(mach_thread_self, 27)
TRAP(mach_task_self, 28)
TRAP(mach_host_self, 29)
TRAP(mach_print, 30)

	.section .note.GNU-stack,"",@progbits
