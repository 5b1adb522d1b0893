// C++ config parser exported with C linkage; std::stoi throws on bad input.
#include <string>

extern "C" int cfg_parse_port(const char *s)
{
	int port = std::stoi(std::string(s)); // throws std::invalid_argument / out_of_range
	return port > 0 && port < 65536 ? port : -1;
}
