/* Reading CLI inputs: bitcode, textual IR, objects with embedded bitcode, archives and rlibs,
 * each tagged with its producer's language and linked in memory. Analysis is not done here. */
#include "config.h"
#include "ir.h"

#include <errno.h>
#include <fcntl.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Object.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct loader {
	LLVMContextRef ctx;
	LLVMModuleRef merged;
	struct buf diag;        /* LLVM's error messages for the current step */
	struct buf notes;       /* lines for the user: skipped members, LLVM warnings */
	struct arena names;     /* owned copies of symbol names and labels */
	struct map strong_defs; /* symbol -> label of the input that defines it */
	size_t n_modules;
	ffiguard_progress_fn progress;
	void *progress_data;
};

static void on_diagnostic(LLVMDiagnosticInfoRef info, void *opaque)
{
	struct loader *l = opaque;
	char *msg = LLVMGetDiagInfoDescription(info);
	if (LLVMGetDiagInfoSeverity(info) == LLVMDSError) {
		if (l->diag.len)
			buf_puts(&l->diag, "; ");
		buf_puts(&l->diag, msg);
	} else if (LLVMGetDiagInfoSeverity(info) == LLVMDSWarning) {
		buf_printf(&l->notes, "warning from LLVM: %s\n", msg);
	}
	LLVMDisposeMessage(msg);
}

/* ---- bitcode identification: who produced a file LLVM 22 cannot read ---- */

struct bits {
	const unsigned char *data;
	size_t size_bits;
	size_t pos;
	bool bad;
};

static uint64_t bits_read(struct bits *b, unsigned n)
{
	uint64_t v = 0;
	if (n > 64 || b->pos + n > b->size_bits) {
		b->bad = true;
		return 0;
	}
	for (unsigned i = 0; i < n; i++, b->pos++)
		v |= (uint64_t)((b->data[b->pos / 8] >> (b->pos % 8)) & 1) << i;
	return v;
}

static uint64_t bits_vbr(struct bits *b, unsigned n)
{
	uint64_t v = 0;
	unsigned shift = 0;
	for (;;) {
		uint64_t piece = bits_read(b, n);
		v |= (piece & ((1ull << (n - 1)) - 1)) << shift;
		shift += n - 1;
		if (b->bad || !(piece & (1ull << (n - 1))) || shift > 63)
			return v;
	}
}

struct abbrev_op {
	unsigned char kind; /* 0 literal, 1 fixed, 2 vbr, 3 array, 4 char6, 5 blob */
	uint64_t value;
};

static uint64_t read_scalar(struct bits *b, const struct abbrev_op *op)
{
	switch (op->kind) {
	case 0:
		return op->value;
	case 1:
		return bits_read(b, (unsigned)op->value);
	case 2:
		return bits_vbr(b, (unsigned)op->value);
	case 4: {
		static const char c6[] =
		    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";
		return (unsigned char)c6[bits_read(b, 6)];
	}
	}
	b->bad = true;
	return 0;
}

/* Reads the IDENTIFICATION block's producer string ("LLVM22.1.8", "LLVM22.1.2-rust-1.95.0-...")
 * into out. A small bitstream reader: enough for this one block, which precedes the module. */
static bool bitcode_producer(const unsigned char *data, size_t size, char *out, size_t out_size)
{
	struct abbrev_op abbrevs[4][4];
	unsigned n_ops[4] = {0};
	unsigned n_abbrevs = 0;
	struct bits b = {data, size * 8, 32, false};

	if (size < 8 || bits_read(&b, 2) != 1 || bits_vbr(&b, 8) != 13)
		return false;
	unsigned width = (unsigned)bits_vbr(&b, 4);
	b.pos = (b.pos + 31) & ~(size_t)31;
	bits_read(&b, 32);
	if (width < 2 || width > 32)
		return false;
	out[0] = '\0';
	while (!b.bad) {
		uint64_t id = bits_read(&b, width);
		if (id == 0) /* END_BLOCK */
			break;
		if (id == 2) { /* DEFINE_ABBREV */
			unsigned n = (unsigned)bits_vbr(&b, 5);
			if (n_abbrevs == 4 || n > 4)
				return false;
			for (unsigned i = 0; i < n; i++) {
				struct abbrev_op *op = &abbrevs[n_abbrevs][i];
				if (bits_read(&b, 1)) {
					op->kind = 0;
					op->value = bits_vbr(&b, 8);
				} else {
					op->kind = (unsigned char)bits_read(&b, 3);
					op->value =
					    (op->kind == 1 || op->kind == 2) ? bits_vbr(&b, 5) : 0;
				}
			}
			n_ops[n_abbrevs++] = n;
			continue;
		}
		uint64_t code;
		char text[128] = {0};
		size_t len = 0;
		if (id == 3) { /* UNABBREV_RECORD */
			code = bits_vbr(&b, 6);
			uint64_t n = bits_vbr(&b, 6);
			for (uint64_t i = 0; i < n && !b.bad; i++) {
				uint64_t c = bits_vbr(&b, 6);
				if (len < sizeof(text) - 1)
					text[len++] = (char)c;
			}
		} else if (id >= 4 && id - 4 < n_abbrevs) {
			const struct abbrev_op *ops = abbrevs[id - 4];
			unsigned n = n_ops[id - 4];
			if (n == 0)
				return false;
			code = read_scalar(&b, &ops[0]);
			for (unsigned i = 1; i < n && !b.bad; i++) {
				if (ops[i].kind == 3 && i + 1 < n) {
					uint64_t count = bits_vbr(&b, 6);
					for (uint64_t k = 0; k < count && !b.bad; k++) {
						uint64_t c = read_scalar(&b, &ops[i + 1]);
						if (len < sizeof(text) - 1)
							text[len++] = (char)c;
					}
					break;
				}
				if (ops[i].kind == 3 || ops[i].kind == 5)
					return false;
				read_scalar(&b, &ops[i]);
			}
		} else {
			return false;
		}
		if (code == 1 && !b.bad) { /* IDENTIFICATION_CODE_STRING */
			snprintf(out, out_size, "%s", text);
			return true;
		}
	}
	return false;
}

/* The major version in "LLVM22.1.8..."; 0 when it does not say. */
static unsigned producer_major(const char *producer)
{
	if (strncmp(producer, "LLVM", 4) != 0)
		return 0;
	return (unsigned)strtoul(producer + 4, NULL, 10);
}

/* ---- one input module ---- */

static bool is_strong_definition(LLVMValueRef g)
{
	if (LLVMIsDeclaration(g))
		return false;
	switch (LLVMGetLinkage(g)) {
	case LLVMExternalLinkage:
		return true;
	default:
		return false;
	}
}

static void tag_language(struct loader *l, LLVMModuleRef m)
{
	enum ffiguard_lang lang = ir_module_lang(m);
	if (lang == FFIGUARD_LANG_UNKNOWN)
		return;
	const char *name = ffiguard_lang_name(lang);
	LLVMAttributeRef attr = LLVMCreateStringAttribute(
	    l->ctx, IR_LANG_ATTR, strlen(IR_LANG_ATTR), name, (unsigned)strlen(name));
	for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f))
			LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex, attr);
}

/* Names the two inputs of a conflicting definition, which LLVM's linker would not. A conflict
 * ends the whole load, so names may be recorded as they are checked. */
static int check_conflicts(struct loader *l, LLVMModuleRef m, const char *label, char **err)
{
	const char *owned_label = arena_strdup(&l->names, label);
	LLVMValueRef globals[2] = {LLVMGetFirstFunction(m), LLVMGetFirstGlobal(m)};
	for (int kind = 0; kind < 2; kind++) {
		for (LLVMValueRef g = globals[kind]; g;
		     g = kind ? LLVMGetNextGlobal(g) : LLVMGetNextFunction(g)) {
			size_t len;
			const char *name = LLVMGetValueName2(g, &len);
			if (!len || !is_strong_definition(g))
				continue;
			const char *other = map_get(&l->strong_defs, name);
			if (other) {
				char *pretty = ffiguard_demangle(name);
				*err = xasprintf("%s: conflicting definitions of '%s' in %s and %s",
						 label, pretty, other, label);
				free(pretty);
				return -EEXIST;
			}
			map_put(&l->strong_defs, arena_strndup(&l->names, name, len),
				(void *)owned_label);
		}
	}
	return 0;
}

static int add_module(struct loader *l, LLVMModuleRef m, const char *label, char **err)
{
	char *msg = NULL;
	if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
		char *nl = strchr(msg, '\n');
		if (nl)
			*nl = '\0';
		*err = xasprintf("%s: invalid LLVM IR: %s", label, msg);
		LLVMDisposeMessage(msg);
		LLVMDisposeModule(m);
		return -EINVAL;
	}
	LLVMDisposeMessage(msg);
	tag_language(l, m);
	int rc = check_conflicts(l, m, label, err);
	if (rc < 0) {
		LLVMDisposeModule(m);
		return rc;
	}
	l->n_modules++;
	if (!l->merged) {
		l->merged = m;
		return 0;
	}
	l->diag.len = 0;
	if (LLVMLinkModules2(l->merged, m)) {
		*err = xasprintf("%s: cannot link: %s", label,
				 l->diag.len ? l->diag.data : "unknown linker error");
		return -EINVAL;
	}
	return 0;
}

static int load_bitcode(struct loader *l, const unsigned char *data, size_t size, const char *label,
			char **err)
{
	LLVMMemoryBufferRef mb =
	    LLVMCreateMemoryBufferWithMemoryRangeCopy((const char *)data, size, label);
	LLVMModuleRef m = NULL;
	l->diag.len = 0;
	LLVMBool failed = LLVMParseBitcodeInContext2(l->ctx, mb, &m);
	LLVMDisposeMemoryBuffer(mb);
	if (!failed)
		return add_module(l, m, label, err);

	/* The wrapper header (0x0B17C0DE) points at the real stream. */
	const unsigned char *stream = data;
	size_t stream_size = size;
	if (size >= 20 && data[0] == 0xDE && data[1] == 0xC0 && data[2] == 0x17 &&
	    data[3] == 0x0B) {
		uint32_t off = data[8] | data[9] << 8 | data[10] << 16 | (uint32_t)data[11] << 24;
		uint32_t len = data[12] | data[13] << 8 | data[14] << 16 | (uint32_t)data[15] << 24;
		if (off < size && len <= size - off) {
			stream = data + off;
			stream_size = len;
		}
	}
	char producer[128];
	const char *why = l->diag.len ? l->diag.data : "unreadable bitcode";
	if (bitcode_producer(stream, stream_size, producer, sizeof(producer))) {
		unsigned major = producer_major(producer);
		unsigned mine = (unsigned)strtoul(FFIGUARD_LLVM_VERSION, NULL, 10);
		if (major > mine)
			*err = xasprintf("%s: bitcode from a newer LLVM (producer '%s'); ffiguard "
					 "reads LLVM %s bitcode: %s",
					 label, producer, FFIGUARD_LLVM_VERSION, why);
		else
			*err = xasprintf("%s: corrupt bitcode (producer '%s'): %s", label, producer,
					 why);
	} else {
		*err = xasprintf("%s: corrupt bitcode: %s", label, why);
	}
	return -EINVAL;
}

static int load_text_ir(struct loader *l, const unsigned char *data, size_t size, const char *label,
			char **err)
{
	/* LLVMParseIRInContext takes the buffer; the parser wants it NUL-terminated. */
	LLVMMemoryBufferRef mb =
	    LLVMCreateMemoryBufferWithMemoryRangeCopy((const char *)data, size, label);
	LLVMModuleRef m = NULL;
	char *msg = NULL;
	l->diag.len = 0;
	if (LLVMParseIRInContext(l->ctx, mb, &m, &msg)) {
		char *first = msg ? msg : xstrdup("cannot parse");
		char *nl = strchr(first, '\n');
		if (nl)
			*nl = '\0';
		*err = xasprintf("%s: not valid LLVM IR: %s", label, first);
		if (msg)
			LLVMDisposeMessage(msg);
		else
			free(first);
		return -EINVAL;
	}
	return add_module(l, m, label, err);
}

static bool is_bitcode(const unsigned char *d, size_t n)
{
	return n >= 4 && ((d[0] == 'B' && d[1] == 'C' && d[2] == 0xC0 && d[3] == 0xDE) ||
			  (d[0] == 0xDE && d[1] == 0xC0 && d[2] == 0x17 && d[3] == 0x0B));
}

static bool is_elf(const unsigned char *d, size_t n)
{
	return n >= 4 && memcmp(d, "\177ELF", 4) == 0;
}

/* Bitcode embedded in an object: .llvmbc (-fembed-bitcode, rustc rlibs) or .llvm.lto
 * (-ffat-lto-objects). Returns 1 when some was found, 0 when none, <0 on error. */
static int load_object(struct loader *l, const unsigned char *data, size_t size, const char *label,
		       char **err)
{
	LLVMMemoryBufferRef mb =
	    LLVMCreateMemoryBufferWithMemoryRange((const char *)data, size, label, 0);
	char *msg = NULL;
	LLVMBinaryRef bin = LLVMCreateBinary(mb, l->ctx, &msg);
	if (!bin) {
		*err = xasprintf("%s: malformed object file: %s", label, msg ? msg : "unreadable");
		free(msg);
		LLVMDisposeMemoryBuffer(mb);
		return -EINVAL;
	}
	int found = 0;
	int rc = 0;
	LLVMSectionIteratorRef it = LLVMObjectFileCopySectionIterator(bin);
	for (; it && !LLVMObjectFileIsSectionIteratorAtEnd(bin, it); LLVMMoveToNextSection(it)) {
		const char *name = LLVMGetSectionName(it);
		if (!name || (strcmp(name, ".llvmbc") != 0 && strcmp(name, ".llvm.lto") != 0))
			continue;
		const unsigned char *contents = (const unsigned char *)LLVMGetSectionContents(it);
		size_t len = (size_t)LLVMGetSectionSize(it);
		if (!contents || !is_bitcode(contents, len)) {
			*err = xasprintf("%s: section %s does not hold bitcode", label, name);
			rc = -EINVAL;
			break;
		}
		rc = load_bitcode(l, contents, len, label, err);
		if (rc < 0)
			break;
		found = 1;
	}
	if (it)
		LLVMDisposeSectionIterator(it);
	LLVMDisposeBinary(bin);
	LLVMDisposeMemoryBuffer(mb);
	return rc < 0 ? rc : found;
}

static int load_archive(struct loader *l, const unsigned char *data, size_t size, const char *label,
			char **err);

/* Dispatches on content, not on the file name. An archive `member` that holds no bitcode is
 * skipped: returns 1 and the archive reports it. */
static int load_data(struct loader *l, const unsigned char *data, size_t size, const char *label,
		     bool member, char **err)
{
	/* Before LLVM sees the bytes: its object and bitcode readers are where crashes happen. */
	if (l->progress)
		l->progress(label, l->progress_data);
	if (is_bitcode(data, size))
		return load_bitcode(l, data, size, label, err);
	if (ffiguard_facts_is(data, size)) {
		const unsigned char *payload;
		size_t payload_size;
		int rc = ffiguard_facts_payload(data, size, label, &payload, &payload_size, err);
		return rc < 0 ? rc : load_bitcode(l, payload, payload_size, label, err);
	}
	if (size >= 8 && memcmp(data, "!<arch>\n", 8) == 0) {
		if (member)
			return 1;
		return load_archive(l, data, size, label, err);
	}
	if (size >= 8 && memcmp(data, "!<thin>\n", 8) == 0) {
		*err = xasprintf("%s: thin archives are not supported; pass the members", label);
		return -ENOTSUP;
	}
	if (is_elf(data, size)) {
		int rc = load_object(l, data, size, label, err);
		if (rc != 0)
			return rc < 0 ? rc : 0;
		if (member)
			return 1;
		*err = xasprintf("%s: object file without LLVM bitcode (build with -flto or "
				 "-fembed-bitcode)",
				 label);
		return -EINVAL;
	}
	if (member)
		return 1;
	if (memchr(data, '\0', size) || size == 0) {
		*err = xasprintf("%s: not LLVM bitcode, IR, an object or an archive", label);
		return -EINVAL;
	}
	return load_text_ir(l, data, size, label, err);
}

static size_t parse_decimal(const unsigned char *s, size_t n)
{
	size_t v = 0;
	for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (size_t)(s[i] - '0');
	return v;
}

/* The common ar format: GNU ("name/", "//" long names, "/N") and BSD ("#1/len") members. */
static int load_archive(struct loader *l, const unsigned char *data, size_t size, const char *label,
			char **err)
{
	const unsigned char *longnames = NULL;
	size_t longnames_size = 0;
	size_t pos = 8;
	size_t before = l->n_modules;
	struct buf skipped = {0};
	size_t n_skipped = 0;
	while (pos + 60 <= size) {
		const unsigned char *h = data + pos;
		if (h[58] != '`' || h[59] != '\n') {
			*err = xasprintf("%s: malformed archive member header at offset %zu", label,
					 pos);
			buf_release(&skipped);
			return -EINVAL;
		}
		size_t msize = parse_decimal(h + 48, 10);
		const unsigned char *body = h + 60;
		if (msize > size - pos - 60) {
			*err =
			    xasprintf("%s: truncated archive (member at offset %zu)", label, pos);
			buf_release(&skipped);
			return -EINVAL;
		}
		char name[256];
		size_t nlen = 0;
		if (h[0] == '/' && (h[1] == ' ' || memcmp(h, "/SYM64/", 7) == 0)) {
			nlen = 0; /* symbol table */
		} else if (h[0] == '/' && h[1] == '/') {
			longnames = body;
			longnames_size = msize;
		} else if (h[0] == '/' && h[1] >= '0' && h[1] <= '9' && longnames) {
			size_t off = parse_decimal(h + 1, 15);
			while (off < longnames_size && nlen < sizeof(name) - 1 &&
			       longnames[off] != '/' && longnames[off] != '\n')
				name[nlen++] = (char)longnames[off++];
		} else if (memcmp(h, "#1/", 3) == 0) {
			size_t len = parse_decimal(h + 3, 13);
			if (len > msize)
				len = msize;
			for (size_t i = 0; i < len && nlen < sizeof(name) - 1 && body[i]; i++)
				name[nlen++] = (char)body[i];
			body += len;
			msize -= len;
		} else {
			while (nlen < 16 && h[nlen] != '/' && h[nlen] != ' ' &&
			       nlen < sizeof(name) - 1) {
				name[nlen] = (char)h[nlen];
				nlen++;
			}
		}
		if (nlen) {
			name[nlen] = '\0';
			char *member = xasprintf("%s(%s)", label, name);
			int rc = load_data(l, body, msize, member, true, err);
			free(member);
			if (rc < 0) {
				buf_release(&skipped);
				return rc;
			}
			if (rc == 1 && n_skipped++ < 3)
				buf_printf(&skipped, "%s%s", n_skipped > 1 ? ", " : "", name);
		}
		pos += 60 + (size_t)(h[0] == '#' ? parse_decimal(h + 48, 10) : msize);
		pos += pos & 1;
	}
	if (n_skipped)
		buf_printf(&l->notes, "%s: skipped %zu member%s without LLVM bitcode: %s%s\n",
			   label, n_skipped, n_skipped == 1 ? "" : "s", skipped.data,
			   n_skipped > 3 ? ", ..." : "");
	buf_release(&skipped);
	if (l->n_modules == before) {
		*err = xasprintf("%s: archive holds no LLVM bitcode", label);
		return -EINVAL;
	}
	return 0;
}

static const char *file_kind(mode_t mode)
{
	return S_ISDIR(mode)    ? "a directory"
	       : S_ISFIFO(mode) ? "a FIFO"
	       : S_ISCHR(mode)  ? "a character device"
	       : S_ISBLK(mode)  ? "a block device"
	       : S_ISSOCK(mode) ? "a socket"
				: "not a regular file";
}

/* What the first bytes say: one of the formats load_data reads (text IR has no NUL byte). */
static bool known_format(const unsigned char *d, size_t n)
{
	if (is_bitcode(d, n) || is_elf(d, n) || ffiguard_facts_is(d, n) ||
	    (n >= 8 && (memcmp(d, "!<arch>\n", 8) == 0 || memcmp(d, "!<thin>\n", 8) == 0)))
		return true;
	return n > 0 && !memchr(d, '\0', n);
}

/* Maps a regular file whose first bytes look like an input: what is not a file, or not one of
 * the formats, is refused before it is read (a FIFO without a writer, /dev/zero, a huge file of
 * zeros). */
static int map_file(const char *path, unsigned char **data, size_t *size, char **err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		int e = errno;
		*err = xasprintf("%s: cannot open: %s", path, strerror(e));
		if (fd >= 0)
			close(fd);
		return -e;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf("%s: %s, not an input file", path, file_kind(st.st_mode));
		close(fd);
		return -EINVAL;
	}
	unsigned char head[4096];
	ssize_t n = pread(fd, head, sizeof(head), 0);
	if (n < 0) {
		int e = errno;
		*err = xasprintf("%s: cannot read: %s", path, strerror(e));
		close(fd);
		return -e;
	}
	if (n == 0 || !known_format(head, (size_t)n)) {
		*err = xasprintf("%s: %s", path,
				 n == 0 ? "empty file"
					: "not LLVM bitcode, IR, an object or an archive");
		close(fd);
		return -EINVAL;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	int e = p == MAP_FAILED ? errno : 0;
	close(fd);
	if (e) {
		*err = xasprintf("%s: cannot read: %s", path, strerror(e));
		return -e;
	}
	*data = p;
	*size = (size_t)st.st_size;
	return 0;
}

int ffiguard_load_inputs(LLVMContextRef ctx, const char *const *paths, size_t n_paths,
			 ffiguard_progress_fn progress, void *progress_data, LLVMModuleRef *out,
			 char **notes, char **err)
{
	struct loader l = {.ctx = ctx, .progress = progress, .progress_data = progress_data};
	int rc = 0;
	map_init(&l.strong_defs, true);
	*out = NULL;
	*err = NULL;
	if (notes)
		*notes = NULL;

	LLVMDiagnosticHandler old_handler = LLVMContextGetDiagnosticHandler(ctx);
	void *old_ctx = LLVMContextGetDiagnosticContext(ctx);
	LLVMContextSetDiagnosticHandler(ctx, on_diagnostic, &l);

	if (n_paths == 0) {
		*err = xstrdup("no input files");
		rc = -EINVAL;
	}
	for (size_t i = 0; i < n_paths && rc == 0; i++) {
		unsigned char *data = NULL;
		size_t size = 0;
		rc = map_file(paths[i], &data, &size, err);
		if (rc == 0) {
			rc = load_data(&l, data, size, paths[i], false, err);
			munmap(data, size);
		}
	}

	LLVMContextSetDiagnosticHandler(ctx, old_handler, old_ctx);
	if (rc == 0)
		*out = l.merged;
	else if (l.merged)
		LLVMDisposeModule(l.merged);
	if (notes && l.notes.len)
		*notes = buf_steal(&l.notes);
	buf_release(&l.notes);
	buf_release(&l.diag);
	map_release(&l.strong_defs);
	arena_release(&l.names);
	return rc;
}
