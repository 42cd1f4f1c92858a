#pragma once
// A fixture for scripts/check_layers_test.py (never compiled): a test helper of the domain.

#include "domain/text.h"
