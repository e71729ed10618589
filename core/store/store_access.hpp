// Private to the store: not included outside core/store.
#pragma once
// What the store's own files (the importer) and its tests reach inside a Store: its connection
// and the time it stamps changes with. Store names this class its friend; nothing else can.

#include <string>

#include "store/database.hpp"
#include "store/store.hpp"

namespace runback {

class StoreAccess {
 public:
  static Database& database(Store& store) { return *store.db_; }
  static std::string now(const Store& store) { return store.now(); }
};

}  // namespace runback
