#pragma once
#include <cstdint>
uint64_t scale(uint64_t x);
