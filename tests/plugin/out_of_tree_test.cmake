# ctest script: the plugin SDK used from outside this source tree, as a clinic's developer would.
#   1. cmake --install this build into a temporary prefix;
#   2. configure and build docs/examples/plugin-hello with find_package(runback) from there;
#   3. run the installed runback with --plugin-dir on that build, and check it loads "hello"
#      next to the installed plugins.
# Arguments: BUILD_DIR, EXAMPLE_DIR, GENERATOR, CXX_COMPILER.
string(RANDOM LENGTH 8 suffix)
set(work "$ENV{TMPDIR}")
if(NOT work)
  set(work /tmp)
endif()
set(work "${work}/runback-sdk-test-${suffix}")
set(prefix "${work}/prefix")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    file(REMOVE_RECURSE "${work}")
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${EXAMPLE_DIR}" -B "${work}/hello" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
run(${CMAKE_COMMAND} --build "${work}/hello")
# Isolate from the user's own plugins: only the prefix and the example build are searched.
run(${CMAKE_COMMAND} -E env --unset=RUNBACK_PLUGIN_PATH "XDG_DATA_HOME=${work}/data"
    "${prefix}/bin/runback" --plugin-dir "${work}/hello" plugin list)
set(listing "${last_output}")
foreach(expected "hello 1.0.0  (plugin ABI 1.2)  ${work}/hello/hello.so"
                 "achilles 1.0.1" "knee 1.0.0" "hip 1.0.0")
  string(FIND "${listing}" "${expected}" at)
  if(at EQUAL -1)
    file(REMOVE_RECURSE "${work}")
    message(FATAL_ERROR "runback plugin list does not show '${expected}':\n${listing}")
  endif()
endforeach()
# The shipped plugins come from the prefix, found next to the installed runback.
if(NOT listing MATCHES "achilles 1\\.0\\.1  \\(plugin ABI 1\\.2\\)  ${prefix}/[^\n]*runback/plugins/achilles\\.so")
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "the installed achilles plugin is not loaded from ${prefix}:\n${listing}")
endif()
string(FIND "${listing}" "could not be loaded" failed)
if(NOT failed EQUAL -1)
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "a plugin failed to load:\n${listing}")
endif()
run("${prefix}/bin/runback" --plugin-dir "${work}/hello" plugin info hello)
string(FIND "${last_output}" "greeting  (string; default Off you go, gently)" at)
if(at EQUAL -1)
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "runback plugin info hello does not show its parameter:\n${last_output}")
endif()
file(REMOVE_RECURSE "${work}")
message(STATUS "the example plugin built against the installed SDK and loaded")
