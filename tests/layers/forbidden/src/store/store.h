#pragma once
// A fixture for scripts/check_layers_test.py (never compiled): the store reaching up to the app.

#include "app/import_council.h"
#include "io/interchange.h"
