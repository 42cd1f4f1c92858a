#pragma once
// A fixture for scripts/check_layers_test.py (never compiled).

#include "store/database.h"
