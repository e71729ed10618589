// The descriptive sections: authors, references, entry criteria, the start rule, exercises, the
// recovery routine and the plugin.
#include <optional>
#include <set>
#include <utility>

#include "protocol/describe.hpp"
#include "protocol/sections.hpp"

namespace runback::loading {

using yaml::Field;

void read_ref(Loading& loading, const yaml::MapFields& map, std::string& out) {
  const Field* ref = map.get("ref");
  if (ref == nullptr) return;
  if (auto value = loading.reader.text(*ref)) {
    out = *value;
    loading.ref_mentions.push_back(Mention{*value, ref->where, ref->path});
  }
}

void read_authors(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "names");
  if (!items) return;
  for (const auto& item : *items) {
    if (auto value = loading.reader.text(item)) loading.protocol.authors.push_back(*value);
  }
}

void read_references(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "references");
  if (!items) return;
  std::set<std::string> ids;
  for (const auto& item : *items) {
    auto map = loading.reader.map(item, {"id", "citation", "url", "note"}, "a reference");
    if (!map) continue;
    Reference reference;
    if (const Field* id = map->require(loading.reader, "id",
                                       "every reference needs an id for ref: keys to use")) {
      if (auto value = loading.reader.text(*id)) {
        if (!ids.insert(*value).second) {
          loading.reader.error(*id, "'" + *value +
                                        "' is already the id of an earlier reference; "
                                        "ids must be unique");
        } else {
          loading.reference_ids.push_back(Mention{*value, id->where, id->path});
        }
        reference.id = *value;
      }
    }
    if (const Field* citation = map->require(loading.reader, "citation",
                                             "every reference needs its citation (authors, "
                                             "year, title, journal)")) {
      if (auto value = loading.reader.text(*citation)) reference.citation = *value;
    }
    if (const Field* url = map->get("url")) {
      if (auto value = loading.reader.text(*url)) reference.url = *value;
    }
    if (const Field* note = map->get("note")) {
      if (auto value = loading.reader.text(*note)) reference.note = *value;
    }
    loading.protocol.references.push_back(std::move(reference));
  }
}

void read_entry_criteria(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "entry criteria");
  if (!items) return;
  std::set<std::string> ids;
  for (const auto& item : *items) {
    auto map = loading.reader.map(item, {"id", "text", "ref"}, "an entry criterion");
    if (!map) continue;
    EntryCriterion criterion;
    if (const Field* id = map->get("id")) {
      if (auto value = loading.reader.identifier(*id)) {
        if (!ids.insert(*value).second) {
          loading.reader.error(*id, "'" + *value +
                                        "' is already the id of an earlier entry "
                                        "criterion; ids must be unique");
        }
        criterion.id = *value;
      }
    }
    if (const Field* text = map->require(loading.reader, "text",
                                         "what the runner confirms before starting, e.g. "
                                         "'Brisk 30-minute walk without pain'")) {
      if (auto value = loading.reader.text(*text)) criterion.text = *value;
    }
    read_ref(loading, *map, criterion.ref);
    loading.protocol.entry_criteria.push_back(std::move(criterion));
  }
}

namespace {

// A band's bound: `at_least: x`, or in format 2 `above: x` (exclusive), exactly one of the two.
// The first band is `at_least: 0`, so that every answer has a stage; the bounds go up, an
// `above: x` band coming after an `at_least: x` one. `previous` is the last band read.
void read_band_bound(Loading& loading, const yaml::MapFields& map, bool first,
                     std::optional<StartBand>& previous, StartBand& band) {
  const Field* at_least = map.get("at_least");
  const Field* above = map.get("above");
  if (at_least && above) {
    loading.reader.error(*above, "give either at_least or above, not both");
    return;
  }
  const Field* bound = above ? above : at_least;
  if (bound == nullptr) {
    map.require(loading.reader, "at_least",
                loading.protocol.format >= 2
                    ? "the smallest answer for this band (or 'above': the answer it must be above)"
                    : "the smallest answer for this band");
    return;
  }
  auto value = loading.reader.number(*bound, 0, 1e6);
  if (!value) return;
  band.at_least = *value;
  band.exclusive = above != nullptr;
  if (first && band.exclusive) {
    loading.reader.error(*bound,
                         "starts the first band above " + bound->node.Scalar() +
                             "; the first band must be 'at_least: 0' so that every answer, 0 "
                             "included, has a stage");
  } else if (first && *value != 0) {
    loading.reader.error(*bound, "is " + bound->node.Scalar() +
                                     "; the first band must start at 0 so that every answer has "
                                     "a stage");
  } else if (previous && std::pair(band.at_least, band.exclusive) <=
                             std::pair(previous->at_least, previous->exclusive)) {
    loading.reader.error(
        *bound, "is " + bound->node.Scalar() + ", not above the band before it; bands must go up");
  }
  previous = band;
}

void read_entry_test(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"question", "unit", "bands", "ref"}, "an entry test");
  if (!map) return;
  EntryTest test;
  if (const Field* question =
          map->require(loading.reader, "question", "the question asked of the runner")) {
    if (auto value = loading.reader.text(*question)) test.question = *value;
  }
  static const std::vector<std::string> kUnits = {"minutes", "km", "m", "mi", "count", "score"};
  if (const Field* unit = map->require(loading.reader, "unit",
                                       "the unit of the answer: minutes, km, m, mi, count or "
                                       "score")) {
    if (auto index = loading.reader.choice(*unit, kUnits)) test.unit = kUnits[*index];
  }
  if (const Field* bands = map->require(loading.reader, "bands",
                                        "which stage each answer starts at, e.g. "
                                        "'bands: [{at_least: 0, stage: week-1}]'")) {
    if (auto items = loading.reader.list(*bands, "bands")) {
      if (items->empty()) loading.reader.error(*bands, "is empty; expected at least one band");
      std::optional<StartBand> previous;
      for (std::size_t i = 0; i < items->size(); ++i) {
        const Field& item = (*items)[i];
        auto band_map =
            loading.reader.map(item, {"at_least", "above", "stage"}, "a band", {"above"});
        if (!band_map) continue;
        StartBand band;
        read_band_bound(loading, *band_map, i == 0, previous, band);
        if (const Field* stage =
                band_map->require(loading.reader, "stage", "the stage id this band starts at")) {
          if (auto value = loading.reader.text(*stage)) {
            band.stage = *value;
            loading.stage_mentions.push_back(Mention{*value, stage->where, stage->path});
          }
        }
        test.bands.push_back(band);
      }
    }
  }
  read_ref(loading, *map, test.ref);
  loading.protocol.start.entry_test = std::move(test);
}

}  // namespace

void read_start(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"default_stage", "entry_test"}, "a start rule");
  if (!map) return;
  if (const Field* stage = map->get("default_stage")) {
    if (auto value = loading.reader.text(*stage)) {
      loading.protocol.start.default_stage = *value;
      loading.stage_mentions.push_back(Mention{*value, stage->where, stage->path});
    }
  }
  if (const Field* test = map->get("entry_test")) read_entry_test(loading, *test);
}

void read_exercises(Loading& loading, const Field& field, std::vector<Exercise>& out) {
  auto items = loading.reader.list(field, "exercises");
  if (!items) return;
  for (const auto& item : *items) {
    auto map = loading.reader.map(
        item,
        {"name", "sets", "reps", "hold_s", "times", "per", "tempo", "load", "progression", "ref"},
        "an exercise");
    if (!map) continue;
    Exercise exercise;
    exercise.where = item.where;
    if (const Field* name = map->require(loading.reader, "name",
                                         "every exercise needs a name, e.g. 'name: heel drops'")) {
      if (auto value = loading.reader.text(*name)) exercise.name = *value;
    }
    if (const Field* sets = map->get("sets")) {
      if (auto value = loading.reader.integer(*sets, 1, 20)) exercise.sets = *value;
    }
    const Field* reps = map->get("reps");
    const Field* hold = map->get("hold_s");
    if (reps != nullptr) {
      if (auto value = loading.reader.integer(*reps, 1, 200)) exercise.reps = *value;
    }
    if (hold != nullptr) {
      if (auto value = loading.reader.integer(*hold, 1, 600)) exercise.hold_s = *value;
    }
    if (reps != nullptr && hold != nullptr) {
      loading.reader.error(*hold, "give either reps or hold_s (seconds held), not both");
    } else if (reps == nullptr && hold == nullptr) {
      loading.reader.error(item.where, item.path + ".reps",
                           "missing; an exercise needs reps (repetitions per set) or hold_s "
                           "(seconds held)");
    }
    if (const Field* times = map->get("times")) {
      if (auto value = loading.reader.integer(*times, 1, 14)) exercise.times = *value;
    }
    if (const Field* per = map->get("per")) {
      if (auto value = loading.reader.choice(*per, kPeriodNames)) exercise.per = *value;
    }
    if (const Field* tempo = map->get("tempo")) {
      if (auto value = loading.reader.text(*tempo)) exercise.tempo = *value;
    }
    if (const Field* load = map->get("load")) {
      if (auto value = loading.reader.text(*load)) exercise.load = *value;
    }
    if (const Field* progression = map->get("progression")) {
      if (auto value = loading.reader.text(*progression)) exercise.progression = *value;
    }
    read_ref(loading, *map, exercise.ref);
    out.push_back(std::move(exercise));
  }
}

void read_recovery(Loading& loading, const Field& field) {
  auto items = loading.reader.list(field, "recovery items");
  if (!items) return;
  for (const auto& item : *items) {
    auto map = loading.reader.map(
        item, {"name", "when", "duration", "times_per_week", "details", "ref"}, "a recovery item");
    if (!map) continue;
    RecoveryItem recovery;
    if (const Field* name = map->require(loading.reader, "name",
                                         "every recovery item needs a name, e.g. 'name: easy "
                                         "walk'")) {
      if (auto value = loading.reader.text(*name)) recovery.name = *value;
    }
    if (const Field* when = map->get("when")) {
      if (auto value = loading.reader.choice(*when, kRecoveryWhenNames)) recovery.when = *value;
    }
    if (const Field* duration = map->get("duration")) {
      if (auto value = loading.reader.amount(*duration, Amount::Kind::time)) {
        recovery.duration = *value;
      }
    }
    if (const Field* times = map->get("times_per_week")) {
      if (recovery.when != RecoveryWhen::weekly) {
        loading.reader.error(*times, "is only for 'when: weekly'; remove it or change when");
      } else if (auto value = loading.reader.integer(*times, 1, 7)) {
        recovery.times_per_week = *value;
      }
    }
    if (const Field* details = map->get("details")) {
      if (auto value = loading.reader.text(*details)) recovery.details = *value;
    }
    read_ref(loading, *map, recovery.ref);
    loading.protocol.recovery.push_back(std::move(recovery));
  }
}

void read_plugin(Loading& loading, const Field& field) {
  auto map = loading.reader.map(field, {"name", "params", "ref"}, "a plugin");
  if (!map) return;
  PluginRef plugin;
  plugin.where = field.where;
  if (const Field* name =
          map->require(loading.reader, "name", "the plugin's name, e.g. 'name: achilles'")) {
    if (auto value = loading.reader.identifier(*name)) {
      plugin.name = *value;
      plugin.where = name->where;
    }
  }
  if (const Field* params = map->get("params")) {
    if (!params->node.IsMap()) {
      loading.reader.error(*params, "expected a map of parameter names to values, found " +
                                        yaml::describe_found(params->node));
    } else {
      std::set<std::string> seen;
      for (auto it = params->node.begin(); it != params->node.end(); ++it) {
        const SourceLocation key_where = loading.reader.location(it->first, params->where);
        if (!it->first.IsScalar()) {
          loading.reader.error(
              key_where, params->path,
              "a parameter name must be plain text, found " + yaml::describe_found(it->first));
          continue;
        }
        const std::string key = it->first.Scalar();
        const std::string path = yaml::child_path(params->path, key);
        if (!seen.insert(key).second) {
          loading.reader.error(key_where, path, "given twice; each parameter may appear once");
          continue;
        }
        const Field value{it->second, path, loading.reader.location(it->second, key_where)};
        if (!value.node.IsScalar()) {
          loading.reader.error(value, "expected a single value (text or a number), found " +
                                          yaml::describe_found(value.node));
          continue;
        }
        plugin.params[key] = PluginParam{value.node.Scalar(), value.where};
      }
    }
  }
  read_ref(loading, *map, plugin.ref);
  loading.protocol.plugin = std::move(plugin);
}

}  // namespace runback::loading
