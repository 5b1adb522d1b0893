// C++ config parser exported with C linkage; exceptions never leave it.
#include <string>

extern "C" int cfg_parse_port(const char *s)
{
	try {
		int port = std::stoi(std::string(s));
		return port > 0 && port < 65536 ? port : -1;
	} catch (...) {
		return -1;
	}
}
