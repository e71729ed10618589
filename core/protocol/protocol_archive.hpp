#pragma once
// A compact binary form of a loaded Protocol, so a stored snapshot can be used again without
// parsing its YAML. Layout: "RBPA", the archive version (u32), the payload's length (u32), then
// every field of the model in the order protocol/protocol_archive_fields.hpp lists them, all
// little-endian: int as i32, bool and enums as one byte, double as its IEEE-754 bits, strings,
// lists and maps as a u32 count then their items, optionals as a 0/1 byte then the value.

#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/protocol.hpp"
#include "util/result.hpp"

namespace runback {

// Bump whenever the layout or a field list changes; archives of any other version are refused,
// and the caller falls back to the YAML. The golden test in
// tests/protocol/protocol_archive_test.cpp records which version each golden was made for.
inline constexpr std::uint32_t kProtocolArchiveVersion = 3;

// Empty when the protocol holds a string or list too long for the format (4 GiB); decoding an
// empty string fails like any other bad archive.
std::string encode_protocol(const Protocol& protocol);

// The bytes are treated as untrusted: anything but a whole archive of this version is an Error
// (of ErrorKind::io: stored bytes that cannot be read).
Result<Protocol> decode_protocol(std::string_view bytes);

}  // namespace runback
