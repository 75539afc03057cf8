// Linked into every executable of a sanitizer build (cmake/Sanitizers.cmake), never into a release.
//
// A sanitizer report must never look like one of kafkalint's own exit codes (1 = findings would let
// a test that expects findings pass over a memory error), so reports exit with 86. ASAN_OPTIONS
// and UBSAN_OPTIONS in the environment still override these defaults.
extern "C" {

// NOLINTNEXTLINE: the names are the sanitizers' hooks.
const char* __asan_default_options() {
  return "exitcode=86:halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:"
         "detect_stack_use_after_return=1:strict_string_checks=1:print_summary=1:"
         "suppressions=" KAFKALINT_ASAN_SUPPRESSIONS;
}

const char* __ubsan_default_options() { return "exitcode=86:halt_on_error=1:print_stacktrace=1:report_error_type=1"; }

const char* __lsan_default_options() { return "exitcode=86"; }
}
