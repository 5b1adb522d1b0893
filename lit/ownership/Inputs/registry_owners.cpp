// A C++ client of registry.h that keeps items in the standard library's owners. Each bug_
// function has a bug, each ok_ function its corrected version.
#include <memory>
#include <vector>

#include "registry.h"

// A unique_ptr adopting an item Rust made: its destructor deletes Rust's memory.
unsigned bug_adopt() { std::unique_ptr<item> p(reg_item_new(1)); return reg_weight(p.get()); }
unsigned ok_adopt()
{
	std::unique_ptr<item, void (*)(item *)> p(reg_item_new(1), reg_item_free);
	return reg_weight(p.get());
}

// A vector's buffer given to Rust's free function, then destroyed by the vector too.
void bug_vector() { std::vector<item> v(2); reg_item_free(v.data()); }
unsigned ok_vector() { std::vector<item> v(2); return reg_weight(v.data()); }

// make_unique's object handed to Rust's free function.
void bug_release() { auto p = std::make_unique<item>(); reg_item_free(p.release()); }
void ok_release() { auto p = std::make_unique<item>(); delete p.release(); }
