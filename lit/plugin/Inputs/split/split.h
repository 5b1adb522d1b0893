// The C++ modules' view of split.rs, and of each other.
#pragma once

struct item {
	int id, weight;
};

extern "C" {
item *split_item_new(int id);
void split_item_free(item *it);
int split_release_then_read();
int split_lend_stack();
int split_lend_shared();
int split_validate(int x);
int split_weight(const item *it); // it must not be null
void split_swap(item *a, item *b); // two different items
int split_sum(int a);              // wrong: Rust's takes two i64
}

// make.cpp
item *find_item(item **tab, int n, int id);
// shim.cpp
void fwd_free(item *it);
// take.cpp
void take_delete(item *it);
