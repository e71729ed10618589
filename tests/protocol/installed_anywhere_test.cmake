# ctest script: runback installed somewhere other than the configured prefix still finds its own
# protocols and plugins, relative to its binary.
#   1. cmake --install this build with --prefix into a temporary directory, and again staged with
#      DESTDIR (into <stage>/<configured prefix>);
#   2. from each, with HOME and XDG_* pointing at empty directories, `runback protocol list` must
#      list the four shipped protocols from inside that installation, and `runback demo` must
#      succeed.
# Arguments: BUILD_DIR, INSTALL_PREFIX (the configured CMAKE_INSTALL_PREFIX), BINDIR
# (CMAKE_INSTALL_BINDIR).
string(RANDOM LENGTH 8 suffix)
set(work "$ENV{TMPDIR}")
if(NOT work)
  set(work /tmp)
endif()
set(work "${work}/runback-install-test-${suffix}")
file(MAKE_DIRECTORY "${work}/home" "${work}/config" "${work}/data")

function(fail message)
  file(REMOVE_RECURSE "${work}")
  message(FATAL_ERROR "${message}")
endfunction()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    fail("failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# Runs the installed runback under `root` with nothing of the user's: no config, data, database
# or plugin path.
function(check_installation root)
  set(runback "${root}/${BINDIR}/runback")
  if(NOT EXISTS "${runback}")
    fail("no runback at ${runback}")
  endif()
  set(isolated ${CMAKE_COMMAND} -E env --unset=RUNBACK_PLUGIN_PATH --unset=RUNBACK_DB
      "HOME=${work}/home" "XDG_CONFIG_HOME=${work}/config" "XDG_DATA_HOME=${work}/data")
  run(${isolated} "${runback}" protocol list)
  set(listing "${last_output}")
  foreach(id achilles-midportion bone-stress-walk-jog general-return hip-gluteal patellofemoral
      post-acl-run-walk)
    if(NOT listing MATCHES "\n  ${id} +[0-9.]+ +${id}\\.yaml")
      fail("`runback protocol list` from ${root} does not list ${id}:\n${listing}")
    endif()
  endforeach()
  # Found inside this installation (listed first, by directory), not at the configured prefix.
  string(FIND "${listing}" "\n" end_of_line)
  string(SUBSTRING "${listing}" 0 ${end_of_line} first_dir)
  string(FIND "${first_dir}" "${root}/" at)
  if(NOT at EQUAL 0 OR NOT first_dir MATCHES "/runback/protocols \\(installed\\)$")
    fail("`runback protocol list` from ${root} does not find the protocols under it:\n${listing}")
  endif()
  run(${isolated} "${runback}" demo --date 2026-11-25)
  if(NOT last_output MATCHES "Sam's week from Mon 23 Nov")
    fail("`runback demo` from ${root} did not show Sam's week:\n${last_output}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${work}/prefix")
check_installation("${work}/prefix")

run(${CMAKE_COMMAND} -E env "DESTDIR=${work}/stage" ${CMAKE_COMMAND} --install "${BUILD_DIR}")
check_installation("${work}/stage${INSTALL_PREFIX}")

file(REMOVE_RECURSE "${work}")
message(STATUS "runback installed with --prefix and with DESTDIR finds its protocols and plugins")
