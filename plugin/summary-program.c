/* Builds every defined function's summary, callees first: call-graph SCCs in post order (an
 * iterative Tarjan), each recursive SCC iterated to a fixpoint within a small bound. */
#include "summary.h"

#include <errno.h>
#include <llvm-c/Target.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Facts only grow; a recursive cycle settles in a few rounds. Beyond that the summary stays
 * what it is (less than the truth, so fewer findings, never wrong ones in its place). */
#define MAX_ROUNDS 4

const struct summary *summary_of(const struct ir_fn *f)
{
	return f->summary;
}

const struct summary *summary_of_callee(const struct summaries *s, LLVMValueRef call)
{
	LLVMValueRef callee = ir_program_callee(s->program, call);
	struct ir_fn *g =
	    callee && ir_call_aligned(call, callee) ? map_get(&s->program->by_value, callee) : NULL;
	return g ? g->summary : NULL;
}

const struct fact *summary_fact(const struct summary *sum, enum ev_kind kind, int param)
{
	for (size_t i = 0; sum && i < sum->n_facts; i++) {
		const struct fact *ft = &sum->facts[i];
		if (ft->kind == kind && ft->param == param && !ft->deref && ft->field == -1)
			return ft;
	}
	return NULL;
}

/* Functions with up to this many events are not indexed: a scan of their events is as quick as
 * a lookup, and most functions have a handful (a 50 000-function program would otherwise hold
 * 100 000 small maps). */
#define INDEX_MIN_EVENTS 16

static bool indexed(const struct summary *sum)
{
	return sum->n_events > INDEX_MIN_EVENTS;
}

/* Links every event into the list of its (base, kind) and of its instruction, once the events
 * are final; the lists keep event order. */
static void index_build(struct summary *sum)
{
	if (sum->next_on_base || !indexed(sum))
		return;
	sum->next_on_base = xmalloc(sum->n_events * sizeof(*sum->next_on_base));
	sum->next_at = xmalloc(sum->n_events * sizeof(*sum->next_at));
	for (size_t i = sum->n_events; i-- > 0;) {
		const struct event *e = &sum->events[i];
		struct map *m = &sum->by_base[e->kind];
		sum->next_on_base[i] = (size_t)(uintptr_t)map_get(m, e->key.base) - 1;
		map_put(m, e->key.base, (void *)(uintptr_t)(i + 1));
		sum->next_at[i] = (size_t)(uintptr_t)map_get(&sum->by_at, e->at) - 1;
		map_put(&sum->by_at, e->at, (void *)(uintptr_t)(i + 1));
	}
}

/* Without an index: the first event from `i` on, of `kind` on `base` (at NULL) or at `at`. */
static size_t scan_from(const struct summary *sum, size_t i, LLVMValueRef base, enum ev_kind kind,
			LLVMValueRef at)
{
	for (; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		if (at ? e->at == at : e->kind == kind && e->key.base == base)
			return i;
	}
	return SIZE_MAX;
}

size_t summary_first_on(const struct summary *sum, LLVMValueRef base, enum ev_kind kind)
{
	if (!indexed(sum))
		return scan_from(sum, 0, base, kind, NULL);
	index_build((struct summary *)sum);
	return (size_t)(uintptr_t)map_get(&sum->by_base[kind], base) - 1;
}

size_t summary_next_on(const struct summary *sum, size_t i)
{
	if (!indexed(sum))
		return scan_from(sum, i + 1, sum->events[i].key.base, sum->events[i].kind, NULL);
	return sum->next_on_base[i];
}

size_t summary_first_at(const struct summary *sum, LLVMValueRef at)
{
	if (!indexed(sum))
		return scan_from(sum, 0, NULL, EV_ALLOC, at);
	index_build((struct summary *)sum);
	return (size_t)(uintptr_t)map_get(&sum->by_at, at) - 1;
}

size_t summary_next_at(const struct summary *sum, size_t i)
{
	if (!indexed(sum))
		return scan_from(sum, i + 1, NULL, EV_ALLOC, sum->events[i].at);
	return sum->next_at[i];
}

void summary_index_release(struct summary *sum)
{
	for (int k = 0; k <= EV_RETURN; k++)
		map_release(&sum->by_base[k]);
	map_release(&sum->by_at);
	free(sum->next_on_base);
	free(sum->next_at);
	sum->next_on_base = sum->next_at = NULL;
}

/* A constant's address or value when the IR fixes it; a symbol's address is never 0 or all ones. */
enum known { KNOWN_INT, KNOWN_SYMBOL, KNOWN_NOTHING };

static enum known const_value(LLVMValueRef v, unsigned long long *out)
{
	if (LLVMIsAConstantInt(v)) {
		*out = LLVMConstIntGetZExtValue(v);
		return KNOWN_INT;
	}
	if (LLVMIsAConstantPointerNull(v)) {
		*out = 0;
		return KNOWN_INT;
	}
	if (LLVMIsAConstantExpr(v) && LLVMGetConstOpcode(v) == LLVMIntToPtr &&
	    LLVMIsAConstantInt(LLVMGetOperand(v, 0))) {
		*out = LLVMConstIntGetZExtValue(LLVMGetOperand(v, 0));
		return KNOWN_INT;
	}
	return LLVMIsAFunction(v) || LLVMIsAGlobalVariable(v) ? KNOWN_SYMBOL : KNOWN_NOTHING;
}

bool summary_guard_may_hold(const struct guard *g, LLVMValueRef arg)
{
	if (g->param < 0 || !arg || !LLVMIsAConstant(arg))
		return true;
	unsigned long long a = 0, b = 0;
	enum known ka = const_value(arg, &a), kb = const_value(g->value, &b);
	int equal = -1;
	if (arg == g->value)
		equal = 1;
	else if (ka == KNOWN_INT && kb == KNOWN_INT)
		equal = a == b;
	else if ((ka == KNOWN_SYMBOL && kb == KNOWN_INT && (b == 0 || b == ~0ull)) ||
		 (kb == KNOWN_SYMBOL && ka == KNOWN_INT && (a == 0 || a == ~0ull)))
		equal = 0;
	if (equal < 0)
		return true;
	return g->pred == LLVMIntEQ ? equal == 1 : equal == 0;
}

struct ir_edge *summaries_edge_at(const struct summaries *s, LLVMValueRef call)
{
	return map_get(&s->edge_at, call);
}

struct graph {
	struct ir_fn **node;
	size_t n;
	size_t *first, *adj; /* callees of node i: adj[first[i] .. first[i + 1]) */
	size_t n_adj, cap_adj;
	unsigned char *reach; /* what node i itself brings together (enum reach) */
};

/* What a function and the functions it reaches may bring together. Every finding needs a
 * crossing (an FFI edge, or sites in two languages) or memory of Rust's family meeting another
 * family; a function whose reach has neither can meet no finding, and only what the functions
 * with one reach needs a summary. */
enum reach {
	REACH_CROSS = 1, /* an FFI edge, or a call into a function of another language */
	REACH_RUST = 2,  /* memory of Rust's family (a Rust function's allocator calls may be) */
	REACH_OTHER = 4, /* memory of another family */
};

static unsigned family_reach(const char *family)
{
	return family && strcmp(family, "rust") == 0 ? REACH_RUST : family ? REACH_OTHER : 0;
}

static void build_graph(struct summaries *s, struct graph *g, struct map *index)
{
	struct ir_program *p = s->program;
	memset(g, 0, sizeof(*g));
	g->node = xmalloc((p->n_fns + 1) * sizeof(*g->node));
	for (size_t i = 0; i < p->n_fns; i++)
		if (p->fns[i]->summary) {
			map_put(index, p->fns[i], (void *)(uintptr_t)(g->n + 1));
			g->node[g->n++] = p->fns[i];
		}
	g->first = xmalloc((g->n + 1) * sizeof(*g->first));
	g->reach = xcalloc(g->n + 1, 1);
	for (size_t i = 0; i < p->n_edges; i++) {
		/* A caller without a summary (an allocator: a global allocator's shim calling C) is
		 * not a node. */
		uintptr_t k = (uintptr_t)map_get(index, p->edges[i].caller);
		if (k)
			g->reach[k - 1] |= REACH_CROSS;
	}
	for (size_t i = 0; i < g->n; i++) {
		struct ir_fn *f = g->node[i];
		g->first[i] = g->n_adj;
		for (size_t k = 0; k < f->summary->n_facts; k++)
			g->reach[i] |= family_reach(f->summary->facts[k].family);
		for (size_t n = 0; n < f->n_calls; n++) {
			LLVMValueRef inst = f->calls[n];
			unsigned first;
			LLVMValueRef callees[2] = {ir_program_callee(p, inst),
						   ir_trampoline_target(inst, &first)};
			const struct alloc_fact *af =
			    callees[0] ? summary_allocator(s, callees[0]) : NULL;
			if (af)
				g->reach[i] |= family_reach(af->family) |
					       (f->lang == FFIGUARD_LANG_RUST ? REACH_RUST : 0);
			for (int j = 0; j < 2; j++) {
				struct ir_fn *c =
				    callees[j] ? map_get(&p->by_value, callees[j]) : NULL;
				uintptr_t k = c ? (uintptr_t)map_get(index, c) : 0;
				if (!k)
					continue;
				if (c->lang != f->lang)
					g->reach[i] |= REACH_CROSS;
				VEC_RESERVE(g->adj, g->cap_adj, g->n_adj + 1);
				g->adj[g->n_adj++] = k - 1;
			}
		}
	}
	g->first[g->n] = g->n_adj;
}

/* What grows as a cycle's summaries settle. */
static size_t size_of(const struct summary *sum)
{
	return sum->n_facts * 2 + sum->may_unwind;
}

/* FFIGUARD_DEBUG_FACTS=SUBSTRING prints the facts of the functions whose name contains it, to
 * stderr, as they are computed (for developers reading why a shape is or is not found); with
 * FFIGUARD_DEBUG_BODY set too, the body they were computed from (the canonical -O0 copy). */
static void debug_facts(struct ir_fn *f)
{
	static const char *filter;
	static bool read;
	if (!read) {
		filter = getenv("FFIGUARD_DEBUG_FACTS");
		read = true;
	}
	if (!filter || !strstr(ir_fn_name(f), filter))
		return;
	if (getenv("FFIGUARD_DEBUG_BODY")) {
		char *body = LLVMPrintValueToString(f->body);
		fputs(body, stderr);
		LLVMDisposeMessage(body);
	}
	static const char *const kinds[] = {"alloc", "release", "use", "capture", "return"};
	const struct summary *sum = f->summary;
	fprintf(stderr, "facts of %s (%zu events)%s%s\n", ir_fn_name(f), sum->n_events,
		sum->modelled ? " modelled" : "",
		sum->must_unwind  ? " must-unwind"
		: sum->may_unwind ? " may-unwind"
				  : "");
	for (size_t i = 0; i < sum->n_events; i++) {
		const struct event *e = &sum->events[i];
		char *base = LLVMPrintValueToString(e->key.base);
		fprintf(stderr, "  event %s%s%s off %lld: %.60s\n", kinds[e->kind],
			e->must ? " must" : "", e->key.deref ? " deref" : "", (long long)e->key.off,
			base);
		LLVMDisposeMessage(base);
	}
	for (size_t i = 0; i < sum->n_stored; i++)
		fprintf(stderr, "  stores param %d into param %d deref off %lld\n",
			sum->stored[i].from, sum->stored[i].into, (long long)sum->stored[i].off);
	for (size_t i = 0; i < sum->n_copies; i++)
		fprintf(
		    stderr,
		    "  copies param %d deref off %lld into param %d deref off %lld (%lld bytes)\n",
		    sum->copies[i].from, (long long)sum->copies[i].from_off, sum->copies[i].into,
		    (long long)sum->copies[i].into_off, (long long)sum->copies[i].len);
	for (size_t i = 0; i < sum->n_rel2; i++)
		fprintf(stderr, "  release param %d deref off %lld deref off %lld%s %s\n",
			sum->rel2[i].param, (long long)sum->rel2[i].off,
			(long long)sum->rel2[i].off2, sum->rel2[i].must ? " must" : "",
			sum->rel2[i].family ? sum->rel2[i].family : "");
	if (sum->ret2.param >= 0)
		fprintf(stderr, "  return param %d deref off %lld deref off %lld\n",
			sum->ret2.param, (long long)sum->ret2.off, (long long)sum->ret2.off2);
	for (size_t i = 0; i < sum->n_ret_held; i++)
		fprintf(stderr, "  returns an object holding param %d at off %lld\n",
			sum->ret_held[i].param, (long long)sum->ret_held[i].off);
	if (sum->ptr_clobbers)
		fprintf(stderr, "  clobbers %#llx\n", (unsigned long long)sum->ptr_clobbers);
	for (size_t i = 0; i < sum->n_facts; i++) {
		const struct fact *ft = &sum->facts[i];
		fprintf(stderr, "  %s param %d%s off %lld field %d%s%s%s%s%s", kinds[ft->kind],
			ft->param, ft->deref ? " deref" : "", (long long)ft->off, ft->field,
			ft->must ? " must" : "", ft->may_null ? " may-null" : "",
			ft->written ? " written" : "", ft->family ? " " : "",
			ft->family ? ft->family : "");
		if (ft->tag.set)
			fprintf(stderr, " when off %lld %s %lld", (long long)ft->tag.off,
				ft->tag.eq ? "==" : "!=",
				(long long)LLVMConstIntGetSExtValue(ft->tag.value));
		fputc('\n', stderr);
	}
}

static void solve_scc(struct summaries *s, struct graph *g, const size_t *members, size_t n)
{
	bool recursive = n > 1;
	for (size_t e = g->first[members[0]]; !recursive && e < g->first[members[0] + 1]; e++)
		recursive = g->adj[e] == members[0];
	for (int round = 0; round < (recursive ? MAX_ROUNDS : 1); round++) {
		size_t before = 0, after = 0;
		for (size_t i = 0; i < n; i++)
			before += size_of(g->node[members[i]]->summary);
		for (size_t i = 0; i < n; i++)
			summary_compute(s, g->node[members[i]]);
		for (size_t i = 0; i < n; i++)
			after += size_of(g->node[members[i]]->summary);
		if (round > 0 && after == before)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		g->node[members[i]]->summary->done = true;
		debug_facts(g->node[members[i]]);
	}
}

/* The call graph's SCCs, callees first: SCC k is members[start[k] .. start[k + 1]), and node i
 * is in SCC of[i]. */
struct sccs {
	size_t *members, *start, *of;
	size_t n;
};

/* Tarjan's algorithm without recursion: module call chains can be deeper than the stack. */
static void find_sccs(const struct graph *g, struct sccs *out)
{
	size_t *index = xcalloc(g->n + 1, sizeof(*index)),
	       *low = xmalloc((g->n + 1) * sizeof(*low));
	size_t *edge = xmalloc((g->n + 1) * sizeof(*edge));
	size_t *frames = xmalloc((g->n + 1) * sizeof(*frames));
	size_t *stack = xmalloc((g->n + 1) * sizeof(*stack));
	bool *on = xcalloc(g->n + 1, sizeof(*on));
	size_t counter = 1, n_frames = 0, n_stack = 0, n_members = 0;
	out->members = xmalloc((g->n + 1) * sizeof(*out->members));
	out->start = xmalloc((g->n + 2) * sizeof(*out->start));
	out->of = xmalloc((g->n + 1) * sizeof(*out->of));
	out->n = 0;

	for (size_t root = 0; root < g->n; root++) {
		if (index[root])
			continue;
		frames[n_frames++] = root;
		index[root] = low[root] = counter++;
		edge[root] = g->first[root];
		stack[n_stack++] = root;
		on[root] = true;
		while (n_frames) {
			size_t v = frames[n_frames - 1];
			if (edge[v] < g->first[v + 1]) {
				size_t w = g->adj[edge[v]++];
				if (!index[w]) {
					index[w] = low[w] = counter++;
					edge[w] = g->first[w];
					stack[n_stack++] = w;
					on[w] = true;
					frames[n_frames++] = w;
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			n_frames--;
			if (n_frames && low[v] < low[frames[n_frames - 1]])
				low[frames[n_frames - 1]] = low[v];
			if (low[v] != index[v])
				continue;
			/* Members in the order they were reached, the SCC's root first. */
			size_t start = n_stack;
			do
				on[stack[--start]] = false;
			while (stack[start] != v);
			out->start[out->n] = n_members;
			for (size_t m = start; m < n_stack; m++) {
				out->of[stack[m]] = out->n;
				out->members[n_members++] = stack[m];
			}
			n_stack = start;
			out->n++;
		}
	}
	out->start[out->n] = n_members;
	free(index);
	free(low);
	free(edge);
	free(frames);
	free(stack);
	free(on);
}

static void summary_free(struct ir_fn *f)
{
	struct summary *sum = f->summary;
	if (!sum)
		return;
	summary_slots_release(sum);
	summary_index_release(sum);
	cfg_release(sum);
	map_release(&sum->memo);
	map_release(&sum->block_order);
	free(sum->memo_v);
	free(sum->events);
	free(sum->facts);
	free(sum->stored);
	free(sum->copies);
	free(sum->rel2);
	free(sum->blind);
	free(sum->ret_held);
	map_release(&sum->obj_writes);
	map_release(&sum->escape);
	free(sum->obj_w);
	free(sum);
	f->summary = NULL;
}

/* The SCCs that need a summary: those whose reach (with everything they call) has a crossing or
 * two families that cross, and everything such an SCC calls. The others can meet no finding. */
static bool *needed_sccs(const struct graph *g, const struct sccs *c, enum summary_scope scope)
{
	unsigned char *reach = xcalloc(c->n + 1, 1);
	bool *needed = xcalloc(c->n + 1, sizeof(*needed));
	for (size_t k = 0; k < c->n; k++)
		for (size_t m = c->start[k]; m < c->start[k + 1]; m++) {
			size_t v = c->members[m];
			reach[k] |= g->reach[v];
			for (size_t e = g->first[v]; e < g->first[v + 1]; e++)
				reach[k] |= reach[c->of[g->adj[e]]];
		}
	for (size_t k = c->n; k-- > 0;) {
		needed[k] = needed[k] || scope == SUMMARY_ALL || (reach[k] & REACH_CROSS) ||
			    (reach[k] & (REACH_RUST | REACH_OTHER)) == (REACH_RUST | REACH_OTHER);
		for (size_t m = c->start[k]; needed[k] && m < c->start[k + 1]; m++)
			for (size_t e = g->first[c->members[m]]; e < g->first[c->members[m] + 1];
			     e++)
				needed[c->of[g->adj[e]]] = true;
	}
	free(reach);
	return needed;
}

/* Canonical bodies for the functions that need a summary (all of them when `all`), and for
 * the defined functions that get none (allocators: their bodies still make shim chains). How
 * many bodies changed, or -1. */
static int settle(struct ir_program *p, const struct graph *g, const struct sccs *c,
		  const bool *needed, bool all, char **err)
{
	int changed = 0;
	for (size_t k = 0; k < c->n; k++)
		for (size_t m = c->start[k]; (needed[k] || all) && m < c->start[k + 1]; m++) {
			int rc = ir_program_settle(p, g->node[c->members[m]], err);
			if (rc < 0)
				return -1;
			changed += rc;
		}
	for (size_t i = 0; i < p->n_fns; i++) {
		if (p->fns[i]->summary)
			continue;
		int rc = ir_program_settle(p, p->fns[i], err);
		if (rc < 0)
			return -1;
		changed += rc;
	}
	return changed;
}

/* Summaries for the SCCs that need one, callees first; the others lose theirs, as a
 * declaration has none. */
static void solve(struct summaries *s, struct graph *g, const struct sccs *c, const bool *needed)
{
	for (size_t k = 0; k < c->n; k++) {
		if (needed[k]) {
			solve_scc(s, g, c->members + c->start[k], c->start[k + 1] - c->start[k]);
			continue;
		}
		for (size_t m = c->start[k]; m < c->start[k + 1]; m++)
			summary_free(g->node[c->members[m]]);
	}
}

static void graph_release(struct graph *g, struct sccs *c, struct map *index)
{
	map_release(index);
	free(g->node);
	free(g->first);
	free(g->adj);
	free(g->reach);
	free(c->members);
	free(c->start);
	free(c->of);
}

/* Rounds of finding edges and canonicalizing the functions they make needed. Bodies found -O0
 * are canonicalized only when a finding can involve them: the edges and indirect targets of
 * the raw bodies say which, the canonical bodies may add to them, and the round after the last
 * canonicalizes whatever is left, so the set is always final within this bound. */
#define SETTLE_ROUNDS 4

int summaries_build(struct summaries *s, struct ir_program *p, enum summary_scope scope, char **err)
{
	memset(s, 0, sizeof(*s));
	*err = NULL;
	s->program = p;
	map_init(&s->edge_at, false);
	map_init(&s->interned, true);
	s->layout = p->layout;
	map_init(&s->allocators, false);
	map_init(&s->shim_roles, false);
	map_init(&s->unwind_memo, true);
	map_init(&s->unwind_regions, true);
	for (size_t i = 0; i < p->n_fns; i++) {
		struct ir_fn *f = p->fns[i];
		struct alloc_fact af;
		if (summary_alloc_classify(f->fn, &af)) {
			struct alloc_fact *copy = arena_alloc(&s->strings, sizeof(*copy));
			*copy = af;
			map_put(&s->allocators, f->fn, copy);
			continue;
		}
		const struct model *m = summary_model_of(f);
		if (!m && LLVMIsDeclaration(f->fn))
			continue;
		f->summary = xcalloc(1, sizeof(*f->summary));
		f->summary->null_test = -1;
		f->summary->ret_copy.param = -1;
		f->summary->ret2.param = -1;
		map_init(&f->summary->slots, false);
		if (m)
			summary_model_fill(s, f, m, f->summary);
	}
	struct graph g;
	struct sccs c;
	struct map index;
	bool *needed;
	for (int round = 0;; round++) {
		ir_find_edges(p);
		map_init(&index, false);
		build_graph(s, &g, &index);
		find_sccs(&g, &c);
		needed = needed_sccs(&g, &c, scope);
		int changed = settle(p, &g, &c, needed, round >= SETTLE_ROUNDS, err);
		if (changed == 0)
			break;
		graph_release(&g, &c, &index);
		free(needed);
		if (changed < 0)
			return -EINVAL;
	}
	for (size_t i = 0; i < p->n_edges; i++)
		map_put(&s->edge_at, p->edges[i].call, &p->edges[i]);
	solve(s, &g, &c, needed);
	/* The checks ask again, of final summaries: fresh names and a fresh budget, except for the
	 * functions already over it. */
	for (size_t i = 0; i < g.n; i++)
		if (g.node[i]->summary && !g.node[i]->summary->exhausted)
			summary_memo_reset(g.node[i], g.node[i]->summary->budget);
	graph_release(&g, &c, &index);
	free(needed);
	return 0;
}

void summaries_release(struct summaries *s)
{
	struct ir_program *p = s->program;
	for (size_t i = 0; p && i < p->n_fns; i++)
		summary_free(p->fns[i]);
	map_release(&s->edge_at);
	map_release(&s->interned);
	map_release(&s->allocators);
	map_release(&s->shim_roles);
	map_release(&s->unwind_memo);
	for (size_t i = 0; i < s->n_case_maps; i++) {
		map_release(s->case_maps[i]);
		free(s->case_maps[i]);
	}
	free(s->case_maps);
	summary_unwind_release(s);
	map_release(&s->switch_cases);
	free(s->unwind_answers);
	arena_release(&s->strings);
	memset(s, 0, sizeof(*s));
}
