// C++ client holding the Rust parser in a unique_ptr with the default deleter.
#include <cstddef>
#include <memory>

struct Parser { unsigned depth, errors; };
extern "C" Parser *parser_new(size_t cap);
extern "C" void parser_feed(Parser *p, unsigned char b);
extern "C" void parser_free(Parser *p);

unsigned count_depth(const char *s)
{
	std::unique_ptr<Parser> p(parser_new(64)); // BUG: ~unique_ptr calls delete
	for (; *s; ++s)
		parser_feed(p.get(), (unsigned char)*s);
	return p->depth;
}
