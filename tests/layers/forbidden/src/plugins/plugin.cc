// A fixture for scripts/check_layers_test.py (never compiled): a folder with no layer rule.
