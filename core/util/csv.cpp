#include "util/csv.hpp"

namespace runback {

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_record(std::string& out, const std::vector<std::string_view>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += "\r\n";
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::size_t count = 0;
  auto field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };
  const std::size_t size = text_.size();
  for (;;) {
    std::string& current = field();
    if (pos_ < size && text_[pos_] == '"') {
      ++pos_;
      for (;;) {
        const std::size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          return Error{"a quoted field is not closed (a \" is missing)"};
        }
        const std::string_view chunk = text_.substr(pos_, quote - pos_);
        for (char c : chunk) line_ += c == '\n';
        current.append(chunk);
        pos_ = quote + 1;
        if (pos_ < size && text_[pos_] == '"') {
          current += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < size && text_[pos_] != ',' && text_[pos_] != '\r' && text_[pos_] != '\n') {
        return Error{
            "unexpected text after a closing quote (quotes inside a field are "
            "written twice: \"\")"};
      }
    } else {
      const std::size_t end = text_.find_first_of(",\r\n\"", pos_);
      const std::size_t stop = end == std::string_view::npos ? size : end;
      if (stop < size && text_[stop] == '"') {
        return Error{
            "a quote inside an unquoted field (quote the whole field and double the "
            "quote: \"\")"};
      }
      current.append(text_.substr(pos_, stop - pos_));
      pos_ = stop;
    }
    if (pos_ >= size) break;
    if (text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < size && text_[pos_] == '\n') ++pos_;
    } else {
      ++pos_;  // '\n'
    }
    ++line_;
    break;
  }
  fields.resize(count);
  return true;
}

}  // namespace runback
