#pragma once
// What a runner types: the `runback log` commands a day of the week's plan gives (its reminders'
// "command"), with the placeholders filled in, exactly as printed otherwise.

#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace runback::testing {

// A value for a placeholder: `flag` is "--pain-during", "--pain-morning", ... or, for a plugin
// question, its key; `field` is the reminder's matching entry of "values" (kind and range).
using FillValue = std::function<std::string(const std::string& flag, const nlohmann::json& field)>;

inline std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The command of one reminder, as arguments after `runback`, with its placeholders filled.
inline std::vector<std::string> typed_command(const nlohmann::json& reminder,
                                              const FillValue& fill) {
  std::vector<std::string> words = split_words(reminder["command"].get<std::string>());
  std::vector<std::string> args(words.begin() + 1, words.end());  // without "runback"
  std::size_t field = 0;
  const auto& values = reminder["values"];
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i - 1] == "--answer") {
      const auto eq = args[i].find('=');
      const std::string key = args[i].substr(0, eq);
      args[i] = key + "=" + fill(key, values.at(field++));
    } else if (args[i] == "N") {
      args[i] = fill(args[i - 1], values.at(field++));
    }
  }
  return args;
}

// Every reminder shown on `date` in a week's JSON ("runback.week/1").
inline std::vector<nlohmann::json> reminders_on(const nlohmann::json& week,
                                                const std::string& date) {
  std::vector<nlohmann::json> out;
  for (const auto& day : week["days"]) {
    if (day["date"] != date) continue;
    for (const auto& reminder : day["reminders"]) out.push_back(reminder);
  }
  return out;
}

}  // namespace runback::testing
