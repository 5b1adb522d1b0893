// A C++ client of lower.rs: each string owned by a unique_ptr whose deleter gives it back, in a
// try block whose handler returns (so an exception from emplace_back lands in this function).
#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" char *tok_lower(const char *s);
extern "C" void tok_free_string(char *s);

namespace {
struct StringDeleter {
    void operator()(char *s) const { tok_free_string(s); }
};
using RustString = std::unique_ptr<char, StringDeleter>;
} // namespace

// Near miss: released by the unique_ptr on every path, the exception's included.
extern "C" int cpp_words(const char *const *words, size_t n)
{
    try {
        std::vector<std::string> out;
        for (size_t i = 0; i < n; i++) {
            RustString lower(tok_lower(words[i]));
            out.emplace_back(lower.get());
        }
        return (int)out.size();
    } catch (const std::exception &) {
        return -1;
    }
}

// Bug: the raw string is never given back.
extern "C" int cpp_first_len(const char *const *words)
{
    try {
        char *raw = tok_lower(words[0]);
        return (int)strlen(raw);
    } catch (const std::exception &) {
        return -1;
    }
}
