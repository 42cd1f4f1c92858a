// A fixture for scripts/check_layers_test.py (never compiled): a path beside the file counts as
// its own folder's.

#include "store/store.h"

#include "domain/clock.h"
#include "io/interchange.h"
#include "sqlite/sqlite_database.h"
