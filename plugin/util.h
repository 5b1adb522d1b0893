/* Small internal helpers: an arena for report strings, a growable buffer, a hash map.
 * They know nothing of LLVM or of ffiguard's data; callers own what they put in. */
#ifndef FFIGUARD_UTIL_H
#define FFIGUARD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- arena: many small allocations freed together ---- */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_release(struct arena *a);

/* ---- buf: a growable NUL-terminated byte string ---- */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
__attribute__((format(printf, 2, 3))) void buf_printf(struct buf *b, const char *fmt, ...);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hands the string to the caller (malloc'ed, never NULL) and resets the buffer. */
char *buf_steal(struct buf *b);
void buf_release(struct buf *b);

/* malloc'ed printf; never NULL. */
__attribute__((format(printf, 1, 2))) char *xasprintf(const char *fmt, ...);
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* Grows a malloc'ed array so that it holds at least `need` elements. */
#define VEC_RESERVE(ptr, cap, need)                                                                \
	do {                                                                                       \
		if ((need) > (cap)) {                                                              \
			size_t vec_new_cap_ = (cap) ? (cap) * 2 : 8;                               \
			while (vec_new_cap_ < (need))                                              \
				vec_new_cap_ *= 2;                                                 \
			(ptr) = xrealloc((ptr), vec_new_cap_ * sizeof(*(ptr)));                    \
			(cap) = vec_new_cap_;                                                      \
		}                                                                                  \
	} while (0)

/* ---- files ---- */

/* Writes `path` whole or not at all: `fill` writes into a temporary file beside it (returning
 * < 0 on failure), which is flushed to disk and renamed over `path` (report-file.c). 0, or -errno
 * with *err "PATH: cannot write: reason". */
int file_write_atomic(const char *path, int (*fill)(FILE *out, void *data), void *data, char **err);

/* ---- map: open addressing, keyed by pointer identity or by C string ---- */
struct map_slot;
struct map {
	struct map_slot *slots;
	size_t cap;
	size_t len;
	bool string_keys;
};

void map_init(struct map *m, bool string_keys);
/* Returns the value or NULL. */
void *map_get(const struct map *m, const void *key);
/* Inserts or replaces; string keys are not copied. */
void map_put(struct map *m, const void *key, void *value);
void map_release(struct map *m);

#endif
