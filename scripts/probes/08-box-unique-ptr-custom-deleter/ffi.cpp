// C++ client holding the Rust parser in a unique_ptr whose deleter is parser_free.
#include <cstddef>
#include <memory>

struct Parser { unsigned depth, errors; };
extern "C" Parser *parser_new(size_t cap);
extern "C" void parser_feed(Parser *p, unsigned char b);
extern "C" void parser_free(Parser *p);

struct ParserDeleter { void operator()(Parser *p) const { parser_free(p); } };

unsigned count_depth(const char *s)
{
	std::unique_ptr<Parser, ParserDeleter> p(parser_new(64));
	for (; *s; ++s)
		parser_feed(p.get(), (unsigned char)*s);
	return p->depth;
}
