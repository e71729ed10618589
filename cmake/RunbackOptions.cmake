# Warning and sanitizer flags shared by every runback target. Applied through an interface
# target so third-party headers (Boost, CLI11) keep their own flags.
add_library(runback_options INTERFACE)
target_compile_options(runback_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                 -Wnon-virtual-dtor -Wcast-align -Wformat=2)
# gcc 12's -Warray-bounds reports string concatenations that stay in bounds, depending on the
# length of literals such as the build directory's path (gcc bugs 105329 and 105651): off for
# gcc. clang keeps it, and the sanitizer build checks bounds at run time.
target_compile_options(runback_options INTERFACE $<$<CXX_COMPILER_ID:GNU>:-Wno-array-bounds>)
if(RUNBACK_WERROR)
  target_compile_options(runback_options INTERFACE -Werror)
endif()
if(RUNBACK_SANITIZE)
  # Applied globally so that every object, plugins included, shares the sanitizer runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # -O1, as the sanitizers' documentation advises: a third of -O2's compile time under
  # instrumentation, and stack traces that match the source.
  add_compile_options(-O1)
endif()

# Clean builds (the README's commands, CI) compile each target's sources in batches of a few
# files, so the heavy headers (nlohmann-json, CLI11, Catch2) are parsed once per batch rather
# than once per file. A developer iterating on one file may turn it off.
option(RUNBACK_UNITY_BUILD "Compile sources in batches (faster clean builds)" ON)
set(CMAKE_UNITY_BUILD ${RUNBACK_UNITY_BUILD})
set(CMAKE_UNITY_BUILD_BATCH_SIZE 8)
