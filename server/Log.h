// Structured logs: one JSON object per line on stderr {"ts":"2026-01-01T00:00:00.000Z" (RFC 3339, UTC),
// "level":"info"|"warn"|"error", "msg":..., ...fields}.
// Never pass passwords or tokens as fields. Thread-safe (a line is written under a mutex).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace dantoc::server::log {

void info(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
void warn(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
void error(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
// The level fits the outcome: error for 5xx, warn for 4xx (refused logins included), info otherwise.
void forStatus(int status, const std::string& message, const nlohmann::json& fields);

// 16 random hex digits (64 bits) naming one request in its X-Request-Id header and its log line; made by the
// server, never taken from the client (that would let it inject into the log).
std::string newRequestId();

// "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string rfc3339Utc(std::int64_t unixMillis);

}  // namespace dantoc::server::log
