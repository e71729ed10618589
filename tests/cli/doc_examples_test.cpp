// The examples in docs/guide.md and README.md run as written. The guide is replayed in order
// against a fresh database: every `$ runback ...` line must exit 0, or 2 where the guide shows an
// error ("runback: ..."), and `$ cat FILE` writes FILE as shown for the commands after it. Only
// exit statuses are checked: the texts shown may lag behind the program's words.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "in_process.hpp"

using namespace runback::testing;

namespace {

std::string read_doc(const std::string& name) {
  std::ifstream in(std::string(RUNBACK_SOURCE_DIR) + "/" + name);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A command line split as a POSIX shell splits words: blanks separate them, quotes group them.
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  REQUIRE(quote == 0);  // an unclosed quote would not run in a shell either
  if (in_word) words.push_back(word);
  return words;
}

// A command shown in a document, with what it shows after it.
struct Example {
  int line = 0;
  std::string command;  // without the "$ "
  std::vector<std::string> output;
};

// The `$ ...` lines of the guide's code blocks, in order.
std::vector<Example> guide_examples(const std::string& text) {
  std::vector<Example> examples;
  std::istringstream in(text);
  bool in_block = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_block = !in_block;
    } else if (in_block && line.rfind("$ ", 0) == 0) {
      examples.push_back({number, line.substr(2), {}});
    } else if (in_block && !examples.empty() && !line.empty()) {
      examples.back().output.push_back(line);
    }
  }
  return examples;
}

// The `runback ...` lines of the README's ```sh blocks, without their comments, each command of
// a `&&` chain on its own.
std::vector<Example> readme_commands(const std::string& text) {
  std::vector<Example> commands;
  std::istringstream in(text);
  bool in_block = false;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_block = line == "```sh";
      continue;
    }
    if (!in_block || line.rfind("runback ", 0) != 0) continue;
    const auto comment = line.find("  #");
    if (comment != std::string::npos) line.erase(comment);
    for (std::size_t start = 0;;) {
      const auto chain = line.find("&&", start);
      std::string part = line.substr(start, chain == std::string::npos ? chain : chain - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      commands.push_back({number, part, {}});
      if (chain == std::string::npos) break;
      start = chain + 2;
    }
  }
  return commands;
}

// A fresh folder to run in, as the working directory: relative paths in the examples land there.
struct Sandbox {
  TempDir dir{scratch_base()};
  std::filesystem::path previous = std::filesystem::current_path();
  Sandbox() { std::filesystem::current_path(dir.path()); }
  ~Sandbox() { std::filesystem::current_path(previous); }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  CommandResult run(const std::vector<std::string>& args) const {
    return run_command(args, {{"XDG_CONFIG_HOME", dir.file("config")},
                              {"XDG_DATA_HOME", dir.file("data")},
                              {"HOME", dir.path()},
                              {"RUNBACK_DB", dir.file("runback.db")},
                              {"RUNBACK_PLUGIN_PATH", ""}});
  }
};

}  // namespace

TEST_CASE("every command in docs/guide.md runs as shown, in order, on a fresh database",
          "[cli][docs]") {
  const auto examples = guide_examples(read_doc("docs/guide.md"));
  Sandbox sandbox;
  int replayed = 0;
  for (const Example& example : examples) {
    const auto words = shell_words(example.command);
    REQUIRE_FALSE(words.empty());
    INFO("docs/guide.md:" << example.line << ": $ " << example.command);
    if (words[0] == "cat") {
      REQUIRE(words.size() == 2);
      std::ofstream file(sandbox.dir.file(words[1]));
      for (const auto& line : example.output) file << line << "\n";
      continue;
    }
    REQUIRE(words[0] == "runback");
    const bool shows_an_error =
        !example.output.empty() && example.output.front().rfind("runback: ", 0) == 0;
    auto result = sandbox.run({words.begin() + 1, words.end()});
    INFO(result.err);
    CHECK(result.exit_code == (shows_an_error ? 2 : 0));
    ++replayed;
  }
  CHECK(replayed >= 16);  // the guide's story, not a parser that found nothing
}

TEST_CASE("every runback command in README.md runs as written", "[cli][docs]") {
  const auto commands = readme_commands(read_doc("README.md"));
  Sandbox sandbox;
  // The draft the README lints and shows.
  std::filesystem::copy_file(std::string(RUNBACK_SOURCE_DIR) + "/protocols/general-return.yaml",
                             sandbox.dir.file("my-protocol.yaml"));
  int run = 0;
  for (const Example& command : commands) {
    const auto words = shell_words(command.command);
    INFO("README.md:" << command.line << ": " << command.command);
    REQUIRE(words.size() >= 2);
    REQUIRE(words[0] == "runback");
    auto result = sandbox.run({words.begin() + 1, words.end()});
    INFO(result.err);
    if (words.size() == 2 && words[1] == "log") {
      // Asks for each value on a terminal; here, with no terminal, it says what to give.
      CHECK(result.exit_code == 2);
      CHECK(result.err.find("nothing to log") != std::string::npos);
    } else {
      CHECK(result.exit_code == 0);
    }
    ++run;
  }
  CHECK(run >= 11);
}
