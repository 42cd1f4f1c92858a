// A fixture for scripts/check_layers_test.py (never compiled): the web application to come.

#include "web/routes.h"

#include "app/import_council.h"
#include "domain/issue.h"
