// A C++ client of thing.rs through its C header, as cbindgen would write it.
#include <cstdlib>
#include <cstring>
extern "C" {
struct Thing;
Thing *thing_new(size_t n);
void thing_free(Thing *t);
const char *thing_name(const Thing *t);
char *thing_take_name(const Thing *t);
void thing_string_free(char *s);
int thing_get_buf(const Thing *t, unsigned char **out, size_t *len);
void thing_buf_free(unsigned char *p, size_t len);
}
#define NOINLINE __attribute__((noinline))

// BUG: the name is borrowed from the Thing (an accessor's return), and Rust's to release.
NOINLINE void free_borrowed() {
	Thing *t = thing_new(4);
	free((void *)thing_name(t));
	thing_free(t);
}

// BUG: an owned name, but Rust's: released with delete[] instead of thing_string_free.
NOINLINE void delete_name() {
	Thing *t = thing_new(4);
	char *n = thing_take_name(t);
	delete[] n;
	thing_free(t);
}

// BUG: a buffer handed out through an out-parameter, released with free.
NOINLINE void free_out() {
	Thing *t = thing_new(4);
	unsigned char *b;
	size_t n;
	thing_get_buf(t, &b, &n);
	free(b);
	thing_free(t);
}

// BUG: the name read after thing_destroy released the Thing, and its name with it.
extern "C" void thing_destroy(Thing *t);
NOINLINE size_t name_after_free() {
	Thing *t = thing_new(4);
	const char *n = thing_name(t);
	thing_destroy(t);
	return strlen(n);
}

// Near miss: everything borrowed is only read, everything owned goes back to Rust.
NOINLINE int use_all() {
	Thing *t = thing_new(4);
	int r = (int)strlen(thing_name(t));
	char *n = thing_take_name(t);
	r += (int)strlen(n);
	thing_string_free(n);
	unsigned char *b;
	size_t len;
	thing_get_buf(t, &b, &len);
	r += b[0];
	thing_buf_free(b, len);
	thing_free(t);
	return r;
}

int main(int argc, char **) {
	if (argc > 5) {
		free_borrowed();
		delete_name();
		free_out();
		name_after_free();
	}
	return use_all() == 17 ? 0 : 1;
}
