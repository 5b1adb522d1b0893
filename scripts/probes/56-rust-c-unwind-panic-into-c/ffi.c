/* Plain C (no -fexceptions) calling the Rust function. */
unsigned ratio_checked(unsigned num, unsigned den);

unsigned average(const unsigned *v, unsigned n)
{
	unsigned sum = 0;
	for (unsigned i = 0; i < n; i++)
		sum += v[i];
	return ratio_checked(sum, n); /* n == 0 panics through this C frame */
}
