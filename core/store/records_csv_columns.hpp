// Private to the store: not included outside core/store.
#pragma once
// The columns of the records CSV by name, in the order of kRecordsCsvColumns
// (store/records_csv.hpp), for the export and the import to index a record's fields.

namespace runback {

enum RecordsCsvColumn {
  kRecord,
  kRunner,
  kDate,
  kSession,
  kPainDuring,
  kPainAfter,
  kPainMorning,
  kStiffness,
  kSwelling,
  kLimp,
  kRedFlags,
  kAnswers,
  kNote,
  kClearedBy,
  kProgramme,
  kPainWarmup,  // last: a file from before it (without the column) still imports
  kColumnCount
};

}  // namespace runback
