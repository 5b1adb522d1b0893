/* Helpers shared by the Check unit tests: IR from strings, captured writer output.
 * Each test binary includes this once; the helpers are static. */
#ifndef FFIGUARD_TEST_COMMON_H
#define FFIGUARD_TEST_COMMON_H

#include <check.h>
#include <llvm-c/Core.h>
#include <llvm-c/IRReader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffiguard/ffiguard.h"

/* Parses textual IR or fails the test with the parser's message. */
static inline LLVMModuleRef parse_ir(LLVMContextRef ctx, const char *ir)
{
	LLVMMemoryBufferRef mb =
	    LLVMCreateMemoryBufferWithMemoryRangeCopy(ir, strlen(ir), "test.ll");
	LLVMModuleRef m = NULL;
	char *msg = NULL;
	if (LLVMParseIRInContext(ctx, mb, &m, &msg))
		ck_abort_msg("IR does not parse: %s", msg);
	return m;
}

/* Captures what a writer prints into a malloc'ed string. */
#define CAPTURE(var, call)                                                                         \
	do {                                                                                       \
		size_t cap_len_ = 0;                                                               \
		FILE *out = open_memstream(&(var), &cap_len_);                                     \
		ck_assert_int_eq((call), 0);                                                       \
		fclose(out);                                                                       \
	} while (0)

static inline int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
