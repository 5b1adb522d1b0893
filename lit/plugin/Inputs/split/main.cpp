// The program: each line below makes one module's half meet another's.
#include "split.h"

static int leak_one()
{
	item *it = split_item_new(4);
	return it->weight;
}

int main(int argc, char **argv)
{
	(void)argv;
	item *tab[1] = {split_item_new(1)};
	int r = 0;
	switch (argc) {
	case 1: take_delete(split_item_new(2)); break;
	case 2: {
		item *it = split_item_new(3);
		fwd_free(it);
		fwd_free(it);
		break;
	}
	case 3: r = split_release_then_read(); break;
	case 4: r = leak_one(); break;
	case 5: r = split_weight(find_item(tab, 1, 9)); break;
	case 6: split_swap(tab[0], tab[0]); break;
	case 7: r = split_lend_shared() + split_lend_stack(); break;
	case 8: r = split_validate(-1); break;
	default: r = split_sum(argc);
	}
	split_item_free(tab[0]);
	return r;
}
