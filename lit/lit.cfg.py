# lit configuration: substitutions for the LLVM 22 tools, rustc, the ffiguard CLI and plugin.
import os
import sys

import lit.formats

config.name = "ffiguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".ll", ".rs", ".cpp"]
config.excludes = ["Inputs"]
config.test_source_root = config.ffiguard_src_root
config.test_exec_root = config.ffiguard_obj_root

# --param ffiguard=PATH runs the tests against another CLI (scripts/test: an AddressSanitizer
# build, whose LeakSanitizer checks the loader child on every error path); --param asan=1 says so.
config.ffiguard = lit_config.params.get("ffiguard", config.ffiguard)
if lit_config.params.get("asan"):
    config.available_features.add("asan")
    # LLVM's crash on a corrupt input is the test, not ASan's report of it.
    config.environment["ASAN_OPTIONS"] = "handle_segv=0:handle_abort=0:detect_leaks=1"

# Never the machine's LLVM 14: every tool comes from LLVM 22 by absolute path.
bindir = config.llvm_bindir
target = "--target=x86_64-unknown-linux-gnu"
rustc = config.rustc + " --edition 2021 -Ccodegen-units=1"
config.substitutions += [
    ("%rustc", rustc),
    ("%llvm-stress", os.path.join(bindir, "llvm-stress")),
    ("%cargo", os.path.join(os.path.dirname(config.rustc), "cargo")),
    ("%clangxx", os.path.join(bindir, "clang++") + " " + target),
    ("%clang", os.path.join(bindir, "clang") + " " + target),
    ("%llvm-link", os.path.join(bindir, "llvm-link")),
    ("%llvm-ar", os.path.join(bindir, "llvm-ar")),
    ("%llvm-dis", os.path.join(bindir, "llvm-dis")),
    ("%opt", os.path.join(bindir, "opt")),
    ("%lld", os.path.join(bindir, "ld.lld")),
    ("%FileCheck", os.path.join(bindir, "FileCheck")),
    ("%not", os.path.join(bindir, "not")),
    ("%split-file", os.path.join(bindir, "split-file")),
    ("%ffiguard", config.ffiguard),
    ("%plugin", config.plugin),
    ("%sample-report", config.sample_report),
    ("%python", sys.executable),
    ("%inputs", os.path.join(config.ffiguard_src_root, "Inputs")),
    ("%pathological", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "..", "scripts", "bench", "pathological")),
    ("%expect-exit", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "expect-exit.py")),
    ("%one-line", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "one-line.py")),
    ("%with-limits", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "with-limits.py")),
    ("%findings", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "findings.py")),
    ("%thin-report", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "thin-report.py")),
    ("%kill-parent", sys.executable + " " +
     os.path.join(config.ffiguard_src_root, "Inputs", "kill-parent.py")),
]

# rustc lives in the user's toolchain directory (rustup); keep it and its home reachable. The
# build directory comes first: `cargo ffiguard` finds cargo-ffiguard there.
path = [os.path.dirname(config.plugin), os.path.dirname(config.rustc), bindir,
        os.environ.get("PATH", "")]
config.environment["PATH"] = os.pathsep.join(path)
for var in ("HOME", "RUSTUP_HOME", "CARGO_HOME", "RUSTUP_TOOLCHAIN"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
config.environment["NO_COLOR"] = "1"
