// A fixture for scripts/check_layers_test.py (never compiled): a test may use the test helpers of
// every layer below its own.

#include "app/import_council.h"
#include "domain/test_council.h"
#include "io/test_seeds.h"
#include "store/test_database.h"
