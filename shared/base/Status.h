// Status: the outcome of a fallible call, an error code plus a human-readable message (English, for logs;
// user-facing text is mapped from the code by the caller). Value type; safe to copy across threads.
#pragma once

#include <string>
#include <string_view>

namespace dantoc {

enum class ErrorCode {
    Ok = 0,
    InvalidArgument,  // the caller's input is malformed or violates a rule
    ParseError,       // text (JSON, CSV, expression) could not be parsed
    NotFound,
    AlreadyExists,
    Conflict,          // a concurrent change or a stale base version
    PermissionDenied,  // authenticated, but not allowed
    Unauthenticated,   // no or bad credentials
    FailedPrecondition,
    ResourceExhausted,  // a size, depth or rate limit was hit
    IoError,
    Corruption,
    Unavailable,  // transient: retry later
    Internal,
};

// Stable snake_case name of a code, for JSON and logs ("invalid_argument").
std::string_view errorCodeName(ErrorCode code);

class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    static Status ok() { return {}; }

    bool isOk() const { return m_code == ErrorCode::Ok; }
    explicit operator bool() const { return isOk(); }
    ErrorCode code() const { return m_code; }
    const std::string& message() const { return m_message; }
    // "invalid_argument: <message>"
    std::string toString() const;

private:
    ErrorCode m_code = ErrorCode::Ok;
    std::string m_message;
};

}  // namespace dantoc
