/* The library's real prototype takes a size_t length (crc32_z style). */
#include <stddef.h>

unsigned long chk_crc32(unsigned long crc, const unsigned char *buf, size_t len)
{
	crc = ~crc & 0xffffffffUL;
	for (size_t i = 0; i < len; i++) {
		crc ^= buf[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320UL & (0 - (crc & 1)));
	}
	return ~crc & 0xffffffffUL;
}
