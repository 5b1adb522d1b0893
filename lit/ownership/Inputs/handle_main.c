/* Runs the near miss of handle.rs (rs_name_len copies the name before the drop). */
#include <stddef.h>

size_t rs_name_len(int id);

int main(void)
{
	return rs_name_len(1) == 8 ? 0 : 1; /* "object-1" */
}
