/* The report: findings, edges and counts copied out of LLVM into plain data, then sorted.
 * Producing findings is the checks' job; printing them is the writers'. */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ffiguard_lang_name(enum ffiguard_lang lang)
{
	switch (lang) {
	case FFIGUARD_LANG_RUST:
		return "rust";
	case FFIGUARD_LANG_C:
		return "c";
	case FFIGUARD_LANG_CXX:
		return "c++";
	case FFIGUARD_LANG_UNKNOWN:
		break;
	}
	return "unknown";
}

const char *ffiguard_severity_name(enum ffiguard_severity sev)
{
	switch (sev) {
	case FFIGUARD_SEV_ERROR:
		return "error";
	case FFIGUARD_SEV_WARNING:
		return "warning";
	case FFIGUARD_SEV_NOTE:
		break;
	}
	return "note";
}

struct ffiguard_report *ffiguard_report_new(void)
{
	struct ffiguard_report *r = xcalloc(1, sizeof(*r));
	map_init(&r->names, true);
	return r;
}

/* One copy of each function name and file name: an edge list repeats them (a caller with
 * 50 000 edges would otherwise have 50 000 copies of its name). */
static const char *intern(struct ffiguard_report *r, const char *s)
{
	if (!s)
		return NULL;
	char *copy = map_get(&r->names, s);
	if (!copy) {
		copy = arena_strdup(&r->arena, s);
		map_put(&r->names, copy, copy);
	}
	return copy;
}

void ffiguard_report_free(struct ffiguard_report *r)
{
	if (!r)
		return;
	arena_release(&r->arena);
	map_release(&r->names);
	free(r->inputs);
	free(r->findings);
	free(r->edges);
	free(r->inline_notes);
	free(r->remarks);
	free(r);
}

void ffiguard_report_add_input(struct ffiguard_report *r, const char *path)
{
	VEC_RESERVE(r->inputs, r->cap_inputs, r->n_inputs + 1);
	r->inputs[r->n_inputs++] = arena_strdup(&r->arena, path);
}

static struct ffiguard_fn copy_fn(struct ffiguard_report *r, const struct ffiguard_fn *fn)
{
	struct ffiguard_fn c = {intern(r, fn->symbol), intern(r, fn->name), fn->lang};
	if (!c.name)
		c.name = c.symbol;
	return c;
}

static struct ffiguard_loc copy_loc(struct ffiguard_report *r, const struct ffiguard_loc *loc)
{
	struct ffiguard_loc c = *loc;
	c.file = intern(r, loc->file);
	return c;
}

void ffiguard_report_add_finding(struct ffiguard_report *r, const struct ffiguard_finding *f)
{
	VEC_RESERVE(r->findings, r->cap_findings, r->n_findings + 1);
	struct ffiguard_finding *c = &r->findings[r->n_findings++];
	*c = *f;
	c->rule = arena_strdup(&r->arena, f->rule);
	c->message = arena_strdup(&r->arena, f->message);
	c->function = copy_fn(r, &f->function);
	c->loc = copy_loc(r, &f->loc);
	c->edge_caller = copy_fn(r, &f->edge_caller);
	c->edge_callee = copy_fn(r, &f->edge_callee);
	c->fingerprint = f->fingerprint ? arena_strdup(&r->arena, f->fingerprint) : NULL;
	struct ffiguard_note *notes = arena_alloc(&r->arena, f->n_notes * sizeof(*notes));
	for (size_t i = 0; i < f->n_notes; i++) {
		notes[i].message = arena_strdup(&r->arena, f->notes[i].message);
		notes[i].function = copy_fn(r, &f->notes[i].function);
		notes[i].loc = copy_loc(r, &f->notes[i].loc);
	}
	c->notes = notes;
}

void ffiguard_report_add_inline(struct ffiguard_report *r, const char *text, bool unblocked)
{
	VEC_RESERVE(r->inline_notes, r->cap_inline, r->n_inline + 1);
	r->inline_notes[r->n_inline++] = arena_strdup(&r->arena, text);
	if (unblocked)
		r->summary.shims_unblocked++;
	else
		r->summary.shims_skipped++;
}

void ffiguard_report_add_remark(struct ffiguard_report *r, const char *text)
{
	VEC_RESERVE(r->remarks, r->cap_remarks, r->n_remarks + 1);
	r->remarks[r->n_remarks++] = arena_strdup(&r->arena, text);
	r->summary.over_budget++;
}

size_t ffiguard_report_remark_count(const struct ffiguard_report *r)
{
	return r->n_remarks;
}

const char *ffiguard_report_remark(const struct ffiguard_report *r, size_t i)
{
	return i < r->n_remarks ? r->remarks[i] : NULL;
}

void ffiguard_report_add_edge(struct ffiguard_report *r, const struct ffiguard_edge *e)
{
	VEC_RESERVE(r->edges, r->cap_edges, r->n_edges + 1);
	struct ffiguard_edge *c = &r->edges[r->n_edges++];
	c->caller = copy_fn(r, &e->caller);
	c->callee = copy_fn(r, &e->callee);
	c->loc = copy_loc(r, &e->loc);
	c->n_via = e->n_via;
	struct ffiguard_fn *via = arena_alloc(&r->arena, e->n_via * sizeof(*via));
	for (size_t i = 0; i < e->n_via; i++)
		via[i] = copy_fn(r, &e->via[i]);
	c->via = via;
	c->indirect = e->indirect;
}

void ffiguard_report_set_rules(struct ffiguard_report *r, const struct ffiguard_rule_info *rules,
			       size_t n_rules)
{
	r->rules = rules;
	r->n_rules = n_rules;
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Located entries sort before unlocated ones, then by file, line and column. */
int loc_compare(const struct ffiguard_loc *a, const struct ffiguard_loc *b)
{
	if (!a->file || !b->file)
		return (a->file == NULL) - (b->file == NULL);
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	return 0;
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct ffiguard_finding *a = pa, *b = pb;
	int c = loc_compare(&a->loc, &b->loc);
	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp_null(a->function.symbol, b->function.symbol);
	if (!c)
		c = strcmp_null(a->message, b->message);
	return c;
}

static int edge_cmp(const void *pa, const void *pb)
{
	const struct ffiguard_edge *a = pa, *b = pb;
	int c = loc_compare(&a->loc, &b->loc);
	if (!c)
		c = strcmp_null(a->caller.symbol, b->caller.symbol);
	if (!c)
		c = strcmp_null(a->callee.symbol, b->callee.symbol);
	return c;
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (h ^ 0xff) * 1099511628211ull;
}

/* A hash of what the finding is, not where it is: rule, function, message and file. Line
 * numbers stay out so that an unrelated edit above the finding does not move it. */
static uint64_t finding_hash(const struct ffiguard_finding *f)
{
	uint64_t h = 1469598103934665603ull;
	h = fnv1a(h, f->rule);
	h = fnv1a(h, f->function.symbol);
	h = fnv1a(h, f->message);
	h = fnv1a(h, f->loc.file);
	return h;
}

void ffiguard_report_finish(struct ffiguard_report *r)
{
	if (r->n_findings)
		qsort(r->findings, r->n_findings, sizeof(*r->findings), finding_cmp);
	if (r->n_edges)
		qsort(r->edges, r->n_edges, sizeof(*r->edges), edge_cmp);
	r->summary.errors = r->summary.warnings = r->summary.baselined = 0;
	uint64_t *hashes = xmalloc((r->n_findings ? r->n_findings : 1) * sizeof(*hashes));
	for (size_t i = 0; i < r->n_findings; i++) {
		struct ffiguard_finding *f = &r->findings[i];
		/* Identical findings in one file get distinct occurrence numbers, in sorted order.
		 */
		hashes[i] = finding_hash(f);
		unsigned occurrence = 1;
		for (size_t j = 0; j < i; j++)
			occurrence += hashes[j] == hashes[i];
		char text[40];
		snprintf(text, sizeof(text), "%016llx:%u", (unsigned long long)hashes[i],
			 occurrence);
		if (!f->fingerprint || strcmp(f->fingerprint, text) != 0)
			f->fingerprint = arena_strdup(&r->arena, text);
		if (f->baselined)
			r->summary.baselined++;
		else if (f->severity == FFIGUARD_SEV_ERROR)
			r->summary.errors++;
		else if (f->severity == FFIGUARD_SEV_WARNING)
			r->summary.warnings++;
	}
	free(hashes);
	r->summary.ffi_edges = r->n_edges;
}

void ffiguard_report_merge(struct ffiguard_report *dst, const struct ffiguard_report *src)
{
	for (size_t i = 0; i < src->n_inputs; i++)
		ffiguard_report_add_input(dst, src->inputs[i]);
	for (size_t i = 0; i < src->n_findings; i++)
		ffiguard_report_add_finding(dst, &src->findings[i]);
	for (size_t i = 0; i < src->n_edges; i++)
		ffiguard_report_add_edge(dst, &src->edges[i]);
	for (size_t i = 0; i < src->n_remarks; i++)
		ffiguard_report_add_remark(dst, src->remarks[i]);
	if (!dst->rules)
		ffiguard_report_set_rules(dst, src->rules, src->n_rules);
	dst->summary.functions += src->summary.functions;
	dst->summary.unanalyzed_edges += src->summary.unanalyzed_edges;
}

const char *report_dependency_base(const char *file, const char **rest)
{
	static const struct {
		const char *label, *base;
	} bases[] = {{"registry: ", "CARGO_REGISTRY"}, {"git: ", "CARGO_GIT"}};
	for (size_t i = 0; file && i < sizeof(bases) / sizeof(bases[0]); i++) {
		size_t n = strlen(bases[i].label);
		if (strncmp(file, bases[i].label, n) == 0) {
			if (rest)
				*rest = file + n;
			return bases[i].base;
		}
	}
	return NULL;
}

size_t ffiguard_report_finding_count(const struct ffiguard_report *r)
{
	return r->n_findings;
}

const struct ffiguard_finding *ffiguard_report_finding(const struct ffiguard_report *r, size_t i)
{
	return i < r->n_findings ? &r->findings[i] : NULL;
}

size_t ffiguard_report_edge_count(const struct ffiguard_report *r)
{
	return r->n_edges;
}

const struct ffiguard_edge *ffiguard_report_edge(const struct ffiguard_report *r, size_t i)
{
	return i < r->n_edges ? &r->edges[i] : NULL;
}

struct ffiguard_summary *ffiguard_report_summary(struct ffiguard_report *r)
{
	return &r->summary;
}

int ffiguard_report_write(FILE *out, const struct ffiguard_report *r, enum ffiguard_format format,
			  bool color)
{
	switch (format) {
	case FFIGUARD_FORMAT_JSON:
		return report_write_json(out, r);
	case FFIGUARD_FORMAT_SARIF:
		return report_write_sarif(out, r);
	case FFIGUARD_FORMAT_TEXT:
		break;
	}
	return report_write_text(out, r, color);
}

int ffiguard_edges_write(FILE *out, const struct ffiguard_report *r, enum ffiguard_format format,
			 bool color)
{
	/* SARIF describes results, not inventories: edges print as JSON there. */
	if (format == FFIGUARD_FORMAT_TEXT)
		return edges_write_text(out, r, color);
	return edges_write_json(out, r);
}
