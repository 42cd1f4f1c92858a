#pragma once
// A fixture for scripts/check_layers_test.py (never compiled).

#include "domain/issue.h"
#include "io/interchange.h"
#include "store/store.h"
