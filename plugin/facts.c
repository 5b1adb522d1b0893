/* Facts files (issue 13): what one module contributes to the whole program, written where the
 * module is compiled (a ThinLTO backend, `ffiguard facts`, opt) and joined later by `ffiguard
 * join`, so that a ThinLTO or distributed build gets the findings of a full-LTO link.
 *
 * Format, version 1: a text header of lines, then the payload.
 *
 *   ffiguard-facts 1
 *   producer ffiguard VERSION llvm LLVM-VERSION
 *   module IDENTIFIER            (the module's identifier, newlines replaced by spaces)
 *   bytes N                      (the payload's size)
 *   fnv1a64 HASH                 (16 hex digits, of the payload)
 *   (an empty line)
 *   PAYLOAD                      (N bytes)
 *
 * The payload of version 1 is LLVM bitcode of the module's own definitions: the functions it
 * imported for inlining (available_externally, owned by another module) are declarations in it.
 * The same module gives the same bytes. A reader refuses another version, a size or hash that
 * does not match (truncated, corrupt), and a payload LLVM cannot read, each in one line. */
#include "config.h"
#include "ffiguard/ffiguard.h"
#include "util.h"

#include <errno.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FACTS_MAGIC "ffiguard-facts "
#define FACTS_VERSION 1

static uint64_t fnv1a64(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

bool ffiguard_facts_is(const unsigned char *data, size_t size)
{
	return size >= sizeof(FACTS_MAGIC) - 1 &&
	       memcmp(data, FACTS_MAGIC, sizeof(FACTS_MAGIC) - 1) == 0;
}

/* The module without the bodies it does not own: a copy, whose imported functions and
 * variables become declarations. */
static LLVMModuleRef own_definitions(LLVMModuleRef module)
{
	LLVMModuleRef m = LLVMCloneModule(module);
	for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
		if (LLVMIsDeclaration(f) || LLVMGetLinkage(f) != LLVMAvailableExternallyLinkage)
			continue;
		LLVMBasicBlockRef bb;
		while ((bb = LLVMGetFirstBasicBlock(f)))
			LLVMDeleteBasicBlock(bb);
		LLVMSetLinkage(f, LLVMExternalLinkage);
		LLVMSetSubprogram(f, NULL); /* a declaration has no body to describe */
		if (LLVMHasPersonalityFn(f))
			LLVMSetPersonalityFn(f, NULL);
	}
	for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g)) {
		if (LLVMGetLinkage(g) != LLVMAvailableExternallyLinkage)
			continue;
		LLVMSetInitializer(g, NULL);
		LLVMSetLinkage(g, LLVMExternalLinkage);
	}
	return m;
}

struct facts_out {
	const char *header, *data;
	size_t len;
};

static int fill_facts(FILE *out, void *data)
{
	const struct facts_out *fo = data;
	return fputs(fo->header, out) < 0 || fwrite(fo->data, 1, fo->len, out) != fo->len ? -1 : 0;
}

int ffiguard_facts_write(LLVMModuleRef module, const char *path, char **err)
{
	*err = NULL;
	LLVMModuleRef own = own_definitions(module);
	LLVMMemoryBufferRef mb = LLVMWriteBitcodeToMemoryBuffer(own);
	LLVMDisposeModule(own);
	const char *data = LLVMGetBufferStart(mb);
	size_t len = LLVMGetBufferSize(mb);
	size_t id_len;
	const char *id = LLVMGetModuleIdentifier(module, &id_len);
	struct buf h = {0};
	buf_printf(&h, "%s%d\nproducer ffiguard %s llvm %s\nmodule ", FACTS_MAGIC, FACTS_VERSION,
		   FFIGUARD_VERSION, FFIGUARD_LLVM_VERSION);
	for (size_t i = 0; i < id_len; i++)
		buf_putc(&h, id[i] == '\n' || id[i] == '\r' ? ' ' : id[i]);
	buf_printf(&h, "\nbytes %zu\nfnv1a64 %016llx\n\n", len,
		   (unsigned long long)fnv1a64((const unsigned char *)data, len));
	struct facts_out fo = {h.data, data, len};
	int rc = file_write_atomic(path, fill_facts, &fo, err);
	buf_release(&h);
	LLVMDisposeMemoryBuffer(mb);
	return rc;
}

/* The value of header line `key` at `*p`, advancing past the line; NULL when the line is not
 * there. */
static const char *header_line(const unsigned char **p, const unsigned char *end, const char *key,
			       size_t *len)
{
	size_t k = strlen(key);
	const unsigned char *nl = memchr(*p, '\n', (size_t)(end - *p));
	if (!nl || (size_t)(nl - *p) < k + 1 || memcmp(*p, key, k) != 0 || (*p)[k] != ' ')
		return NULL;
	const char *v = (const char *)*p + k + 1;
	*len = (size_t)(nl - (*p + k + 1));
	*p = nl + 1;
	return v;
}

int ffiguard_facts_payload(const unsigned char *data, size_t size, const char *label,
			   const unsigned char **payload, size_t *payload_size, char **err)
{
	const unsigned char *p = data, *end = data + size;
	size_t len;
	const char *v = header_line(&p, end, "ffiguard-facts", &len);
	unsigned long version = v ? strtoul(v, NULL, 10) : 0;
	if (!v) {
		*err = xasprintf("%s: not an ffiguard facts file (bad header)", label);
		return -EINVAL;
	}
	if (version != FACTS_VERSION) {
		*err = xasprintf("%s: facts format version %.*s; this ffiguard reads version %d "
				 "(write the facts again with this ffiguard)",
				 label, (int)len, v, FACTS_VERSION);
		return -EINVAL;
	}
	const char *producer = header_line(&p, end, "producer", &len);
	size_t mlen = 0, blen = 0, hlen = 0;
	const char *module = producer ? header_line(&p, end, "module", &mlen) : NULL;
	const char *bytes = module ? header_line(&p, end, "bytes", &blen) : NULL;
	const char *hash = bytes ? header_line(&p, end, "fnv1a64", &hlen) : NULL;
	if (!hash || p >= end || *p != '\n') {
		*err = xasprintf("%s: corrupt facts file (bad header)", label);
		return -EINVAL;
	}
	p++;
	unsigned long long want = strtoull(bytes, NULL, 10);
	if (want != (unsigned long long)(end - p)) {
		*err = xasprintf("%s: %s facts file (%llu bytes of facts, %zu present)", label,
				 want > (unsigned long long)(end - p) ? "truncated" : "corrupt",
				 want, (size_t)(end - p));
		return -EINVAL;
	}
	char got[17];
	snprintf(got, sizeof(got), "%016llx", (unsigned long long)fnv1a64(p, (size_t)(end - p)));
	if (hlen != 16 || memcmp(hash, got, 16) != 0) {
		*err = xasprintf("%s: corrupt facts file (hash mismatch)", label);
		return -EINVAL;
	}
	*payload = p;
	*payload_size = (size_t)(end - p);
	return 0;
}

/* The facts file of `module` in `dir`: named after the module (a backend's input object), with
 * a hash of its whole identifier so that two modules never share a file. */
int ffiguard_facts_write_into(LLVMModuleRef module, const char *dir, char **err)
{
	size_t len;
	const char *id = LLVMGetModuleIdentifier(module, &len);
	uint64_t h = fnv1a64((const unsigned char *)id, len);
	size_t from = len;
	while (from > 0 && id[from - 1] != '/')
		from--;
	struct buf name = {0};
	buf_printf(&name, "%s/", dir);
	for (size_t i = from; i < len && i < from + 64; i++) {
		char c = id[i];
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
		buf_putc(&name, plain ? c : '_');
	}
	buf_printf(&name, "-%016llx.ffacts", (unsigned long long)h);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		int e = errno;
		*err = xasprintf("%s: cannot create: %s", dir, strerror(e));
		buf_release(&name);
		return -e;
	}
	int rc = ffiguard_facts_write(module, name.data, err);
	buf_release(&name);
	return rc;
}
