/* Allocator families: which functions allocate or release memory of which family, by the
 * "alloc-family"/allockind attributes or by name. Contracts, not implementations: a defined
 * __rust_alloc that ends in malloc is still family rust. Derived releases come from summaries. */
#include "summary.h"

#include <llvm-c/DebugInfo.h>
#include <stdio.h>
#include <string.h>

/* LLVM's AllocFnKind bits (llvm/IR/Attributes.h), as the allockind attribute stores them. */
enum {
	KIND_ALLOC = 1 << 0,
	KIND_REALLOC = 1 << 1,
	KIND_FREE = 1 << 2,
};

struct named_alloc {
	const char *name;
	enum alloc_role role;
	const char *family;
	int ptr_arg; /* released, or with out_param the out-parameter */
	bool may_return_null;
	bool out_param; /* the allocation is stored through ptr_arg, at offset 0 */
};

/* Functions clang and libc leave without attributes at -O0 (inferattrs adds them at -O2). */
static const struct named_alloc by_name[] = {
    {"malloc", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"calloc", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"realloc", ALLOC_REALLOCATES, "malloc", 0, true, false},
    {"reallocarray", ALLOC_REALLOCATES, "malloc", 0, true, false},
    {"strdup", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"strndup", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"aligned_alloc", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"memalign", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"valloc", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"pvalloc", ALLOC_ALLOCATES, "malloc", -1, true, false},
    {"posix_memalign", ALLOC_ALLOCATES, "malloc", 0, true, true},
    /* char **strp: the string, or on failure unspecified (glibc leaves it as it was). */
    {"asprintf", ALLOC_ALLOCATES, "malloc", 0, true, true},
    {"vasprintf", ALLOC_ALLOCATES, "malloc", 0, true, true},
    /* char **lineptr: a buffer malloc'ed, or realloc'ed from the one given. */
    {"getline", ALLOC_ALLOCATES, "malloc", 0, true, true},
    {"getdelim", ALLOC_ALLOCATES, "malloc", 0, true, true},
    {"free", ALLOC_RELEASES, "malloc", 0, false, false},
    {"_Znwm", ALLOC_ALLOCATES, "new", -1, false, false},
    {"_ZnwmSt11align_val_t", ALLOC_ALLOCATES, "new", -1, false, false},
    {"_ZnwmRKSt9nothrow_t", ALLOC_ALLOCATES, "new", -1, true, false},
    {"_ZnwmSt11align_val_tRKSt9nothrow_t", ALLOC_ALLOCATES, "new", -1, true, false},
    {"_ZdlPv", ALLOC_RELEASES, "new", 0, false, false},
    {"_ZdlPvm", ALLOC_RELEASES, "new", 0, false, false},
    {"_ZdlPvSt11align_val_t", ALLOC_RELEASES, "new", 0, false, false},
    {"_ZdlPvmSt11align_val_t", ALLOC_RELEASES, "new", 0, false, false},
    {"_ZdlPvRKSt9nothrow_t", ALLOC_RELEASES, "new", 0, false, false},
    {"_ZdlPvSt11align_val_tRKSt9nothrow_t", ALLOC_RELEASES, "new", 0, false, false},
    {"_Znam", ALLOC_ALLOCATES, "new[]", -1, false, false},
    {"_ZnamSt11align_val_t", ALLOC_ALLOCATES, "new[]", -1, false, false},
    {"_ZnamRKSt9nothrow_t", ALLOC_ALLOCATES, "new[]", -1, true, false},
    {"_ZnamSt11align_val_tRKSt9nothrow_t", ALLOC_ALLOCATES, "new[]", -1, true, false},
    {"_ZdaPv", ALLOC_RELEASES, "new[]", 0, false, false},
    {"_ZdaPvm", ALLOC_RELEASES, "new[]", 0, false, false},
    {"_ZdaPvSt11align_val_t", ALLOC_RELEASES, "new[]", 0, false, false},
    {"_ZdaPvmSt11align_val_t", ALLOC_RELEASES, "new[]", 0, false, false},
    {"_ZdaPvRKSt9nothrow_t", ALLOC_RELEASES, "new[]", 0, false, false},
    {"_ZdaPvSt11align_val_tRKSt9nothrow_t", ALLOC_RELEASES, "new[]", 0, false, false},
    /* SQLite's allocator (its own, behind a configurable function pointer, with a size header:
     * what it hands out goes back to sqlite3_free, never to free or Rust). sqlite3_free itself
     * stays its body's (or unknown): SQLite's own paths release through it behind tests of a
     * destructor argument that -O0 callers do not pass as a constant. */
    {"sqlite3_malloc", ALLOC_ALLOCATES, "sqlite3", -1, true, false},
    {"sqlite3_malloc64", ALLOC_ALLOCATES, "sqlite3", -1, true, false},
    {"sqlite3_realloc", ALLOC_REALLOCATES, "sqlite3", 0, true, false},
    {"sqlite3_realloc64", ALLOC_REALLOCATES, "sqlite3", 0, true, false},
    {"sqlite3_mprintf", ALLOC_ALLOCATES, "sqlite3", -1, true, false},
    {"sqlite3_vmprintf", ALLOC_ALLOCATES, "sqlite3", -1, true, false},
    {"sqlite3_expanded_sql", ALLOC_ALLOCATES, "sqlite3", -1, true, false},
};

/* rustc's shims keep these names as the last path component, mangled or not
 * (_RNvCs..._7___rustc12___rust_alloc since rustc 1.9x). */
static const struct named_alloc rust_suffixes[] = {
    {"__rust_alloc", ALLOC_ALLOCATES, "rust", -1, false, false},
    {"__rust_alloc_zeroed", ALLOC_ALLOCATES, "rust", -1, false, false},
    {"__rust_realloc", ALLOC_REALLOCATES, "rust", 0, false, false},
    {"__rust_dealloc", ALLOC_RELEASES, "rust", 0, false, false},
};

/* The attribute's family names the allocation function; ffiguard names the family. */
static const char *family_name(const char *attr, unsigned len)
{
	static const struct {
		const char *attr;
		const char *family;
	} names[] = {
	    {"__rust_alloc", "rust"}, {"malloc", "malloc"}, {"_Znwm", "new"}, {"_Znam", "new[]"}};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].attr) == len && memcmp(names[i].attr, attr, len) == 0)
			return names[i].family;
	return NULL;
}

static int allocptr_param(LLVMValueRef fn)
{
	unsigned kind = ir_attr_kind("allocptr");
	unsigned n = LLVMCountParams(fn);
	for (unsigned i = 0; i < n; i++)
		if (LLVMGetEnumAttributeAtIndex(fn, i + 1, kind))
			return (int)i;
	return 0;
}

static bool from_attributes(LLVMValueRef fn, struct alloc_fact *out)
{
	LLVMAttributeRef fam =
	    LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, "alloc-family", 12);
	unsigned kind_id = ir_attr_kind("allockind");
	LLVMAttributeRef kind =
	    LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind_id);
	if (!fam || !kind)
		return false;
	unsigned len = 0;
	const char *value = LLVMGetStringAttributeValue(fam, &len);
	const char *family = family_name(value, len);
	uint64_t bits = LLVMGetEnumAttributeValue(kind);
	if (!len)
		return false;
	/* A custom family is named by the attribute value itself (not NUL-terminated). */
	if (family)
		snprintf(out->family, sizeof(out->family), "%s", family);
	else
		snprintf(out->family, sizeof(out->family), "%.*s", (int)len, value);
	out->may_return_null = strcmp(out->family, "malloc") == 0;
	if (bits & KIND_REALLOC) {
		out->role = ALLOC_REALLOCATES;
		out->ptr_arg = allocptr_param(fn);
	} else if (bits & KIND_FREE) {
		out->role = ALLOC_RELEASES;
		out->ptr_arg = allocptr_param(fn);
	} else if (bits & KIND_ALLOC) {
		out->role = ALLOC_ALLOCATES;
	} else {
		return false;
	}
	return true;
}

static bool ends_with_component(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);
	if (n < k || memcmp(s + n - k, name, k) != 0)
		return false;
	/* The bytes before must end the previous component: a length, optionally followed by
	 * v0's '_' separator (identifiers starting with '_' get one), or nothing. */
	if (n == k)
		return true;
	size_t i = n - k - 1;
	if (s[i] == '_' && i > 0)
		i--;
	return s[i] >= '0' && s[i] <= '9';
}

static void fill(struct alloc_fact *out, const struct named_alloc *e)
{
	out->role = e->role;
	snprintf(out->family, sizeof(out->family), "%s", e->family);
	out->ptr_arg = e->ptr_arg;
	out->out_param = e->out_param;
	out->may_return_null = e->may_return_null;
}

bool summary_alloc_classify(LLVMValueRef fn, struct alloc_fact *out)
{
	memset(out, 0, sizeof(*out));
	out->ptr_arg = -1;
	if (!fn || !LLVMIsAFunction(fn) || LLVMGetIntrinsicID(fn))
		return false;
	size_t n;
	const char *name = LLVMGetValueName2(fn, &n);
	for (size_t i = 0; i < sizeof(by_name) / sizeof(by_name[0]); i++) {
		if (strlen(by_name[i].name) == n && memcmp(by_name[i].name, name, n) == 0) {
			fill(out, &by_name[i]);
			return true;
		}
	}
	if (from_attributes(fn, out))
		return true;
	for (size_t i = 0; i < sizeof(rust_suffixes) / sizeof(rust_suffixes[0]); i++) {
		if (ends_with_component(name, n, rust_suffixes[i].name)) {
			fill(out, &rust_suffixes[i]);
			return true;
		}
	}
	memset(out, 0, sizeof(*out));
	out->ptr_arg = -1;
	return false;
}

/* rustc's fat LTO inlines __rust_alloc -> __rdl_alloc -> malloc into its callers: the call is
 * then to malloc, but the debug location still says whose contract it fulfils. */
static const char *const rust_allocator_frames[] = {
    "__rust_alloc", "__rust_alloc_zeroed", "__rust_realloc", "__rust_dealloc",
    "__rdl_alloc",  "__rdl_alloc_zeroed",  "__rdl_realloc",  "__rdl_dealloc",
    "__rg_alloc",   "__rg_alloc_zeroed",   "__rg_realloc",   "__rg_dealloc",
};

/* The Rust allocator shim `scope` is in: its index in rust_allocator_frames, or -1. */
static int rust_allocator_frame(LLVMContextRef ctx, LLVMMetadataRef scope)
{
	/* Up from a lexical block to its subprogram; DILexicalBlock keeps its scope in operand 1.
	 */
	for (int depth = 0; scope && depth < 16; depth++) {
		LLVMValueRef node = LLVMMetadataAsValue(ctx, scope);
		unsigned n = LLVMGetMDNodeNumOperands(node);
		LLVMValueRef ops[16];
		if (n > 16)
			n = 16;
		LLVMGetMDNodeOperands(node, ops);
		if (LLVMGetMetadataKind(scope) != LLVMDISubprogramMetadataKind) {
			scope = n > 1 && ops[1] ? LLVMValueAsMetadata(ops[1]) : NULL;
			continue;
		}
		for (unsigned i = 0; i < n; i++) {
			unsigned len = 0;
			const char *str = ops[i] ? LLVMGetMDString(ops[i], &len) : NULL;
			for (size_t k = 0; str && k < sizeof(rust_allocator_frames) /
							  sizeof(rust_allocator_frames[0]);
			     k++)
				if (ends_with_component(str, len, rust_allocator_frames[k]))
					return (int)k;
		}
		return -1;
	}
	return -1;
}

const struct alloc_fact *summary_allocator(const struct summaries *s, LLVMValueRef fn)
{
	return fn ? map_get(&s->allocators, fn) : NULL;
}

/* The file name of `scope` (`len` bytes), or NULL. */
static const char *scope_file(LLVMMetadataRef scope, unsigned *len)
{
	LLVMMetadataRef file = scope ? LLVMDIScopeGetFile(scope) : NULL;
	*len = 0;
	return file ? LLVMDIFileGetFilename(file, len) : NULL;
}

static bool has_part(const char *name, unsigned len, const char *part)
{
	size_t n = strlen(part);
	for (unsigned i = 0; name && i + n <= len; i++)
		if (memcmp(name + i, part, n) == 0)
			return true;
	return false;
}

/* Whether `scope` is in a Rust source file: in the core or alloc library (which reach libc's
 * allocator only through Rust's), or, with `any`, any .rs file. */
static bool rust_source(LLVMMetadataRef scope, bool any)
{
	unsigned len;
	const char *name = scope_file(scope, &len);
	if (!name)
		return false;
	if (any)
		return len > 3 && memcmp(name + len - 3, ".rs", 3) == 0;
	return has_part(name, len, "library/core/") || has_part(name, len, "library/alloc");
}

/* A call in std's own allocation functions (library/alloc/src/alloc.rs: alloc, dealloc,
 * Global::alloc_impl_runtime, grow_impl_runtime, ...), whose inlined __rust_* shims left no
 * frame of their own: it reaches the global allocator, in a role its signature tells. */
#define ROW_BY_SIGNATURE 4
/* A call in core's default GlobalAlloc methods (realloc as alloc, copy and dealloc;
 * alloc_zeroed as alloc and fill) inside a shim: an alloc or a dealloc, never a realloc. */
#define ROW_NO_REALLOC 5

/* The row (alloc, alloc_zeroed, realloc, dealloc: 0..3) of the innermost Rust allocator shim a
 * call was inlined from, ROW_BY_SIGNATURE, ROW_NO_REALLOC, or -1. */
static int inlined_frame(LLVMValueRef call)
{
	LLVMContextRef ctx = LLVMGetTypeContext(LLVMTypeOf(call));
	LLVMMetadataRef first = LLVMInstructionGetDebugLoc(call);
	unsigned len = 0;
	for (LLVMMetadataRef loc = first; loc; loc = LLVMDILocationGetInlinedAt(loc)) {
		LLVMMetadataRef scope = LLVMDILocationGetScope(loc);
		int k = rust_allocator_frame(ctx, scope);
		if (k >= 0)
			return k % 4;
		const char *name = scope_file(scope, &len);
		if (has_part(name, len, "library/core/src/alloc/global.rs"))
			return ROW_NO_REALLOC;
	}
	const char *name = first ? scope_file(LLVMDILocationGetScope(first), &len) : NULL;
	return has_part(name, len, "library/alloc/src/alloc.rs") ? ROW_BY_SIGNATURE : -1;
}

bool summary_in_rust_allocator(LLVMValueRef call)
{
	LLVMMetadataRef first = LLVMInstructionGetDebugLoc(call);
	if (inlined_frame(call) >= 0)
		return true;
	/* Merged from several inlined shims (line 0) in the standard library's own code, which
	 * reaches C only through the global allocator. */
	if (!first || LLVMDILocationGetLine(first) != 0)
		return false;
	unsigned len;
	const char *name = scope_file(LLVMDILocationGetScope(first), &len);
	return has_part(name, len, "library/");
}

/* Calls of one function looked at to learn its role: far more than the allocator's own API
 * needs (its every call from Rust goes through the shims). */
#define ROLE_USES 64

/* The shim row a call of `callee` inlined from Rust's allocator shims has (alloc, alloc_zeroed,
 * realloc, dealloc: 0..3, or a row its signature decides), or -1: the call's own frames. A call
 * whose frames leave the role to its signature (std's alloc.rs), or that was merged from several
 * (line 0, in Rust code), takes the row the function has at its other calls, learnt once: a
 * pointer-first allocator (`arena_alloc(&ARENA, size)`) is no realloc. */
static int shim_role(struct summaries *s, LLVMValueRef call, LLVMValueRef callee)
{
	int k = inlined_frame(call);
	if (k >= 0 && k < 4)
		return k;
	LLVMMetadataRef first = LLVMInstructionGetDebugLoc(call);
	if (k < 0 && (!first || LLVMDILocationGetLine(first) != 0 ||
		      !rust_source(LLVMDILocationGetScope(first), true)))
		return -1;
	void *known = map_get(&s->shim_roles, callee);
	if (!known) {
		int role = -1, n = 0;
		for (LLVMUseRef u = LLVMGetFirstUse(callee); u && role < 0 && n < ROLE_USES;
		     u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u);
			if (!ir_is_call(user) || LLVMGetCalledValue(user) != callee)
				continue;
			n++;
			int r = inlined_frame(user);
			role = r < 4 ? r : -1;
		}
		known = (void *)(intptr_t)(role + 2);
		map_put(&s->shim_roles, callee, known);
	}
	int learnt = (int)(intptr_t)known - 2;
	return learnt >= 0 ? learnt : k;
}

bool summary_alloc_inlined(struct summaries *s, LLVMValueRef call, LLVMValueRef callee,
			   struct alloc_fact *out)
{
	int role = shim_role(s, call, callee);
	if (role < 0)
		return false;
	LLVMTypeKind ret = LLVMGetTypeKind(LLVMTypeOf(call));
	/* The block released or resized: the first pointer argument that is not a constant (the
	 * #[global_allocator] static, passed on as the C allocator's context, is one). */
	int block = -1;
	for (unsigned i = 0, n = LLVMGetNumArgOperands(call); block < 0 && i < n; i++) {
		LLVMValueRef a = LLVMGetOperand(call, i);
		if (LLVMGetTypeKind(LLVMTypeOf(a)) == LLVMPointerTypeKind && !LLVMIsAConstant(a))
			block = (int)i;
	}
	memset(out, 0, sizeof(*out));
	snprintf(out->family, sizeof(out->family), "rust");
	out->ptr_arg = -1;
	if (role == ROW_BY_SIGNATURE)
		role = ret == LLVMVoidTypeKind ? 3 : block >= 0 ? 2 : 0;
	else if (role == ROW_NO_REALLOC)
		role = ret == LLVMVoidTypeKind ? 3 : 0;
	switch (role) {
	case 0:
	case 1:
		out->role = ALLOC_ALLOCATES;
		return ret == LLVMPointerTypeKind;
	case 2:
		out->role = ALLOC_REALLOCATES;
		out->ptr_arg = block;
		return ret == LLVMPointerTypeKind && block >= 0;
	default:
		out->role = ALLOC_RELEASES;
		out->ptr_arg = block;
		return ret == LLVMVoidTypeKind && block >= 0;
	}
}

void summary_alloc_at_call(LLVMValueRef call, struct alloc_fact *out)
{
	if (strcmp(out->family, "rust") == 0)
		return;
	LLVMMetadataRef first = LLVMInstructionGetDebugLoc(call);
	bool libc = strcmp(out->family, "malloc") == 0, rust = summary_in_rust_allocator(call);
	for (LLVMMetadataRef loc = first; loc && libc && !rust;
	     loc = LLVMDILocationGetInlinedAt(loc))
		rust = rust_source(LLVMDILocationGetScope(loc), false);
	/* LLVM merges identical inlined calls from different sites (two drop arms' frees) into
	 * one whose location has lost its inlined frames: line 0, or a core/alloc frame such as
	 * drop_in_place. In Rust code, such a malloc or free is Rust's allocator's. */
	if (!rust && libc && first && LLVMDILocationGetLine(first) == 0)
		rust = rust_source(LLVMDILocationGetScope(first), true);
	if (rust) {
		snprintf(out->family, sizeof(out->family), "rust");
		out->may_return_null = false;
	}
}
