// A fixture for scripts/check_layers_test.py (never compiled): a test helper may use the domain's.

#include "io/test_seeds.h"

#include "domain/test_council.h"
