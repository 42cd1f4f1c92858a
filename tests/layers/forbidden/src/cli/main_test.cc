// A fixture for scripts/check_layers_test.py (never compiled): a test helper of a lower layer is
// allowed; the layer's other headers are not.

#include "store/store.h"
#include "store/test_database.h"
