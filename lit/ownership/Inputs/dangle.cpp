#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" {
const char *lib_version(void);
const char *lib_name(void);
char *lib_strerror(int code);
void lib_free_string(char *s);
size_t rust_name_len(int id);
}

extern "C" const char *cpp_user_name(int id) noexcept
{
	std::string s = "user" + std::to_string(id);
	return s.c_str(); /* BUG: s is destroyed here */
}

extern "C" char *cpp_user_copy(int id) noexcept
{
	std::string s = "user" + std::to_string(id);
	return strdup(s.c_str());
}

int main(int argc, char **)
{
	printf("%s %s\n", lib_name(), lib_version());
	char *e = lib_strerror(argc);
	size_t n = strlen(e);
	lib_free_string(e);
	return (int)(n + rust_name_len(argc)) > 0 ? 0 : 1;
}
