// Result<T>: a value or the Status saying why there is none. Used instead of exceptions across module
// boundaries. Value type; thread-safety is that of T.
#pragma once

#include "base/Status.h"

#include <cassert>
#include <utility>
#include <variant>

namespace dantoc {

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
    Result(Status error) : m_data(std::move(error)) { assert(!std::get<Status>(m_data).isOk()); }
    Result(ErrorCode code, std::string message) : m_data(Status(code, std::move(message))) {}

    bool isOk() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return isOk(); }

    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    // The error; Status::ok() when there is a value.
    Status status() const { return isOk() ? Status::ok() : std::get<Status>(m_data); }

private:
    std::variant<T, Status> m_data;
};

}  // namespace dantoc
