/* A message bus keeping subscribers (callback + user data) in a global table. */
struct sub { void (*cb)(void *, unsigned); void *user; };
static struct sub subs[8];
static int nsubs;

int bus_subscribe(void (*cb)(void *, unsigned), void *user)
{
	if (nsubs == 8)
		return -1;
	subs[nsubs].cb = cb;
	subs[nsubs].user = user;
	return nsubs++;
}

void bus_publish(unsigned m)
{
	for (int i = 0; i < nsubs; i++)
		subs[i].cb(subs[i].user, m);
}
