#include "protocol_lookup.hpp"

#include <ostream>

namespace runback::cli {

std::vector<ProtocolDir> protocol_dirs_for(const Context& context) {
  return protocol_search_dirs(context.fs, context.env, context.protocol_dirs,
                              context.executable_path);
}

void print_diagnostic(std::ostream& err, const Diagnostic& d) {
  if (d.where.file.empty()) {
    err << "runback: " << severity_name(d.severity) << ": " << d.message << '\n';
  } else {
    err << format_diagnostic(d) << '\n';
  }
}

std::optional<Protocol> protocol_for_flag(Context& context, const std::string& id_or_file,
                                          const std::string& flag) {
  LoadResult result = find_protocol(context.fs, protocol_dirs_for(context), id_or_file);
  for (const auto& d : result.diagnostics) print_diagnostic(context.err, d);
  if (!result.protocol) {
    // What the user named is theirs to fix, whatever kept it from loading.
    fail(context, ErrorKind::bad_input,
         flag + ": cannot use '" + id_or_file +
             "' (see above; `runback protocol list` shows the protocols)");
    return std::nullopt;
  }
  return std::move(*result.protocol);
}

}  // namespace runback::cli
