// A fixture for scripts/check_layers_test.py (never compiled).

#include "app/import_council.h"
#include "cli/commands.h"
#include "domain/issue.h"
