# Fixtures, random histories and the planner's invariants: shared by the test binaries and the
# benchmarks (which build without the tests, so this is not in tests/CMakeLists.txt). Test code,
# so it lives under tests/ and never ships in core.
add_library(runback_plan_testing STATIC
  ${CMAKE_CURRENT_LIST_DIR}/plan/fixtures.cpp ${CMAKE_CURRENT_LIST_DIR}/plan/invariants.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plan/random_history.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plan/shipped_protocols.cpp)
target_include_directories(runback_plan_testing PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(runback_plan_testing PUBLIC runback_plan PRIVATE runback_options)
target_compile_definitions(runback_plan_testing PRIVATE RUNBACK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
