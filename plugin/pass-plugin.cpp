// The thin C++ adapter the pass-plugin ABI forces on us: PassBuilder registration and demangling.
// Every decision lives in the C core; this file only converts between LLVM's C++ and C worlds.
#include "ffiguard/ffiguard.h"
#include "config.h"

#include <llvm/Demangle/Demangle.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Plugins/PassPlugin.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace llvm;

extern "C" char *ir_demangle_llvm(const char *symbol);

// Rust v0 (_R...) and Itanium (_Z...); NULL when the symbol is neither.
extern "C" char *ir_demangle_llvm(const char *symbol)
{
	std::string_view s(symbol);
	if (s.size() > 2 && s[0] == '_' && s[1] == 'R')
		return rustDemangle(s);
	if (s.size() > 2 && s[0] == '_' && s[1] == 'Z')
		return itaniumDemangle(s);
	return nullptr;
}

namespace {

// print<ffiguard-edges>: the FFI edges of the module, as `ffiguard edges` prints them.
struct EdgesPrinter : PassInfoMixin<EdgesPrinter> {
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		ffiguard_report *report = ffiguard_report_new();
		ffiguard_report_add_input(report, M.getModuleIdentifier().c_str());
		char *err = nullptr;
		errs().flush();
		if (ffiguard_analyze(wrap(&M), report, &err) == 0)
			ffiguard_edges_write(stderr, report, FFIGUARD_FORMAT_TEXT, false);
		else
			M.getContext().emitError(Twine("ffiguard: ") + (err ? err : "analysis failed"));
		fflush(stderr);
		free(err);
		ffiguard_report_free(report);
		return PreservedAnalyses::all();
	}
	static bool isRequired()
	{
		return true;
	}
};

void registerCallbacks(PassBuilder &PB)
{
	PB.registerPipelineParsingCallback(
		[](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
			if (Name == "print<ffiguard-edges>") {
				MPM.addPass(EdgesPrinter());
				return true;
			}
			return false;
		});
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default"))) PassPluginLibraryInfo
llvmGetPassPluginInfo()
{
	return {LLVM_PLUGIN_API_VERSION, "ffiguard", FFIGUARD_VERSION, registerCallbacks};
}
