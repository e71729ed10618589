// Micro-benchmark of reading a programme's protocol snapshot: parsing the YAML
// (load_protocol_text) against decoding the archive of the same protocol (decode_protocol), for
// each shipped protocol, with the cost of encoding once. Figures are medians over many runs, in
// microseconds.
//
//   ./build/bench/protocol/bench_protocol_archive [runs]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "io/file_system.hpp"
#include "protocol/loader.hpp"
#include "protocol/protocol_archive.hpp"

using namespace runback;

namespace {

template <class F>
double median_us(int runs, F&& once) {
  std::vector<double> times;
  times.reserve(std::size_t(runs));
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    once();
    const auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  std::nth_element(times.begin(), times.begin() + runs / 2, times.end());
  return times[std::size_t(runs / 2)];
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(RUNBACK_SOURCE_PROTOCOL_DIR)) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());

  std::printf("%-22s %8s %10s %10s %10s %10s %7s\n", "protocol", "yaml B", "archive B", "parse us",
              "encode us", "decode us", "ratio");
  RealFileSystem fs;
  for (const auto& path : paths) {
    const LoadResult loaded = load_protocol_file(fs, path.string());
    if (!loaded.protocol) {
      std::fprintf(stderr, "%s does not load\n", path.c_str());
      return 1;
    }
    const std::string& text = loaded.protocol->source_text;
    const std::string archive = encode_protocol(*loaded.protocol);
    std::size_t sink = 0;
    const double parse = median_us(
        runs, [&] { sink += load_protocol_text(text, path.string()).protocol->stages.size(); });
    const double encode =
        median_us(runs, [&] { sink += encode_protocol(*loaded.protocol).size(); });
    const double decode = median_us(runs, [&] { sink += decode_protocol(archive)->stages.size(); });
    if (sink == 0) return 1;
    std::printf("%-22s %8zu %10zu %10.1f %10.1f %10.1f %6.0fx\n", path.stem().c_str(), text.size(),
                archive.size(), parse, encode, decode, parse / decode);
  }
  return 0;
}
