# Third-party libraries, one target each, so every part links only what it uses, PRIVATE where
# its headers do not show it: yaml-cpp (protocol), SQLite (store), Boost.DLL (plugin host),
# CLI11 (cli), nlohmann-json (the parts whose headers speak JSON), libical (ical: its header only,
# the library is loaded when a calendar is written).
#
# yaml-cpp, SQLite and Boost.Filesystem are linked as the static archives Debian's -dev packages
# ship when RUNBACK_STATIC_DEPS is on (the default), else the shared ones. Linked statically, a
# `runback` process does not map and relocate three more shared libraries at every start, about
# 0.7 ms of a command that should take 3 (see docs/performance.md). Plugins are unaffected:
# they see only the C ABI.
option(RUNBACK_STATIC_DEPS "Link yaml-cpp, SQLite and Boost.Filesystem statically" ON)

find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
find_package(LibIcal 3.0 REQUIRED)

add_library(runback_yaml INTERFACE)
add_library(runback_sqlite INTERFACE)
add_library(runback_boost_dll INTERFACE)
add_library(runback_libical INTERFACE)
target_include_directories(runback_libical SYSTEM INTERFACE ${LibIcal_INCLUDE_DIR})
target_link_libraries(runback_libical INTERFACE ${CMAKE_DL_LIBS})
target_link_libraries(runback_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
# Link options every runback executable takes (runback, the tests, the benchmarks).
add_library(runback_executable INTERFACE)

# Set below when the C++ runtime is linked statically too; plugins follow (RunbackPlugin.cmake).
set(RUNBACK_STATIC_CXX_RUNTIME OFF)
if(RUNBACK_STATIC_DEPS)
  find_library(RUNBACK_YAML_CPP_STATIC libyaml-cpp.a REQUIRED)
  find_library(RUNBACK_SQLITE3_STATIC libsqlite3.a REQUIRED)
  find_library(RUNBACK_BOOST_FILESYSTEM_STATIC libboost_filesystem.a REQUIRED)
  # yaml-cpp's headers, from its package's target, without linking its shared library.
  target_include_directories(runback_yaml SYSTEM INTERFACE
    $<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(runback_yaml INTERFACE ${RUNBACK_YAML_CPP_STATIC})
  target_include_directories(runback_sqlite SYSTEM INTERFACE ${SQLite3_INCLUDE_DIRS})
  target_link_libraries(runback_sqlite INTERFACE ${RUNBACK_SQLITE3_STATIC} m ${CMAKE_DL_LIBS}
                                                 Threads::Threads)
  target_link_libraries(runback_boost_dll INTERFACE ${RUNBACK_BOOST_FILESYSTEM_STATIC})
  # The C++ runtime too: its symbol lookups were half of the dynamic loader's work at each start.
  # Plugins then carry their own copy (runback_add_plugin), so loading one does not bring it
  # back. Sanitizer builds keep the shared runtime, which the sanitizers' interceptors expect.
  if(NOT RUNBACK_SANITIZE)
    set(RUNBACK_STATIC_CXX_RUNTIME ON)
    target_link_options(runback_executable INTERFACE -static-libstdc++)
  endif()
else()
  target_link_libraries(runback_yaml INTERFACE yaml-cpp)
  target_link_libraries(runback_sqlite INTERFACE SQLite::SQLite3)
  target_link_libraries(runback_boost_dll INTERFACE Boost::filesystem)
endif()
