// A fixture for scripts/check_layers_test.py (never compiled): the domain including the store,
// which the layer rule forbids.

#include <string>

#include "domain/period.h"
#include "store/store.h"
