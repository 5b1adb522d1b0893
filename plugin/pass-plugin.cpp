// The thin C++ adapter the pass-plugin ABI forces on us: PassBuilder registration, diagnostics
// and demangling. Every decision lives in the C core; this file converts between C++ and C.
#include "config.h"
#include "ffiguard/ffiguard.h"
#include "pass.h"

#include <llvm/Demangle/Demangle.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Plugins/PassPlugin.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

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

// Function pipelines run on many functions, one at a time (the -O0 canonical copies): one
// PassBuilder and one set of analysis managers for all of them, instead of the C API's
// LLVMRunPassesOnFunction, which builds and registers a new set for every call.
struct ir_passes {
	PassBuilder PB;
	LoopAnalysisManager LAM;
	FunctionAnalysisManager FAM;
	CGSCCAnalysisManager CGAM;
	ModuleAnalysisManager MAM;
	std::string pipeline;
	FunctionPassManager FPM;
};

extern "C" struct ir_passes *ir_passes_new(void);
extern "C" int ir_passes_run(struct ir_passes *x, LLVMValueRef fn, const char *pipeline,
			     char **err);
extern "C" void ir_passes_free(struct ir_passes *x);

extern "C" struct ir_passes *ir_passes_new(void)
{
	ir_passes *x = new ir_passes();
	x->PB.registerLoopAnalyses(x->LAM);
	x->PB.registerFunctionAnalyses(x->FAM);
	x->PB.registerCGSCCAnalyses(x->CGAM);
	x->PB.registerModuleAnalyses(x->MAM);
	x->PB.crossRegisterProxies(x->LAM, x->FAM, x->CGAM, x->MAM);
	return x;
}

// 0, or -1 with *err (malloc'ed) when the pipeline does not parse.
extern "C" int ir_passes_run(struct ir_passes *x, LLVMValueRef fn, const char *pipeline,
			     char **err)
{
	Function *F = unwrap<Function>(fn);
	if (x->pipeline != pipeline) {
		x->FPM = FunctionPassManager();
		if (Error e = x->PB.parsePassPipeline(x->FPM, pipeline)) {
			*err = strdup(toString(std::move(e)).c_str());
			x->pipeline.clear();
			return -1;
		}
		x->pipeline = pipeline;
	}
	x->FPM.run(*F, x->FAM);
	// The function may be deleted or changed by the caller: nothing cached survives it.
	x->FAM.clear(*F, F->getName());
	return 0;
}

extern "C" void ir_passes_free(struct ir_passes *x)
{
	delete x;
}

namespace
{

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
			M.getContext().emitError(Twine("ffiguard: ") +
						 (err ? err : "analysis failed"));
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

// Each finding is one diagnostic on the module's context: lld prints it as
// "ld.lld: warning: file:line:col: ... [rule]" (error with fail-on), opt as "warning: ...".
// What the shim inliner did is a plain remark (always shown) and an optimization remark of
// pass "ffiguard-inline" (for -pass-remarks and remark files).
void emitDiagnostic(void *data, enum pass_diag kind, LLVMValueRef fn, const char *text)
{
	LLVMContext &C = *static_cast<LLVMContext *>(data);
	DiagnosticSeverity sev = kind == PASS_DIAG_ERROR     ? DS_Error
				 : kind == PASS_DIAG_WARNING ? DS_Warning
							     : DS_Remark;
	C.diagnose(DiagnosticInfoGeneric(Twine(text), sev));
	Function *F = fn ? unwrap<Function>(fn) : nullptr;
	if (F && kind == PASS_DIAG_INLINED) {
		OptimizationRemark R("ffiguard-inline", "ShimUnblocked", F);
		R << text;
		C.diagnose(R);
	} else if (F && kind == PASS_DIAG_SKIPPED) {
		OptimizationRemarkMissed R("ffiguard-inline", "ShimLeftAlone", F);
		R << text;
		C.diagnose(R);
	}
}

// ffiguard and ffiguard<key=value;...>: the analysis and its report.
struct AnalysisPass : PassInfoMixin<AnalysisPass> {
	pass_mode Mode;
	std::string Params;
	AnalysisPass(pass_mode Mode, std::string Params) : Mode(Mode), Params(std::move(Params))
	{
	}
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		bool changed =
		    pass_run(wrap(&M), Mode, Params.c_str(), emitDiagnostic, &M.getContext());
		return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
	}
	static bool isRequired()
	{
		return true;
	}
};

// ffiguard-inline: makes trivial shims on FFI edges inlinable; LLVM's inliner does the rest.
struct InlinePass : PassInfoMixin<InlinePass> {
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		bool changed = pass_inline(wrap(&M), emitDiagnostic, &M.getContext());
		return changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
	}
};

// ffiguard-facts<output=FILE>: the module's facts file, for `ffiguard join`.
struct FactsPass : PassInfoMixin<FactsPass> {
	std::string Params;
	explicit FactsPass(std::string Params) : Params(std::move(Params))
	{
	}
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		pass_facts(wrap(&M), Params.c_str(), emitDiagnostic, &M.getContext());
		return PreservedAnalyses::all();
	}
	static bool isRequired()
	{
		return true;
	}
};

// "PASS" or "PASS<params>"; false for any other name.
bool passParams(StringRef Name, StringRef Pass, std::string &Params)
{
	if (Name == Pass) {
		Params.clear();
		return true;
	}
	if (!Name.consume_front(Pass) || !Name.consume_front("<") || !Name.consume_back(">"))
		return false;
	Params = Name.str();
	return true;
}

void registerCallbacks(PassBuilder &PB)
{
	PB.registerPipelineParsingCallback(
	    [](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
		    std::string Params;
		    if (Name == "print<ffiguard-edges>") {
			    MPM.addPass(EdgesPrinter());
			    return true;
		    }
		    if (Name == "ffiguard-inline") {
			    MPM.addPass(InlinePass());
			    return true;
		    }
		    if (passParams(Name, "ffiguard", Params)) {
			    MPM.addPass(AnalysisPass(PASS_OPT, Params));
			    return true;
		    }
		    if (passParams(Name, "ffiguard-facts", Params)) {
			    MPM.addPass(FactsPass(Params));
			    return true;
		    }
		    return false;
	    });
	// Loaded by the linker (--load-pass-plugin): the merged full-LTO module, before the LTO
	// inliner erases the edges.
	PB.registerFullLinkTimeOptimizationEarlyEPCallback(
	    [](ModulePassManager &MPM, OptimizationLevel) {
		    MPM.addPass(AnalysisPass(PASS_FULL_LTO, ""));
	    });
	// ThinLTO backends: one module at a time, after import, maybe in parallel threads.
	PB.registerPipelineEarlySimplificationEPCallback(
	    [](ModulePassManager &MPM, OptimizationLevel, ThinOrFullLTOPhase Phase) {
		    if (Phase == ThinOrFullLTOPhase::ThinLTOPostLink)
			    MPM.addPass(AnalysisPass(PASS_THIN_BACKEND, ""));
	    });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default"))) PassPluginLibraryInfo
llvmGetPassPluginInfo()
{
	return {LLVM_PLUGIN_API_VERSION, "ffiguard", FFIGUARD_VERSION, registerCallbacks};
}
