# Writes the header that tells a binary its version and the commit it was built from. Run at
# every build (cmake -P), not only when CMake configures, so that a result file never names an
# older commit than the one its binary was built from. A tree with uncommitted changes to tracked
# files gets "-dirty" after the commit. configure_file leaves the header untouched when nothing
# changed, so nothing is recompiled then.
#   -DSOURCE_DIR=... -DTEMPLATE=... -DOUTPUT=... -DPROJECT_VERSION=...
execute_process(COMMAND git rev-parse HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE CARECAST_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                RESULT_VARIABLE not_a_checkout)
if(not_a_checkout OR NOT CARECAST_GIT_COMMIT)
  set(CARECAST_GIT_COMMIT "unknown")
else()
  execute_process(COMMAND git status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(changes)
    string(APPEND CARECAST_GIT_COMMIT "-dirty")
  endif()
endif()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
