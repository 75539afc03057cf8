# One static library per stage of the data flow (docs/architecture.md):
#
#   common -> catalog -> input -> load -> resolve -> evaluate -> config -> gate -> report -> cli
#
# kafkalint_stage(NAME [PUBLIC stage...] [PRIVATE stage...] [LIBRARIES lib...] [EXCLUDE file...])
# builds src/NAME/**/*.cpp into kafkalint_NAME. A stage's interface is the headers of its include/
# folder; its other headers are private (included relative to src/NAME). A stage sees the headers
# of the stages it depends on and nothing else, so an include that reaches a stage it does not
# depend on does not compile; and it may depend only on stages declared before it, so the
# dependencies run one way.
set_property(GLOBAL PROPERTY KAFKALINT_STAGES "")

function(kafkalint_stage name)
  cmake_parse_arguments(PARSE_ARGV 1 STAGE "" "" "PUBLIC;PRIVATE;LIBRARIES;EXCLUDE")
  get_property(declared GLOBAL PROPERTY KAFKALINT_STAGES)
  foreach(dep IN LISTS STAGE_PUBLIC STAGE_PRIVATE)
    if(NOT dep IN_LIST declared)
      message(FATAL_ERROR "stage ${name} depends on '${dep}', which is not a stage declared before it "
                          "(declared: ${declared})")
    endif()
  endforeach()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  foreach(excluded IN LISTS STAGE_EXCLUDE)
    list(REMOVE_ITEM sources "${CMAKE_CURRENT_SOURCE_DIR}/${excluded}")
  endforeach()
  add_library(kafkalint_${name} STATIC ${sources})
  if(IS_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/include")
    target_include_directories(kafkalint_${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include")
  endif()
  target_include_directories(kafkalint_${name} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
  list(TRANSFORM STAGE_PUBLIC PREPEND kafkalint_)
  list(TRANSFORM STAGE_PRIVATE PREPEND kafkalint_)
  target_link_libraries(kafkalint_${name} PUBLIC ${STAGE_PUBLIC} PRIVATE ${STAGE_PRIVATE} ${STAGE_LIBRARIES}
                        kafkalint_warnings)
  set_property(GLOBAL APPEND PROPERTY KAFKALINT_STAGES ${name})
endfunction()

# Tests, fuzz targets and micro benchmarks may test a stage's private parts: they see every stage's
# private headers, as "stage/header.hpp" (from src/) and as the stage's own files see them.
function(kafkalint_test_includes target)
  get_property(stages GLOBAL PROPERTY KAFKALINT_STAGES)
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src")
  foreach(stage IN LISTS stages)
    target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src/${stage}")
  endforeach()
endfunction()
