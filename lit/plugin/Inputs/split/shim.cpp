// A forwarding shim between C++ and Rust's free function.
#include "split.h"

void fwd_free(item *it) { split_item_free(it); }
