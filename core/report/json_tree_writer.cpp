#include "report/json_tree_writer.hpp"

#include <utility>

namespace runback {

using json = nlohmann::ordered_json;

json& JsonTreeWriter::next_slot() {
  if (open_.empty()) return root_;
  json& parent = *open_.back();
  if (parent.is_array()) {
    parent.push_back(nullptr);
    return parent.back();
  }
  return parent[key_];
}

void JsonTreeWriter::begin_object() {
  json& slot = next_slot();
  slot = json::object();
  open_.push_back(&slot);
}

void JsonTreeWriter::end_object() {
  open_.pop_back();
}

void JsonTreeWriter::begin_array() {
  json& slot = next_slot();
  slot = json::array();
  open_.push_back(&slot);
}

void JsonTreeWriter::end_array() {
  open_.pop_back();
}

void JsonTreeWriter::key(std::string_view name) {
  key_.assign(name);
}

void JsonTreeWriter::string(std::string_view text) {
  next_slot() = std::string(text);
}

void JsonTreeWriter::integer(long long value) {
  next_slot() = value;
}

void JsonTreeWriter::unsigned_integer(std::uint64_t value) {
  next_slot() = value;
}

void JsonTreeWriter::number(double value) {
  next_slot() = value;
}

void JsonTreeWriter::boolean(bool value) {
  next_slot() = value;
}

void JsonTreeWriter::null() {
  next_slot() = nullptr;
}

json JsonTreeWriter::take() && {
  return std::move(root_);
}

}  // namespace runback
