// A fixture for scripts/check_layers_test.py (never compiled): every include within its layer.

#include "domain/text.h"

#include <fmt/format.h>

#include "local.h"
