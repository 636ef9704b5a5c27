// Structured logs: one JSON object per line on stderr {"ts":..., "level":..., "msg":..., ...fields}.
// Never pass passwords or tokens as fields. Thread-safe (a line is written under a mutex).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace dantoc::server::log {

void info(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
void warn(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
void error(const std::string& message, const nlohmann::json& fields = nlohmann::json::object());

}  // namespace dantoc::server::log
