// A fixture for scripts/check_layers_test.py (never compiled): the CLI may use the app and the
// domain only, however the path is spelled.

#include "../store/store.h"
#include "app/assess.h"
#include "domain/issue.h"
#include "io/folder.h"
#include "io/test_seeds.h"
