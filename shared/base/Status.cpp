#include "base/Status.h"

namespace dantoc {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::ParseError: return "parse_error";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AlreadyExists: return "already_exists";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::FailedPrecondition: return "failed_precondition";
    case ErrorCode::ResourceExhausted: return "resource_exhausted";
    case ErrorCode::IoError: return "io_error";
    case ErrorCode::Corruption: return "corruption";
    case ErrorCode::Unavailable: return "unavailable";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

std::string Status::toString() const
{
    if (isOk()) {
        return "ok";
    }
    std::string out(errorCodeName(m_code));
    out += ": ";
    out += m_message;
    return out;
}

}  // namespace dantoc
