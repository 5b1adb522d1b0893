/* Readable names: legacy Rust demangling here in C, Rust v0 and Itanium through LLVM's demangler
 * in the adapter. Names are for people; the symbol stays the identity everywhere else. */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

/* Undoes rustc's legacy escapes in one path component ($LT$, $u20$, "..", ...). */
static void unescape(struct buf *out, const char *s, size_t n)
{
	static const struct {
		const char *esc;
		const char *text;
	} table[] = {{"$SP$", "@"}, {"$BP$", "*"}, {"$RF$", "&"}, {"$LT$", "<"},
		     {"$GT$", ">"}, {"$LP$", "("}, {"$RP$", ")"}, {"$C$", ","}};
	if (n >= 2 && s[0] == '_' && s[1] == '$') {
		s++;
		n--;
	}
	size_t i = 0;
	while (i < n) {
		if (s[i] == '.' && i + 1 < n && s[i + 1] == '.') {
			buf_puts(out, "::");
			i += 2;
			continue;
		}
		if (s[i] == '$') {
			bool done = false;
			for (size_t t = 0; t < sizeof(table) / sizeof(table[0]); t++) {
				size_t k = strlen(table[t].esc);
				if (i + k <= n && memcmp(s + i, table[t].esc, k) == 0) {
					buf_puts(out, table[t].text);
					i += k;
					done = true;
					break;
				}
			}
			if (done)
				continue;
			if (i + 1 < n && s[i + 1] == 'u') {
				const char *end = memchr(s + i + 2, '$', n - i - 2);
				if (end && end - (s + i + 2) <= 6 && end > s + i + 2) {
					char hex[8] = {0};
					memcpy(hex, s + i + 2, (size_t)(end - (s + i + 2)));
					unsigned long cp = strtoul(hex, NULL, 16);
					if (cp >= 0x20 && cp < 0x7f) {
						buf_putc(out, (char)cp);
						i = (size_t)(end - s) + 1;
						continue;
					}
				}
			}
		}
		buf_putc(out, s[i]);
		i++;
	}
}

char *ir_demangle_rust_legacy(const char *symbol)
{
	size_t n = strlen(symbol);
	if (n < 24 || strncmp(symbol, "_ZN", 3) != 0)
		return NULL;
	/* Symbols may carry an LLVM suffix (".llvm.123") after the E. */
	const char *p = symbol + 3;
	struct buf out = {0};
	bool first = true;
	while (*p && *p != 'E') {
		if (*p < '0' || *p > '9')
			goto fail;
		char *end;
		unsigned long len = strtoul(p, &end, 10);
		if (len == 0 || len > strlen(end))
			goto fail;
		/* The last component is the hash: 17h + 16 hex digits, dropped from the name. */
		if (len == 17 && end[0] == 'h' && end[len] == 'E') {
			bool hex = true;
			for (int i = 1; i < 17; i++)
				hex = hex && ((end[i] >= '0' && end[i] <= '9') ||
					      (end[i] >= 'a' && end[i] <= 'f'));
			if (hex) {
				if (first)
					goto fail;
				return buf_steal(&out);
			}
		}
		if (!first)
			buf_puts(&out, "::");
		unescape(&out, end, len);
		first = false;
		p = end + len;
	}
fail:
	buf_release(&out);
	return NULL;
}

char *ffiguard_demangle(const char *symbol)
{
	if (!symbol)
		return NULL;
	char *name = ir_demangle_rust_legacy(symbol);
	if (!name)
		name = ir_demangle_llvm(symbol);
	return name ? name : xstrdup(symbol);
}
