/* The C prototype: int flag, int result. */
static int flags[16];

int sock_set_nonblocking(int fd, int on)
{
	int old = flags[fd & 15];
	flags[fd & 15] = on;
	return old;
}
