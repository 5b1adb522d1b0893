/* C API of the Rust tokenizer library (src/main.rs), used by a C++ client. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct tok_lexer tok_lexer; /* Rust Box<Lexer> */

typedef enum { TOK_WORD = 0, TOK_NUMBER = 1, TOK_PUNCT = 2, TOK_END = 3 } tok_kind;

typedef struct {
    tok_kind kind;
    const char *start; /* points into the input given to tok_lexer_new */
    size_t len;
    double number;
} tok_token;

typedef struct {
    void *user;
    /* Called for each token; a nonzero result stops the scan. */
    int (*on_token)(void *user, const tok_token *t);
    /* Called once when the scan ends, with the number of tokens seen. */
    void (*on_end)(void *user, size_t count);
} tok_sink;

/* The lexer borrows `input` (it must outlive the lexer). */
tok_lexer *tok_lexer_new(const char *input, size_t len);
void tok_lexer_free(tok_lexer *lx);
/* Fills *out; returns 0 at the end of input. */
int tok_next(tok_lexer *lx, tok_token *out);
size_t tok_scan(tok_lexer *lx, const tok_sink *sink);
/* Returns the lowercase copy of a token, owned by the caller: release with tok_free_string. */
char *tok_lower(const tok_token *t);
void tok_free_string(char *s);
/* Fills up to cap counts per kind; returns the number of kinds. */
size_t tok_histogram(const char *input, size_t len, uint32_t *counts, size_t cap);

int cpp_client_run(const char *text);
#ifdef __cplusplus
}
#endif
