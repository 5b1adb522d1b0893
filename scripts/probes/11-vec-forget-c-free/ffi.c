/* C caller of an encoder written in Rust; frees the result with free() as a C library would. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

uint8_t *enc_encode(const uint8_t *input, size_t n, size_t *out_len);

size_t encoded_sum(const uint8_t *in, size_t n)
{
	size_t len = 0, sum = 0;
	uint8_t *out = enc_encode(in, n, &len);
	for (size_t i = 0; i < len; i++)
		sum += out[i];
	free(out); /* BUG: Rust's allocator */
	return sum;
}
