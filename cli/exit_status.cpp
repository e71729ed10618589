#include "exit_status.hpp"

#include <ostream>

#include "context.hpp"

namespace runback::cli {

int exit_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::io:
    case ErrorKind::plugin:
      return 1;
    case ErrorKind::bad_input:
    case ErrorKind::not_found:
    case ErrorKind::conflict:
      return 2;
  }
  return 1;
}

void fail(Context& context, ErrorKind kind, const std::string& message) {
  context.err << "runback: " << message << "\n";
  context.exit_code = exit_status(kind);
}

void fail(Context& context, const Error& error) {
  fail(context, error.kind, error.message);
}

}  // namespace runback::cli
