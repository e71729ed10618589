# Warning and sanitizer flags shared by every runback target. Applied through an interface
# target so third-party headers (Boost, CLI11) keep their own flags.
add_library(runback_options INTERFACE)
target_compile_options(runback_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                 -Wnon-virtual-dtor -Wcast-align -Wformat=2)
if(RUNBACK_WERROR)
  target_compile_options(runback_options INTERFACE -Werror)
endif()
if(RUNBACK_SANITIZE)
  # Applied globally so that every object, plugins included, shares the sanitizer runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
