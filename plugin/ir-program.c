/* The analysed program: per-function facts over the (canonical) module, and the bridge from IR
 * facts to the plain report data (names, locations). analyze.c runs the analysis over it. */
#include "ir.h"
#include "report.h"

#include <errno.h>
#include <llvm-c/DebugInfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ir_fn *ir_program_fn(struct ir_program *p, LLVMValueRef fn)
{
	struct ir_fn *f = map_get(&p->by_value, fn);
	if (f)
		return f;
	f = xcalloc(1, sizeof(*f));
	f->fn = fn;
	f->body = fn;
	f->lang = ffiguard_function_lang(fn);
	size_t len;
	f->symbol = LLVMGetValueName2(fn, &len);
	map_put(&p->by_value, fn, f);
	VEC_RESERVE(p->fns, p->cap_fns, p->n_fns + 1);
	p->fns[p->n_fns++] = f;
	return f;
}

void ir_fn_scan(struct ir_fn *f)
{
	if (f->scanned)
		return;
	f->scanned = true;
	f->n_calls = f->n_stores = 0;
	size_t cap_calls = 0, cap_stores = 0;
	free(f->calls);
	free(f->stores);
	f->calls = f->stores = NULL;
	if (LLVMIsDeclaration(f->fn))
		return;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(f->body); bb;
	     bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in;
		     in = LLVMGetNextInstruction(in)) {
			if (ir_is_call(in) && !ir_is_inline_asm_call(in)) {
				VEC_RESERVE(f->calls, cap_calls, f->n_calls + 1);
				f->calls[f->n_calls++] = in;
			} else if (LLVMIsAStoreInst(in) &&
				   LLVMGetTypeKind(LLVMTypeOf(LLVMGetOperand(in, 0))) ==
				       LLVMPointerTypeKind) {
				VEC_RESERVE(f->stores, cap_stores, f->n_stores + 1);
				f->stores[f->n_stores++] = in;
			}
		}
}

static bool has_prefix(const char *s, unsigned len, const char *prefix)
{
	size_t n = strlen(prefix);
	return s && len >= n && memcmp(s, prefix, n) == 0;
}

/* The Rust standard library (rustc records it under /rustc/<commit>) or a system header. */
static bool is_library_file(LLVMMetadataRef file)
{
	if (!file)
		return false;
	unsigned nlen = 0, dlen = 0;
	const char *name = LLVMDIFileGetFilename(file, &nlen);
	const char *dir = LLVMDIFileGetDirectory(file, &dlen);
	return has_prefix(dir, dlen, "/rustc/") || has_prefix(name, nlen, "/rustc/") ||
	       has_prefix(name, nlen, "/usr/include/") || has_prefix(name, nlen, "/usr/lib/");
}

bool ir_fn_is_library(struct ir_fn *f)
{
	if (!f->library_done) {
		LLVMMetadataRef sp = LLVMGetSubprogram(f->fn);
		f->library = sp && is_library_file(LLVMDIScopeGetFile(sp));
		f->library_done = true;
	}
	return f->library;
}

const char *ir_fn_name(struct ir_fn *f)
{
	if (!f->name)
		f->name = ffiguard_demangle(f->symbol);
	return f->name;
}

int ir_program_init(struct ir_program *p, LLVMModuleRef module, enum ir_canon canon, char **err)
{
	memset(p, 0, sizeof(*p));
	map_init(&p->by_value, false);
	map_init(&p->indirect, false);
	p->module = module;
	p->layout = LLVMCreateTargetData(LLVMGetDataLayoutStr(module));
	if (!p->layout) {
		*err = xstrdup("the module's data layout cannot be read");
		return -EINVAL;
	}
	for (LLVMValueRef f = LLVMGetFirstFunction(module); f; f = LLVMGetNextFunction(f)) {
		if (LLVMGetIntrinsicID(f))
			continue;
		ir_program_fn(p, f);
		if (!LLVMIsDeclaration(f))
			p->n_defined++;
	}
	p->canon = canon;
	return 0;
}

int ir_program_settle(struct ir_program *p, struct ir_fn *f, char **err)
{
	*err = NULL;
	if (f->settled || p->canon == IR_CANON_NONE || LLVMIsDeclaration(f->fn))
		return 0;
	f->settled = true;
	if (!p->passes)
		p->passes = ir_passes_new();
	int rc = ir_canonical_body(f->fn, p->canon == IR_CANON_IN_PLACE, p->passes, &f->body, err);
	if (rc <= 0)
		return rc;
	if (f->body != f->fn)
		map_put(&p->by_value, f->body, f);
	f->shim_done = false;
	f->scanned = false;
	return 1;
}

void ir_program_release(struct ir_program *p)
{
	if (p->passes)
		ir_passes_free(p->passes);
	p->passes = NULL;
	for (size_t i = 0; i < p->n_fns; i++) {
		if (p->fns[i]->body && p->fns[i]->body != p->fns[i]->fn)
			LLVMDeleteFunction(p->fns[i]->body);
		free(p->fns[i]->name);
		free(p->fns[i]->calls);
		free(p->fns[i]->stores);
		free(p->fns[i]);
	}
	for (size_t i = 0; i < p->n_edges; i++)
		free(p->edges[i].via);
	free(p->fns);
	free(p->edges);
	map_release(&p->by_value);
	map_release(&p->indirect);
	if (p->layout)
		LLVMDisposeTargetData(p->layout);
	memset(p, 0, sizeof(*p));
}

struct ffiguard_fn ir_fn_ref(struct ir_fn *f)
{
	struct ffiguard_fn r = {f->symbol, ir_fn_name(f), f->lang};
	return r;
}

/* Where Cargo keeps the sources of dependencies, and how a report names them: a path relative to
 * the crate's own root says nothing of whose `src/lib.rs` it is. */
static const struct {
	const char *marker, *label;
	bool skip_source; /* the next component names the registry, not the crate */
} dependency_roots[] = {
    {"/.cargo/registry/src/", "registry: ", true},
    {"/.cargo/git/checkouts/", "git: ", false},
};

/* The file as the report names it: as the debug info records it, or for a dependency's source
 * "registry: CRATE-VERSION/PATH" (from the directory the compiler ran in). */
static void put_file(struct buf *out, const char *dir, unsigned dlen, const char *file,
		     unsigned len)
{
	struct buf path = {0};
	if (dir && dlen && file[0] != '/') {
		buf_append(&path, dir, dlen);
		buf_putc(&path, '/');
	}
	buf_append(&path, file, len);
	for (size_t i = 0; i < sizeof(dependency_roots) / sizeof(dependency_roots[0]); i++) {
		const char *at = strstr(path.data, dependency_roots[i].marker);
		if (!at)
			continue;
		const char *rest = at + strlen(dependency_roots[i].marker);
		const char *slash = dependency_roots[i].skip_source ? strchr(rest, '/') : NULL;
		if (dependency_roots[i].skip_source && !slash)
			continue;
		buf_puts(out, dependency_roots[i].label);
		buf_puts(out, slash ? slash + 1 : rest);
		buf_release(&path);
		return;
	}
	/* Under the directory the analysis runs in (a workspace's root, where cargo links):
	 * relative to it, so that a member's src/main.rs is one/src/main.rs. */
	char cwd[4096];
	size_t n = getcwd(cwd, sizeof(cwd)) ? strlen(cwd) : 0;
	if (n > 1 && path.len > n + 1 && strncmp(path.data, cwd, n) == 0 && path.data[n] == '/')
		buf_puts(out, path.data + n + 1);
	else
		buf_append(out, file, len);
	buf_release(&path);
}

static struct ffiguard_loc loc_from(const char *dir, unsigned dlen, const char *file, unsigned len,
				    unsigned line, unsigned col, struct buf *scratch)
{
	struct ffiguard_loc loc = {NULL, 0, 0};
	if (!file || !len || !line)
		return loc;
	scratch->len = 0;
	put_file(scratch, dir, dlen, file, len);
	loc.file = scratch->data;
	loc.line = line;
	loc.column = col;
	return loc;
}

/* The location in the function that holds `inst`: for code inlined at -O2 that is the outermost
 * inlined-at call site, not a line inside the library function it came from. When that is still
 * library code (std inlined into a user function built without debug info), there is no user
 * location to give. */
struct ffiguard_loc ir_inst_loc(LLVMValueRef inst, struct buf *scratch)
{
	LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(inst);
	if (!loc)
		return loc_from(NULL, 0, NULL, 0, 0, 0, scratch);
	for (LLVMMetadataRef up = LLVMDILocationGetInlinedAt(loc); up;
	     up = LLVMDILocationGetInlinedAt(loc))
		loc = up;
	unsigned len = 0;
	LLVMMetadataRef file = LLVMDIScopeGetFile(LLVMDILocationGetScope(loc));
	LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
	LLVMMetadataRef sp = fn ? LLVMGetSubprogram(fn) : NULL;
	if (is_library_file(file) && !(sp && is_library_file(LLVMDIScopeGetFile(sp))))
		return loc_from(NULL, 0, NULL, 0, 0, 0, scratch);
	unsigned dlen = 0;
	const char *name = file ? LLVMDIFileGetFilename(file, &len) : NULL;
	const char *dir = file ? LLVMDIFileGetDirectory(file, &dlen) : NULL;
	return loc_from(dir, dlen, name, len, LLVMDILocationGetLine(loc),
			LLVMDILocationGetColumn(loc), scratch);
}

struct ffiguard_loc ir_fn_loc(LLVMValueRef fn, struct buf *scratch)
{
	unsigned len = 0, dlen = 0;
	const char *file = LLVMGetDebugLocFilename(fn, &len);
	const char *dir = file ? LLVMGetDebugLocDirectory(fn, &dlen) : NULL;
	return loc_from(dir, dlen, file, len, LLVMGetDebugLocLine(fn), 0, scratch);
}
