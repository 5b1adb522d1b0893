// C++ caller passing a trampoline that throws when the visitor rejects a key.
#include <stdexcept>

extern "C" int index_for_each(unsigned n, int (*cb)(unsigned char *, unsigned), unsigned char *ctx);

static int visit(unsigned char *ctx, unsigned key)
{
	if (key > *ctx)
		throw std::out_of_range("key beyond limit"); // unwinds through Rust's index_for_each
	return (int)key;
}

int sum_keys(unsigned n, unsigned char limit)
{
	try {
		return index_for_each(n, visit, &limit);
	} catch (const std::exception &) {
		return -1;
	}
}
