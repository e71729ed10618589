#include "protocol/protocol_archive.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>

#include "protocol/archive_reader.hpp"
#include "protocol/archive_writer.hpp"

namespace runback {
namespace {

constexpr std::string_view kMagic = "RBPA";
constexpr std::size_t kHeaderSize = 12;  // magic, version, payload length

std::uint32_t u32_at(std::string_view bytes, std::size_t offset) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value |= std::uint32_t(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  }
  return value;
}

Error corrupt(const std::string& problem) {
  return Error{"the protocol archive is damaged: " + problem, ErrorKind::io};
}

}  // namespace

std::string encode_protocol(const Protocol& protocol) {
  std::string out;
  out.reserve(kHeaderSize + protocol.source_text.size() + 8192);
  out.append(kMagic);
  archive::Writer writer(out);
  writer.write_u32(kProtocolArchiveVersion);
  writer.write_u32(0);  // the payload's length, set below
  writer.write(protocol);
  const std::size_t payload = out.size() - kHeaderSize;
  if (!writer.ok() || payload > std::numeric_limits<std::uint32_t>::max()) return {};
  for (std::size_t i = 0; i < 4; ++i) out[8 + i] = static_cast<char>((payload >> (8 * i)) & 0xFF);
  return out;
}

Result<Protocol> decode_protocol(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return Error{"this is not a protocol archive: it does not start with the magic \"RBPA\"",
                 ErrorKind::io};
  }
  if (bytes.size() < kHeaderSize) return corrupt("it ends inside its header");
  const std::uint32_t version = u32_at(bytes, 4);
  if (version != kProtocolArchiveVersion) {
    return Error{"the protocol archive is version " + std::to_string(version) +
                     ", but this runback reads version " + std::to_string(kProtocolArchiveVersion),
                 ErrorKind::io};
  }
  const std::uint32_t length = u32_at(bytes, 8);
  const std::size_t present = bytes.size() - kHeaderSize;
  if (length > present) {
    return corrupt("its header promises " + std::to_string(length) + " bytes but only " +
                   std::to_string(present) + " follow");
  }
  if (length < present) {
    return corrupt(std::to_string(present - length) + " bytes follow the end its header gives");
  }
  archive::Reader reader(bytes.substr(kHeaderSize));
  Protocol protocol;
  if (!reader.read(protocol)) return corrupt(reader.error());
  if (reader.remaining() != 0) {
    return corrupt(std::to_string(reader.remaining()) + " bytes are left after the protocol");
  }
  return protocol;
}

}  // namespace runback
