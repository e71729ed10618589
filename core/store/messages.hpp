// Private to the store: not included outside core/store.
#pragma once
// Sentences that more than one of the store's files say to the user.

namespace runback {

// Opening records that do not exist yet, or a database with no runner in it.
inline constexpr const char* kNoRecords =
    "no records yet: start a programme with `runback start --protocol ID`";

}  // namespace runback
