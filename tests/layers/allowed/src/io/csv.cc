// A fixture for scripts/check_layers_test.py (never compiled).

#include "io/csv.h"

#include "domain/text.h"
