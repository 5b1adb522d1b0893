/* Provenance: which language each function came from, from the evidence of DESIGN §2 (input
 * producer, compile unit, DISubprogram file, mangling, runtime helpers, attributes). Edges and
 * checks only consume the verdict. */
#include "ir.h"

#include <llvm-c/DebugInfo.h>
#include <stdlib.h>
#include <string.h>

enum ffiguard_lang ir_lang_from_name(const char *name)
{
	if (!name)
		return FFIGUARD_LANG_UNKNOWN;
	if (strcmp(name, "rust") == 0)
		return FFIGUARD_LANG_RUST;
	if (strcmp(name, "c") == 0)
		return FFIGUARD_LANG_C;
	if (strcmp(name, "c++") == 0)
		return FFIGUARD_LANG_CXX;
	return FFIGUARD_LANG_UNKNOWN;
}

static bool has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Language of a source file by its extension; headers count as C++ (DESIGN §2). */
static enum ffiguard_lang lang_of_file(const char *file, size_t n)
{
	static const char *const cxx[] = {".cc",  ".cpp", ".cxx", ".c++", ".C",   ".h",  ".hh",
					  ".hpp", ".hxx", ".h++", ".ipp", ".tcc", ".inl"};
	if (!file || !n)
		return FFIGUARD_LANG_UNKNOWN;
	if (has_suffix(file, n, ".rs"))
		return FFIGUARD_LANG_RUST;
	if (has_suffix(file, n, ".c"))
		return FFIGUARD_LANG_C;
	for (size_t i = 0; i < sizeof(cxx) / sizeof(cxx[0]); i++)
		if (has_suffix(file, n, cxx[i]))
			return FFIGUARD_LANG_CXX;
	return FFIGUARD_LANG_UNKNOWN;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Legacy Rust symbols are Itanium-shaped but end in a 17h<16 hex>E hash component. */
static bool is_rust_legacy(const char *s, size_t n)
{
	if (n < 24 || strncmp(s, "_ZN", 3) != 0 || s[n - 1] != 'E')
		return false;
	const char *h = s + n - 1 - 16;
	if (memcmp(h - 3, "17h", 3) != 0)
		return false;
	for (int i = 0; i < 16; i++)
		if (!is_hex(h[i]))
			return false;
	return true;
}

static enum ffiguard_lang lang_of_symbol(const char *s, size_t n)
{
	if (n > 2 && s[0] == '_' && s[1] == 'R' && s[2] >= 'A' && s[2] <= 'Z')
		return FFIGUARD_LANG_RUST;
	if (is_rust_legacy(s, n))
		return FFIGUARD_LANG_RUST;
	if (n > 2 && s[0] == '_' && s[1] == 'Z')
		return FFIGUARD_LANG_CXX;
	/* The C++ runtime's helpers: unmangled, often without debug info. (The C library's
	 * __cxa_atexit, __cxa_finalize and __cxa_thread_atexit_impl are C: Rust's std calls them.)
	 */
	if ((n == 22 && memcmp(s, "__clang_call_terminate", 22) == 0) ||
	    (n > 6 && memcmp(s, "__gxx_", 6) == 0) ||
	    (n > 6 && memcmp(s, "__cxa_", 6) == 0 && !memmem(s, n, "atexit", 6) &&
	     !memmem(s, n, "finalize", 8)))
		return FFIGUARD_LANG_CXX;
	return FFIGUARD_LANG_UNKNOWN;
}

static bool has_fn_attr(LLVMValueRef fn, const char *name)
{
	return LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, name,
					     (unsigned)strlen(name)) != NULL;
}

/* What the compiler left on a definition: rustc's and clang's attribute habits. */
static enum ffiguard_lang lang_of_attributes(LLVMValueRef fn)
{
	if (LLVMHasPersonalityFn(fn)) {
		size_t n;
		const char *p = LLVMGetValueName2(LLVMGetPersonalityFn(fn), &n);
		if (n == strlen("rust_eh_personality") && memcmp(p, "rust_eh_personality", n) == 0)
			return FFIGUARD_LANG_RUST;
	}
	if (has_fn_attr(fn, "probe-stack") ||
	    ir_attr(fn, LLVMAttributeFunctionIndex, "nonlazybind"))
		return FFIGUARD_LANG_RUST;
	if (has_fn_attr(fn, "no-trapping-math") || has_fn_attr(fn, "stack-protector-buffer-size"))
		return ir_attr(fn, LLVMAttributeFunctionIndex, "mustprogress") ? FFIGUARD_LANG_CXX
									       : FFIGUARD_LANG_C;
	return FFIGUARD_LANG_UNKNOWN;
}

/* The compile unit's language, from what the C API shows of it: its producer (rustc's says so)
 * and its main file. A C file's static inline functions from a header are C, whatever the
 * header's extension. (DISubprogram operand 5 is its unit, whose operands 0 and 1 are the file
 * and the producer.) */
static enum ffiguard_lang lang_of_unit(LLVMValueRef fn)
{
	LLVMMetadataRef sp = LLVMGetSubprogram(fn);
	if (!sp)
		return FFIGUARD_LANG_UNKNOWN;
	LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(fn));
	LLVMValueRef node = LLVMMetadataAsValue(ctx, sp);
	LLVMValueRef ops[16];
	if (LLVMGetMDNodeNumOperands(node) < 6 || LLVMGetMDNodeNumOperands(node) > 16)
		return FFIGUARD_LANG_UNKNOWN;
	LLVMGetMDNodeOperands(node, ops);
	LLVMValueRef unit = ops[5];
	if (!unit || !LLVMIsAMDNode(unit) || LLVMGetMDNodeNumOperands(unit) < 2 ||
	    LLVMGetMDNodeNumOperands(unit) > 16)
		return FFIGUARD_LANG_UNKNOWN;
	LLVMGetMDNodeOperands(unit, ops);
	unsigned len = 0;
	const char *producer = ops[1] ? LLVMGetMDString(ops[1], &len) : NULL;
	if (producer && len >= 5 && memmem(producer, len, "rustc", 5))
		return FFIGUARD_LANG_RUST;
	if (!ops[0] || !LLVMIsAMDNode(ops[0]))
		return FFIGUARD_LANG_UNKNOWN;
	const char *file = LLVMDIFileGetFilename(LLVMValueAsMetadata(ops[0]), &len);
	enum ffiguard_lang lang = lang_of_file(file, len);
	/* Only a source file says it: a unit named after a header proves nothing. */
	return file && has_suffix(file, len, ".h") ? FFIGUARD_LANG_UNKNOWN : lang;
}

enum ffiguard_lang ffiguard_function_lang(LLVMValueRef fn)
{
	if (!fn || !LLVMIsAFunction(fn) || LLVMGetIntrinsicID(fn))
		return FFIGUARD_LANG_UNKNOWN;

	size_t n;
	const char *symbol = LLVMGetValueName2(fn, &n);
	bool defined = !LLVMIsDeclaration(fn);
	enum ffiguard_lang lang = FFIGUARD_LANG_UNKNOWN;

	if (defined) {
		unsigned len = 0;
		LLVMAttributeRef tag = LLVMGetStringAttributeAtIndex(
		    fn, LLVMAttributeFunctionIndex, IR_LANG_ATTR, strlen(IR_LANG_ATTR));
		if (tag) {
			const char *v = LLVMGetStringAttributeValue(tag, &len);
			char name[8] = {0};
			if (len < sizeof(name))
				memcpy(name, v, len);
			if ((lang = ir_lang_from_name(name)) != FFIGUARD_LANG_UNKNOWN)
				return lang;
		}
		if ((lang = lang_of_unit(fn)) != FFIGUARD_LANG_UNKNOWN)
			return lang;
		const char *file = LLVMGetDebugLocFilename(fn, &len);
		if ((lang = lang_of_file(file, len)) != FFIGUARD_LANG_UNKNOWN)
			return lang;
	}
	/* A declaration's attributes belong to the module that declared it, not to the callee's
	 * language; only its name speaks for the callee. */
	if ((lang = lang_of_symbol(symbol, n)) != FFIGUARD_LANG_UNKNOWN)
		return lang;
	return defined ? lang_of_attributes(fn) : FFIGUARD_LANG_UNKNOWN;
}

/* llvm.ident says who produced a module: "rustc version ..." or "... clang version ...". */
enum ffiguard_lang ir_module_lang(LLVMModuleRef module)
{
	unsigned n = LLVMGetNamedMetadataNumOperands(module, "llvm.ident");
	if (n == 0)
		return FFIGUARD_LANG_UNKNOWN;
	LLVMValueRef *ops = xcalloc(n, sizeof(*ops));
	LLVMGetNamedMetadataOperands(module, "llvm.ident", ops);
	enum ffiguard_lang lang = FFIGUARD_LANG_UNKNOWN;
	bool mixed = false;
	size_t srclen = 0;
	const char *src = LLVMGetSourceFileName(module, &srclen);
	for (unsigned i = 0; i < n && !mixed; i++) {
		enum ffiguard_lang l = FFIGUARD_LANG_UNKNOWN;
		LLVMValueRef str = LLVMGetNumOperands(ops[i]) ? LLVMGetOperand(ops[i], 0) : NULL;
		unsigned len = 0;
		const char *id = str ? LLVMGetMDString(str, &len) : NULL;
		char text[256] = {0};
		if (id)
			memcpy(text, id, len < sizeof(text) - 1 ? len : sizeof(text) - 1);
		if (strstr(text, "rustc version"))
			l = FFIGUARD_LANG_RUST;
		else if (strstr(text, "clang version"))
			l = has_suffix(src, srclen, ".c") ? FFIGUARD_LANG_C : FFIGUARD_LANG_CXX;
		if (l == FFIGUARD_LANG_UNKNOWN || (lang != FFIGUARD_LANG_UNKNOWN && l != lang))
			mixed = true;
		lang = l;
	}
	free(ops);
	return mixed ? FFIGUARD_LANG_UNKNOWN : lang;
}
