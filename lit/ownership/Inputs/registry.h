/* registry.h: the C API of registry.rs, a Rust library of items handed to C. */
#ifndef REGISTRY_H
#define REGISTRY_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct item {
	unsigned id, weight;
};

struct item *reg_item_new(unsigned id);  /* release with reg_item_free */
void reg_item_free(struct item *it);
struct item *reg_item_leak(unsigned id); /* never released */
int reg_item_make(struct item **out);    /* *out: release with reg_item_free */
size_t reg_take_name(char *s);           /* takes a string from reg_* functions */
size_t reg_read_name(const char *s);     /* borrows any string */
unsigned reg_weight(const struct item *it); /* it must not be NULL */
unsigned char *reg_label(unsigned id);   /* a Rust String's buffer */
unsigned *reg_ids(size_t n);             /* a leaked Vec<u32> */
unsigned *reg_boxed_ids(size_t n);       /* a Box<[u32]> */
const struct item *reg_shared_new(unsigned id); /* an Arc: release with reg_shared_release */
void reg_shared_release(const struct item *it);
void reg_item_free_guarded(struct item *it); /* reg_item_free, stopping a panic */
struct item *reg_rc_item(unsigned id);       /* release with reg_rc_release */
void reg_rc_release(struct item *it);
struct item *reg_item_new_guarded(unsigned id); /* NULL on failure; release with reg_item_free */
unsigned char *reg_name_bytes(unsigned id);     /* a Box<[u8]> */

#ifdef __cplusplus
}
#endif
#endif
