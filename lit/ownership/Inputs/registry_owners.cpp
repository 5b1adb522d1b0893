// A C++ client of registry.h that keeps items in the standard library's owners. Each bug_
// function has a bug, each ok_ function its corrected version.
#include <memory>
#include <string>
#include <utility>
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

// c_str() of a string that has died by the time Rust reads it.
size_t bug_cstr(const char *base)
{
	const char *name;
	{
		std::string s(base);
		s += "-with-a-long-suffix";
		name = s.c_str();
	}
	return reg_read_name(name);
}
// The string alive across the call; moved from; returned by value; one per loop iteration.
size_t ok_cstr(const char *base)
{
	std::string s(base);
	s += "-with-a-long-suffix";
	return reg_read_name(s.c_str());
}
size_t ok_cstr_moved(const char *base)
{
	std::string s(base);
	std::string t = std::move(s);
	return reg_read_name(t.c_str()) + reg_read_name(s.c_str());
}
static std::string make_name(const char *base) { return std::string(base) + "-suffix"; }
size_t ok_cstr_returned(const char *base)
{
	std::string s = make_name(base);
	return reg_read_name(s.data());
}
size_t ok_cstr_loop(const char *const *names, int n)
{
	size_t total = 0;
	for (int i = 0; i < n; i++) {
		std::string s(names[i]);
		total += reg_read_name(s.c_str());
	}
	return total;
}

// reset() adopting a Rust item: the unique_ptr deletes it when it goes.
void bug_reset() { std::unique_ptr<item> p; p.reset(reg_item_new(2)); }
void ok_reset() { std::unique_ptr<item, void (*)(item *)> p(nullptr, reg_item_free); p.reset(reg_item_new(2)); }
