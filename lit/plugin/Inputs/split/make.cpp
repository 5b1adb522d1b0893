// C++ callbacks Rust calls, and a lookup that finds nothing.
#include <stdexcept>

#include "split.h"

item *find_item(item **tab, int n, int id)
{
	for (int i = 0; i < n; i++)
		if (tab[i]->id == id)
			return tab[i];
	return nullptr;
}

item *kept_item; // read by whoever comes later

extern "C" void cpp_release(item *it) { fwd_free(it); }
extern "C" int cpp_read(const item *it) { return it->id; }
extern "C" void cpp_keep(item *it) { kept_item = it; }
extern "C" int cpp_touch(const item *it)
{
	const_cast<item *>(it)->weight = 0;
	return it->id;
}
extern "C" int cpp_check(int x)
{
	if (x < 0)
		throw std::invalid_argument("negative");
	return x;
}
