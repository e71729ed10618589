#pragma once
// The invalid-protocol corpus: tests/protocol/invalid/NAME.yaml, each with NAME.expected holding
// the diagnostic lines it must produce, with FILE standing for the file's path.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace runback::testing {

struct CorpusCase {
  std::string name;
  std::string path;
  std::vector<std::string> expected;  // FILE already replaced by `path`
};

inline std::vector<CorpusCase> invalid_corpus() {
  const std::filesystem::path dir =
      std::filesystem::path(RUNBACK_TEST_DATA_DIR) / "protocol/invalid";
  std::vector<CorpusCase> cases;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    CorpusCase c{entry.path().stem().string(), entry.path().string(), {}};
    std::ifstream in(std::filesystem::path(entry.path()).replace_extension(".expected"));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("FILE", 0) == 0) line = c.path + line.substr(4);
      if (!line.empty()) c.expected.push_back(line);
    }
    cases.push_back(std::move(c));
  }
  std::sort(cases.begin(), cases.end(),
            [](const CorpusCase& a, const CorpusCase& b) { return a.name < b.name; });
  return cases;
}

// Inputs too big or too odd to keep in the repository, built on demand.
inline std::string huge_protocol_text() {
  return "id: huge\n# " + std::string(1100 * 1024, 'x') + "\n";
}
inline std::string deep_flow_text() {
  return "id: [" + std::string(10000, '[') + "\n";
}
inline std::string deep_block_text() {
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(std::size_t(i), ' ') + "k:\n";
  return text + std::string(200, ' ') + "x\n";
}
// "Billion laughs": nine levels of nine aliases each.
inline std::string alias_bomb_text() {
  std::string text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    text += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", *" : "*") + char(level - 1);
    text += "]\n";
  }
  return text;
}
inline std::string alias_cycle_text() {
  return "id: cycle\nstages: &s [*s]\n";
}
inline std::string binary_text() {
  std::string text;
  unsigned state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    text += static_cast<char>((state >> 16) & 0xFF);
  }
  return text;
}

}  // namespace runback::testing
