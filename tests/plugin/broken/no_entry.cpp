// A shared library that is not a runback plugin: it exports no entry point.
extern "C" __attribute__((visibility("default"))) int runback_plugin_entry_misspelt() {
  return 1;
}
