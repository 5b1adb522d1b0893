/* The rules: their registry (ids, descriptions, default severities) and one check per file.
 * A check reads events, summaries and FFI edges and adds findings; it never prints. */
#ifndef FFIGUARD_CHECKS_H
#define FFIGUARD_CHECKS_H

#include "summary.h"

struct check_ctx {
	struct summaries *s;
	struct ffiguard_report *report;
	struct ir_fn *within; /* the function whose events and paths are being judged */
	struct map seen;      /* findings already reported, by rule + location + message */
	char **seen_keys;
	size_t n_seen, cap_seen;
};

#define CHECK_MAX_NOTES 4

struct check_note {
	LLVMValueRef inst;
	struct ir_fn *fn;
	char *message;
};

struct check_finding {
	const char *rule;
	enum ffiguard_severity severity;
	LLVMValueRef inst; /* where it is reported */
	struct ir_fn *fn;
	char *message;
	const struct site *edge; /* the FFI edge crossed, or NULL */
	bool edge_is_call;       /* the edge note speaks of the call, not of a pointer */
	struct check_note notes[CHECK_MAX_NOTES];
	size_t n_notes;
};

extern const struct ffiguard_rule_info check_rules[];
extern const size_t check_rule_count;

/* Checks of one function's events (ownership). */
void check_alloc_mismatch(struct check_ctx *c, struct ir_fn *f);
void check_double_free(struct check_ctx *c, struct ir_fn *f);
void check_use_after_free(struct check_ctx *c, struct ir_fn *f);
void check_leak(struct check_ctx *c, struct ir_fn *f);
/* Calls from both languages to a function the module only declares (abi-signature-mismatch). */
void check_declaration_agreement(struct check_ctx *c, struct ir_fn *d);
/* Checks of one FFI edge (ABI, aliasing, null). */
void check_signature_mismatch(struct check_ctx *c, struct ir_edge *e);
void check_unwind_into_nounwind(struct check_ctx *c, struct ir_edge *e);
void check_null_to_nonnull(struct check_ctx *c, struct ir_edge *e);
void check_noalias_violation(struct check_ctx *c, struct ir_edge *e);
void check_readonly_write(struct check_ctx *c, struct ir_edge *e);
void check_stack_escape(struct check_ctx *c, struct ir_edge *e);

/* ---- shared by the checks (check-common.c) ---- */
__attribute__((format(printf, 4, 5))) void check_note(struct check_finding *cf, LLVMValueRef inst,
						      struct ir_fn *fn, const char *fmt, ...);
/* Adds the edge note, converts locations, drops duplicates, adds to the report, frees. */
void check_emit(struct check_ctx *c, struct check_finding *cf);
/* "malloc", "operator new", ...: how memory of a family is obtained and given back. */
const char *family_alloc_text(const char *family);
const char *family_release_text(const char *family);
/* Whether memory of these two families comes from different languages' runtimes. */
bool families_cross(const char *a, const char *b);
/* The first FFI edge among the sites, or NULL. */
const struct site *site_edge(const struct site *a, const struct site *b);
bool sites_cross(const struct site *a, const struct site *b);
/* The site of the edge itself, for check_finding.edge. */
struct site edge_site(const struct ir_edge *e);
/* The functions an edge calls, in order: the direct callee, the shims after it, the callee;
 * returns how many (at most n_via + 1). */
size_t edge_chain(const struct ir_edge *e, struct ir_fn **out);
/* The value the edge's call passes as parameter `j` of chain function `k`, followed back
 * through the forwarding shims; NULL when a shim does not pass a parameter straight on. */
LLVMValueRef edge_arg(const struct ir_edge *e, size_t k, unsigned j);
/* "'name'" of parameter j of `fn`, or "#j" when it has none; caller frees. */
char *param_label(LLVMValueRef fn, unsigned j);
/* Whether two tags say opposite things of one object's variant (a `Result`'s `Ok` and `Err`). */
bool tags_exclusive(const struct tag *a, const struct tag *b);
/* Is there a path from event `from` to `to` on which its key still names the same object (and
 * its tag, if any, still holds)? */
bool key_reaches(struct summaries *s, struct ir_fn *f, const struct event *from, LLVMValueRef to);
/* Calls `visit` on every event (by index) on `from`'s key reached from `from` while the key still
 * names the same object, at other instructions; one walk, which stops when `visit` says so.
 * With `past_releases` false it does not go past another release of the key that always
 * happens (the events at that release are still visited). */
void key_reach_events(struct summaries *s, struct ir_fn *f, const struct event *from,
		      bool past_releases,
		      bool (*visit)(void *data, const struct event *from, size_t i), void *data);
/* Does every path from the entry to `to` pass the release `through` (paths on which that
 * release is a no-op, its pointer null or its size zero, aside)? */
bool cfg_release_dominates(struct summaries *s, struct ir_fn *f, const struct event *through,
			   LLVMValueRef to);

#endif
