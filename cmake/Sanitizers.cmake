# Sanitizer and fuzzing builds (docs/reliability.md). Included before any target is defined, so
# that the flags apply to every target of the tree.
if(KAFKALINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KAFKALINT_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(KAFKALINT_SANITIZE ON CACHE BOOL "Build with AddressSanitizer and UndefinedBehaviorSanitizer" FORCE)
  # Coverage instrumentation for libFuzzer everywhere; only the fuzz executables link libFuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(KAFKALINT_SANITIZE)
  # Any undefined behaviour aborts (no recovery), so that a test cannot pass over it.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Default sanitizer options compiled into an executable of a sanitizer build (tests/sanitizer/
# defaults.cpp): ASAN_OPTIONS / UBSAN_OPTIONS in the environment still override them.
function(kafkalint_sanitizer_defaults target)
  if(KAFKALINT_SANITIZE)
    target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/tests/sanitizer/defaults.cpp)
    target_compile_definitions(${target} PRIVATE
                               KAFKALINT_ASAN_SUPPRESSIONS="${PROJECT_SOURCE_DIR}/tests/sanitizer/asan.supp")
  endif()
endfunction()
