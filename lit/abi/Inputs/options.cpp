// A C API over C++ whose options differ in what they may throw (zmq_setsockopt, zmq_msg_get):
// only the string options may throw (a std::string built, which may throw std::bad_alloc; a
// length refused).
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

enum { OPT_LINGER = 17, OPT_HWM = 23, OPT_IDENTITY = 5, OPT_NAME = 90 };

struct options {
	int linger, hwm;
	std::string identity, name;
};

static options opts;

// The generic parser: a switch on the option, as libzmq's options_t::setsockopt.
static int options_set(options *o, int option, const void *value, size_t len)
{
	switch (option) {
	case OPT_LINGER:
		o->linger = *static_cast<const int *>(value);
		return 0;
	case OPT_HWM:
		o->hwm = *static_cast<const int *>(value);
		return 0;
	case OPT_IDENTITY:
		if (len > 255)
			throw std::length_error("identity longer than 255 bytes");
		o->identity.assign(static_cast<const char *>(value), len);
		return 0;
	default:
		return -1;
	}
}

// A wrapper that passes the option on, with a test of its own first.
extern "C" __attribute__((noinline)) int opt_set(int option, const void *value, size_t len)
{
	if (option == OPT_NAME) {
		opts.name = std::string(static_cast<const char *>(value), len);
		return 0;
	}
	return options_set(&opts, option, value, len);
}

// A property getter whose one string property may throw (zmq_msg_get's ZMQ_SRCFD), and the
// accessor that always asks for a plain one (zmq_msg_more).
extern "C" __attribute__((noinline)) int prop_get(int prop)
{
	switch (prop) {
	case 1:
		return opts.linger;
	case 2:
		if (opts.identity.empty())
			throw std::runtime_error("no identity");
		return std::atoi(opts.identity.c_str());
	default:
		return -1;
	}
}

extern "C" int prop_more(void)
{
	return prop_get(1);
}

extern "C" int set_limits(int linger, int hwm);
extern "C" int more(void);
extern "C" int set_short_identity(const unsigned char (*id)[8]);
extern "C" int set_identity(const unsigned char *id, size_t len);
extern "C" int identity_fd(void);
extern "C" int set_any(int option, int value);

int main(int argc, char **argv)
{
	static const unsigned char id[8] = {'c', 'l', 'i', 'e', 'n', 't', '-', '1'};
	int rc = set_limits(argc, 100) + more() + set_short_identity(&id);
	if (argc > 5) /* the bugs, never run by the test */
		rc += set_identity(id, std::strlen(argv[1])) + identity_fd() + set_any(argc, 1);
	return rc == 2 * argc ? 0 : 1; /* both reads of property 1 give the linger */
}
