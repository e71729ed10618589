# runback_add_plugin(NAME [SOURCES] src... [NO_INSTALL])
#
# Builds a runback plugin: a MODULE library NAME.so (no "lib" prefix; runback loads every *.so
# in its plugin directories) linked to runback::sdk, with hidden visibility so that only the
# entry point RUNBACK_DECLARE_PLUGIN declares is exported. Installs it to
# ${CMAKE_INSTALL_LIBDIR}/runback/plugins unless NO_INSTALL is given.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(runback_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_INSTALL" "" "SOURCES")
  add_library(${name} MODULE ${arg_SOURCES} ${arg_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE runback::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  # A symbol the plugin uses but nothing defines fails the link here, not a runner's plan
  # later. Not with clang's AddressSanitizer, whose runtime only the executable links.
  if(NOT (CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND
          (RUNBACK_SANITIZE OR CMAKE_CXX_FLAGS MATCHES "sanitize")))
    target_link_options(${name} PRIVATE LINKER:--no-undefined)
  endif()
  # When runback links the C++ runtime statically (RUNBACK_STATIC_CXX_RUNTIME, which an
  # installed SDK's runbackConfig.cmake sets as that runback was built), the plugin carries its
  # own copy, hidden (only the C ABI crosses the boundary), so that loading it does not map and
  # relocate libstdc++.so: about 0.5 ms of a `runback week` that should take 3
  # (docs/performance.md). Otherwise, and under sanitizers, it shares the host's.
  if(RUNBACK_STATIC_CXX_RUNTIME AND NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
    target_link_options(${name} PRIVATE -static-libstdc++ LINKER:--exclude-libs,ALL)
  endif()
  if(NOT arg_NO_INSTALL)
    install(TARGETS ${name} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/runback/plugins)
  endif()
endfunction()
