// A fixture for scripts/check_layers_test.py (never compiled): a test may use the test helpers of
// the layers below its own, not those above it.

#include "io/csv.h"

#include "domain/test_council.h"
#include "store/test_database.h"
