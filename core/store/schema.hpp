// Private to the store: not included outside core/store.
#pragma once
// The records schema as numbered steps. PRAGMA user_version says which steps a database has had;
// opening it read-write applies the rest in one transaction. A new schema version is one more
// step at the end of the list; a step is never edited once released.

#include <vector>

#include "store/database.hpp"
#include "util/result.hpp"

namespace runback {

struct Migration {
  int to_version;   // user_version after this step
  const char* sql;  // DDL and data moves; runs inside the migration transaction
};

const std::vector<Migration>& schema_migrations();
int current_schema_version();

Result<int> schema_version(Database& db);
// Brings the database to the current version. A database newer than this runback is an error
// (an older runback must not write to a schema it does not know).
Status migrate(Database& db);

}  // namespace runback
