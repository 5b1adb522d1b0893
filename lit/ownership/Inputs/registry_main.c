/* The program registry_client.c is linked into (its bug_ and ok_ functions). */
#include <stddef.h>

#include "registry.h"

void ok_box(void);
void ok_out(void);
size_t ok_read(void);
unsigned ok_weight(struct item **tab, int n);
void bug_box(void);
void bug_leak(void);
void bug_out(void);
size_t bug_take(void);
size_t bug_asprintf(int v);
void bug_label(void);
void bug_ids(void);
void bug_boxed(void);
unsigned bug_weight(struct item **tab, int n);
unsigned bug_between(void);
void bug_shared(void);
void ok_shared(void);
void bug_guarded(void);
void ok_guarded(void);
void bug_rc(void);
void ok_rc(void);
void bug_new_guarded(void);
void ok_new_guarded(void);
void bug_bytes(void);

int main(int argc, char **argv)
{
	(void)argv;
	struct item *tab[1] = {reg_item_new(5)};
	int r;
	switch (argc) {
	case 1: ok_box(); ok_out(); ok_shared(); ok_guarded(); ok_rc(); ok_new_guarded(); r = (int)ok_read() + (int)ok_weight(tab, 1); break;
	case 2: bug_box(); bug_leak(); bug_out(); r = (int)bug_take() + (int)bug_asprintf(2); break;
	case 3: bug_label(); bug_ids(); bug_boxed(); bug_shared(); bug_guarded(); r = (int)bug_weight(tab, 1); break;
	case 4: bug_rc(); bug_new_guarded(); bug_bytes(); r = 0; break;
	default: r = (int)bug_between();
	}
	reg_item_free(tab[0]);
	return r;
}
