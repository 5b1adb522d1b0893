/* A C client of registry.h: each bug_ function has a bug of the shape real projects fixed, each
 * ok_ function its corrected version. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

void bug_box(void) { struct item *it = reg_item_new(1); free(it); }
void ok_box(void) { struct item *it = reg_item_new(1); reg_item_free(it); }

void bug_leak(void) { free(reg_item_leak(2)); }

void bug_out(void) { struct item *it; if (reg_item_make(&it) == 0) free(it); }
void ok_out(void) { struct item *it; if (reg_item_make(&it) == 0) reg_item_free(it); }

size_t bug_take(void) { return reg_take_name(strdup("x")); }
size_t ok_read(void) { char *s = strdup("x"); size_t n = reg_read_name(s); free(s); return n; }

size_t bug_asprintf(int v)
{
	char *s;
	if (asprintf(&s, "%d", v) < 0)
		return 0;
	return reg_take_name(s);
}

static struct item *lookup(struct item **tab, int n, unsigned id)
{
	for (int i = 0; i < n; i++)
		if (tab[i]->id == id)
			return tab[i];
	return NULL;
}
unsigned bug_weight(struct item **tab, int n) { return reg_weight(lookup(tab, n, 5)); }
unsigned ok_weight(struct item **tab, int n)
{
	struct item *it = lookup(tab, n, 5);
	return it ? reg_weight(it) : 0;
}

void bug_label(void) { free(reg_label(1)); }
void bug_ids(void) { free(reg_ids(3)); }
void bug_boxed(void) { free(reg_boxed_ids(3)); }

unsigned bug_between(void)
{
	struct item *it = reg_item_new(1);
	reg_item_free(it);
	it->weight = 3;
	reg_item_free(it);
	return 0;
}

void bug_shared(void) { free((void *)reg_shared_new(4)); }
void ok_shared(void) { reg_shared_release(reg_shared_new(4)); }

/* Released through catch_unwind's closure (__rust_try at -O0). */
void bug_guarded(void) { struct item *it = malloc(sizeof *it); reg_item_free_guarded(it); }
void ok_guarded(void) { reg_item_free_guarded(reg_item_new(5)); }

/* Rc::make_mut's pointer, into the Rc's allocation, given to free(). */
void bug_rc(void) { free(reg_rc_item(6)); }
void ok_rc(void) { reg_rc_release(reg_rc_item(6)); }

/* An item made behind catch_unwind, given to free(). */
void bug_new_guarded(void) { free(reg_item_new_guarded(7)); }
void ok_new_guarded(void) { reg_item_free_guarded(reg_item_new_guarded(7)); }

/* A boxed byte slice (into_boxed_slice's result) given to free(). */
void bug_bytes(void) { free(reg_name_bytes(8)); }
