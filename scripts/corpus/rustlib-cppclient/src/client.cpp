// A C++ client of the Rust tokenizer: RAII wrappers with the library's own release functions,
// std::string copies, a tok_sink of C++ trampolines over a std::function, exceptions thrown and
// caught on the C++ side only.
#include "tok.h"
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct LexerDeleter {
    void operator()(tok_lexer *lx) const { tok_lexer_free(lx); }
};
using Lexer = std::unique_ptr<tok_lexer, LexerDeleter>;

struct StringDeleter {
    void operator()(char *s) const { tok_free_string(s); }
};
using RustString = std::unique_ptr<char, StringDeleter>;

struct Collector {
    std::function<bool(const tok_token &)> each;
    size_t ended = 0;
};

extern "C" int collector_token(void *user, const tok_token *t)
{
    auto *c = static_cast<Collector *>(user);
    try {
        return c->each(*t) ? 0 : 1;
    } catch (...) {
        return 1; // never let an exception cross into Rust
    }
}

extern "C" void collector_end(void *user, size_t count) { static_cast<Collector *>(user)->ended = count; }

std::vector<std::string> words(const std::string &text)
{
    Lexer lx(tok_lexer_new(text.data(), text.size()));
    if (!lx)
        throw std::runtime_error("tok_lexer_new failed");
    std::vector<std::string> out;
    tok_token t;
    while (tok_next(lx.get(), &t)) {
        if (t.kind == TOK_WORD) {
            RustString lower(tok_lower(&t));
            out.emplace_back(lower.get());
        }
    }
    return out;
}

double sum_numbers(const std::string &text, size_t limit)
{
    Lexer lx(tok_lexer_new(text.data(), text.size()));
    double sum = 0;
    size_t n = 0;
    Collector c;
    c.each = [&](const tok_token &t) {
        if (t.kind == TOK_NUMBER) {
            if (t.number < 0)
                throw std::domain_error("negative");
            sum += t.number;
            if (++n == limit)
                return false;
        }
        return true;
    };
    tok_sink sink{&c, collector_token, collector_end};
    size_t seen = tok_scan(lx.get(), &sink);
    if (c.ended != seen)
        throw std::logic_error("on_end count differs");
    return sum;
}

} // namespace

extern "C" int cpp_client_run(const char *text)
{
    try {
        std::string s(text);
        auto ws = words(s);
        std::map<std::string, int> freq;
        for (auto &w : ws)
            freq[w]++;
        double total = sum_numbers(s, 1000);
        double first_two = sum_numbers(s, 2);
        uint32_t counts[4] = {0, 0, 0, 0};
        size_t kinds = tok_histogram(s.data(), s.size(), counts, 4);
        std::printf("c++ client: %zu words (%zu distinct), numbers sum %.1f (first two %.1f), %zu kinds, %u punct\n",
                    ws.size(), freq.size(), total, first_two, kinds, counts[TOK_PUNCT]);
        if (freq["the"] != 3 || total != 60.5 || first_two != 30.0 || counts[TOK_PUNCT] != 4)
            return 1;
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "c++ client: %s\n", e.what());
        return 2;
    }
}
