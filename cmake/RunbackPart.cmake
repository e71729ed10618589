# runback_part(NAME
#   SOURCES file.cpp ...
#   PUBLIC_HEADERS file.hpp ...          the headers other parts may include, as "NAME/file.hpp"
#   DEPENDS part-or-target ...           what this part's public headers build on
#   PRIVATE_DEPENDS part-or-target ...)  what only its sources use
#
# One static library per part of core/, runback_NAME, whose walls the build enforces: a part
# sees another part's headers only if it depends on it, and then only the headers that part
# lists as public. Each part gets its own include root in the build tree holding links to its
# public headers alone; its sources also see all of their own folder, through a private root.
# A header left out of PUBLIC_HEADERS is private: including it from another part fails to
# compile ("No such file"), and .ci/check-walls says which wall was crossed.
#
# Tests are white-box: runback_part_private_access(TARGET PART...) gives a test target the parts'
# private roots.
include_guard(GLOBAL)

set(RUNBACK_PARTS_ROOT ${CMAKE_BINARY_DIR}/parts)
# Every part's name, so DEPENDS can name parts declared later, and third-party targets alike.
set(RUNBACK_PART_NAMES util diagnostic io protocol records extension plan report ical plugin store cli)

function(runback_part_target name out)
  if(name IN_LIST RUNBACK_PART_NAMES)
    set(${out} runback_${name} PARENT_SCOPE)
  else()
    set(${out} ${name} PARENT_SCOPE)
  endif()
endfunction()

function(runback_part name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;PUBLIC_HEADERS;DEPENDS;PRIVATE_DEPENDS")
  set(target runback_${name})
  if(arg_SOURCES)
    add_library(${target} STATIC ${arg_SOURCES})
    set(public PUBLIC)
    set(private PRIVATE)
    target_link_libraries(${target} PRIVATE runback_options)
  else()
    add_library(${target} INTERFACE)
    set(public INTERFACE)
    set(private INTERFACE)
  endif()

  set(public_root ${RUNBACK_PARTS_ROOT}/${name}/public)
  set(private_root ${RUNBACK_PARTS_ROOT}/${name}/private)
  file(REMOVE_RECURSE ${RUNBACK_PARTS_ROOT}/${name})
  file(MAKE_DIRECTORY ${public_root}/${name} ${private_root})
  foreach(header IN LISTS arg_PUBLIC_HEADERS)
    if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${header})
      message(FATAL_ERROR "runback_part(${name}): public header ${header} does not exist")
    endif()
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${header} ${public_root}/${name}/${header}
         SYMBOLIC)
  endforeach()
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${private_root}/${name} SYMBOLIC)

  target_include_directories(${target} ${public} $<BUILD_INTERFACE:${public_root}>)
  if(arg_SOURCES)
    # Before the public roots of the parts it depends on, so its own headers win.
    target_include_directories(${target} BEFORE PRIVATE ${private_root})
  endif()
  foreach(dependency IN LISTS arg_DEPENDS)
    runback_part_target(${dependency} dependency_target)
    target_link_libraries(${target} ${public} ${dependency_target})
  endforeach()
  foreach(dependency IN LISTS arg_PRIVATE_DEPENDS)
    runback_part_target(${dependency} dependency_target)
    target_link_libraries(${target} ${private} ${dependency_target})
  endforeach()

  set_property(GLOBAL APPEND PROPERTY RUNBACK_PARTS ${name})
  # For .ci/check-walls: which parts this one may include, and its public headers.
  string(JOIN " " deps ${arg_DEPENDS} ";" ${arg_PRIVATE_DEPENDS})
  string(JOIN " " headers ${arg_PUBLIC_HEADERS})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
  set_property(GLOBAL APPEND_STRING PROPERTY RUNBACK_WALLS
               "${name}|${folder}|${deps}|${headers}\n")
endfunction()

function(runback_part_private_access target)
  foreach(part IN LISTS ARGN)
    target_include_directories(${target} PRIVATE ${RUNBACK_PARTS_ROOT}/${part}/private)
  endforeach()
endfunction()

# Writes ${CMAKE_BINARY_DIR}/walls.txt: one line per part, "name|folder|may include|public
# headers". Called once every part is declared.
function(runback_write_walls)
  get_property(walls GLOBAL PROPERTY RUNBACK_WALLS)
  file(WRITE ${CMAKE_BINARY_DIR}/walls.txt "${walls}")
endfunction()
