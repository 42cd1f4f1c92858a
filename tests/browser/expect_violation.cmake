# Proves the accessibility scan can fail: runs it on FILE, a page with one known violation, and
# passes only if the scan exits 1 having found exactly that one, RULE.
#   cmake -DNODE=node -DSCAN=axe.mjs -DFILE=page.html -DRULE=image-alt -P expect_violation.cmake
execute_process(COMMAND "${NODE}" "${SCAN}" "${FILE}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT code EQUAL 1)
  message(FATAL_ERROR "expected the scan to exit 1 for its violation; it exited ${code}")
endif()
if(NOT out MATCHES "\n  ${RULE} \\(")
  message(FATAL_ERROR "expected the scan to report the rule ${RULE}")
endif()
if(NOT out MATCHES "axe: 1 files, 1 violations")
  message(FATAL_ERROR "expected exactly one violation, ${RULE}")
endif()
