#pragma once
// A whole number in a range on the command line, refused in the words runback's other flags use
// ("'30' is not a number of weeks from 1 to 26") rather than CLI11's "Value 30 not in range".

#include <string>

namespace CLI {
class Validator;
}

namespace runback::cli {

// `noun` names what the number counts, with its article: "a width", "a number of weeks";
// `unit`, when given, follows the range: "columns".
CLI::Validator whole_number_in(int min, int max, const std::string& noun,
                               const std::string& unit = "");

}  // namespace runback::cli
